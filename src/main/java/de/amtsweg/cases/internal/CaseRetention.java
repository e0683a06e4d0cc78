package de.amtsweg.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.JobLock;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.postbox.Postbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps closed cases only as long as their result's retention period says: once the day
 * {@code retain_until} has passed, a daily job (one node at a time) removes the answers,
 * attachments, notice, notes, the applicant's data and the case's postbox threads. The
 * reference, dates, org unit, form, status and result stay for statistics. Each case is
 * anonymised once, in its own transaction, and audited.
 */
@Component
public class CaseRetention {

	private final JdbcClient jdbc;

	private final CaseRepository cases;

	private final Postbox postbox;

	private final JobLock lock;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CaseRetention(JdbcClient jdbc, CaseRepository cases, Postbox postbox, JobLock lock, AuditLog auditLog,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.postbox = postbox;
		this.lock = lock;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(cron = "${amtsweg.cases.retention-cron:0 30 3 * * *}")
	void scheduled() {
		this.lock.runExclusively("case-retention", Duration.ofHours(1), this::anonymiseDue);
	}

	/**
	 * Anonymises every closed case whose retention ended before today.
	 * @return how many cases were anonymised
	 */
	public int anonymiseDue() {
		AtomicInteger done = new AtomicInteger();
		SystemActor.run(() -> {
			for (UUID id : due(LocalDate.now(this.clock))) {
				this.transactions.executeWithoutResult((status) -> {
					if (anonymise(id)) {
						done.incrementAndGet();
					}
				});
			}
		});
		return done.get();
	}

	private List<UUID> due(LocalDate today) {
		return this.jdbc.sql("""
				select id from case_file
				 where status = 'CLOSED' and anonymised_at is null and retain_until < :today
				 order by retain_until limit 1000""").param("today", today).query(UUID.class).list();
	}

	private boolean anonymise(UUID id) {
		// the access code is replaced too: with the reference it would still open the
		// (now empty) status page
		int changed = this.jdbc.sql("""
				update case_file set answers = '{}', computed = '{}', attachments = '[]', applicant_name = '–',
				       applicant_email = null, applicant_account_id = null,
				       decision_reason = case when result is null then null else '–' end,
				       notice_blob = null, notice_created_at = null, access_code = :code, anonymised_at = :at
				 where id = :id and status = 'CLOSED' and anonymised_at is null""")
			.param("code", CaseIntake.accessCode())
			.param("at", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.update();
		if (changed == 0) {
			return false;
		}
		this.jdbc.sql("delete from case_note where case_id = :id").param("id", id).update();
		CaseFile file = this.cases.findById(id).orElseThrow();
		int threads = this.postbox.removeTopic(file.municipalityId(), CaseQuestions.topic(id));
		this.cases.addEvent(id, this.clock.instant(), "anonymised", null, AuditLog.SYSTEM, "", false);
		this.auditLog.record("case.anonymised", "case", id.toString(), file.municipalityId(),
				file.reference() + ", " + threads + " postbox threads deleted");
		return true;
	}

}
