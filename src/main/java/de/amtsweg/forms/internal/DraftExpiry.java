package de.amtsweg.forms.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import de.amtsweg.accounts.CitizenAccountDeleted;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.JobLock;
import de.amtsweg.platform.SystemActor;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes drafts that were not touched for the configured lifetime (with their files),
 * and what belongs to a deleted account.
 */
@Component
public class DraftExpiry {

	private static final int BATCH = 200;

	private final DraftRepository drafts;

	private final SubmissionRepository submissions;

	private final DraftFiles files;

	private final JobLock lock;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DraftExpiry(DraftRepository drafts, SubmissionRepository submissions, DraftFiles files, JobLock lock,
			AuditLog auditLog, TransactionTemplate transactions, Clock clock) {
		this.drafts = drafts;
		this.submissions = submissions;
		this.files = files;
		this.lock = lock;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${amtsweg.forms.expiry-interval:PT1H}",
			initialDelayString = "${amtsweg.forms.expiry-interval:PT1H}")
	void scheduled() {
		this.lock.runExclusively("forms-draft-expiry", Duration.ofMinutes(30), this::deleteExpired);
	}

	/** Deletes every expired draft; returns how many. */
	public int deleteExpired() {
		AtomicInteger deleted = new AtomicInteger();
		SystemActor.run(() -> {
			while (true) {
				List<UUID> expired = this.drafts.findExpired(this.clock.instant(), BATCH);
				if (expired.isEmpty()) {
					return;
				}
				for (UUID id : expired) {
					this.transactions.executeWithoutResult((status) -> {
						this.drafts.find(id).ifPresent((draft) -> {
							this.files.deleteAll(id);
							this.drafts.delete(id);
							this.auditLog.record("form-draft.expired", "form-draft", id.toString(),
									draft.municipalityId(), "");
						});
					});
					deleted.incrementAndGet();
				}
			}
		});
		return deleted.get();
	}

	@ApplicationModuleListener
	void accountDeleted(CitizenAccountDeleted event) {
		SystemActor.run(() -> {
			int drafts = this.drafts.deleteByAccount(event.accountId());
			int submissions = this.submissions.detachAccount(event.accountId());
			this.auditLog.record("form-account.removed", "citizen-account", event.accountId().toString(), null,
					drafts + " drafts deleted, " + submissions + " submissions detached");
		});
	}

}
