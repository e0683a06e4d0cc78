package de.amtsweg.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import de.amtsweg.accounts.CitizenAccountDeleted;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.JobLock;
import de.amtsweg.platform.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hourly, on one node: deletes accounts left unconfirmed for
 * {@link Registrations#UNCONFIRMED_RETENTION} (nobody proved the address, so the data
 * must not stay), and forgets expired tokens and old rate-limit counters.
 */
@Component
public class AccountMaintenance {

	private static final Logger log = LoggerFactory.getLogger(AccountMaintenance.class);

	/**
	 * Expired tokens are kept a while, so a late click still gets "expired", not
	 * "unknown".
	 */
	static final Duration EXPIRED_TOKEN_RETENTION = Duration.ofDays(7);

	private final CitizenAccountRepository accounts;

	private final AccountTokens tokens;

	private final JobLock jobLock;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	private final Clock clock;

	public AccountMaintenance(CitizenAccountRepository accounts, AccountTokens tokens, JobLock jobLock,
			TransactionTemplate transactions, ApplicationEventPublisher events, AuditLog auditLog, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.jobLock = jobLock;
		this.transactions = transactions;
		this.events = events;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Scheduled(cron = "${amtsweg.accounts.maintenance-cron:0 17 * * * *}")
	void scheduled() {
		run();
	}

	/**
	 * Runs the maintenance now, unless another node is running it.
	 * @return how many unconfirmed accounts were deleted
	 */
	public int run() {
		AtomicInteger deleted = new AtomicInteger();
		this.jobLock.runExclusively("accounts.maintenance", Duration.ofMinutes(10), () -> SystemActor.run(() -> {
			Instant now = this.clock.instant();
			List<UUID> batch;
			do {
				batch = this.transactions.execute((status) -> deleteUnconfirmed(now));
				deleted.addAndGet(batch.size());
			}
			while (batch.size() == 500);
			this.transactions.executeWithoutResult((status) -> {
				this.tokens.deleteExpiredBefore(now.minus(EXPIRED_TOKEN_RETENTION));
			});
		}));
		if (deleted.get() > 0) {
			log.info("Deleted {} accounts left unconfirmed for {} days", deleted.get(),
					Registrations.UNCONFIRMED_RETENTION.toDays());
		}
		return deleted.get();
	}

	private List<UUID> deleteUnconfirmed(Instant now) {
		List<UUID> ids = this.accounts.unconfirmedCreatedBefore(now.minus(Registrations.UNCONFIRMED_RETENTION));
		for (UUID id : ids) {
			this.tokens.deleteAll(id);
			this.accounts.delete(id);
			this.auditLog.record("citizen-account.deleted", "citizen-account", id.toString(), null,
					"not confirmed within " + Registrations.UNCONFIRMED_RETENTION.toDays() + " days");
			this.events.publishEvent(new CitizenAccountDeleted(id));
		}
		return ids;
	}

}
