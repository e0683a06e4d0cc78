package de.amtsweg.payments.internal;

import de.amtsweg.accounts.CitizenAccountDeleted;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.SystemActor;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A deleted account loses the link to its claims; the claims themselves stay, as the
 * treasury must keep them, under the debtor's name as printed on the notice.
 */
@Component
class ClaimsOfDeletedAccounts {

	private final ClaimRepository claims;

	private final AuditLog auditLog;

	ClaimsOfDeletedAccounts(ClaimRepository claims, AuditLog auditLog) {
		this.claims = claims;
		this.auditLog = auditLog;
	}

	@ApplicationModuleListener
	void deleted(CitizenAccountDeleted event) {
		SystemActor.run(() -> {
			this.claims.unlinkAccount(event.accountId());
			this.auditLog.record("payment-claims.unlinked", "citizen-account", event.accountId().toString(), null,
					"account deleted");
		});
	}

}
