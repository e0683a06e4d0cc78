package de.amtsweg.postbox.internal;

import de.amtsweg.accounts.CitizenAccountDeleted;
import de.amtsweg.accounts.OrganisationAccountDeleted;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.SystemActor;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Removes what belongs to deleted accounts: a citizen's own threads go; threads of an
 * organisation stay for its other members until the organisation goes. Blobs stay: they
 * are addressed by content and may be shared with other records.
 */
@Component
class PostboxHousekeeping {

	private final PostboxRepository repository;

	private final AuditLog auditLog;

	PostboxHousekeeping(PostboxRepository repository, AuditLog auditLog) {
		this.repository = repository;
		this.auditLog = auditLog;
	}

	@ApplicationModuleListener
	void on(CitizenAccountDeleted event) {
		SystemActor.run(() -> {
			int deleted = this.repository.removeAccount(event.accountId());
			this.auditLog.record("postbox.account.removed", "citizen-account", event.accountId().toString(), null,
					deleted + " threads deleted");
		});
	}

	@ApplicationModuleListener
	void on(OrganisationAccountDeleted event) {
		SystemActor.run(() -> {
			int deleted = this.repository.removeOrganisation(event.organisationId());
			this.auditLog.record("postbox.organisation.removed", "organisation-account",
					event.organisationId().toString(), null, deleted + " threads deleted");
		});
	}

}
