package de.amtsweg.forms.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import de.amtsweg.forms.FeeCollection;
import de.amtsweg.forms.FormSubmitted;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.JobLock;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.platform.TimelineEntry;
import de.amtsweg.platform.TimelineSource;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submissions whose fee is paid before they count ({@code local.feePayment = before}):
 * stored exactly once like any other, but held ({@code form_submission.payment_hold})
 * without {@link FormSubmitted}, so no case exists yet. The fee is claimed through
 * {@link FeeCollection} in the submission's transaction; the booking releases the
 * submission (one conditional update, so a repeated or late booking event releases it
 * once) and only then publishes {@link FormSubmitted}. Held submissions that stay unpaid
 * expire after {@code amtsweg.forms.payment-hold}; their fee is withdrawn. A held
 * submission shows on the applicant's timeline ("Antrag wartet auf Zahlung").
 */
@Component
public class SubmissionHolds implements TimelineSource {

	public static final String AWAITING_PAYMENT = "AWAITING_PAYMENT";

	public static final String EXPIRED = "EXPIRED";

	private final JdbcClient jdbc;

	private final ObjectProvider<FeeCollection> feeCollection;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	private final JobLock lock;

	private final TransactionTemplate transactions;

	private final MessageSource messages;

	private final Clock clock;

	private final Duration holdFor;

	SubmissionHolds(JdbcClient jdbc, ObjectProvider<FeeCollection> feeCollection, ApplicationEventPublisher events,
			AuditLog auditLog, JobLock lock, TransactionTemplate transactions, MessageSource messages, Clock clock,
			@Value("${amtsweg.forms.payment-hold:P2D}") Duration holdFor) {
		this.jdbc = jdbc;
		this.feeCollection = feeCollection;
		this.events = events;
		this.auditLog = auditLog;
		this.lock = lock;
		this.transactions = transactions;
		this.messages = messages;
		this.clock = clock;
		this.holdFor = holdFor;
	}

	/**
	 * Holds a just-inserted submission if its form wants the fee first and there is a fee
	 * to pay, and claims the fee. Call in the submission's transaction.
	 * @return whether it is held (then {@link FormSubmitted} must not be published)
	 */
	boolean holdForFee(FormVersion version, UUID submissionId, Supplier<Map<String, BigDecimal>> computed) {
		if (!version.definition().local().feeBeforeSubmission()) {
			return false;
		}
		BigDecimal fee = computed.get().get("fee");
		FeeCollection collection = this.feeCollection.getIfAvailable();
		if (fee == null || fee.signum() <= 0 || collection == null) {
			return false;
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update form_submission set payment_hold = 'AWAITING_PAYMENT', payment_hold_until = :until
				where id = :id""")
			.param("id", submissionId)
			.param("until", Timestamp.from(now.plus(this.holdFor)))
			.update();
		this.auditLog.record("form-submission.held", "form-submission", submissionId.toString(),
				version.municipalityId(), "awaiting payment of " + fee.toPlainString() + " EUR");
		collection.claimFee(submissionId);
		return true;
	}

	/**
	 * {@link #AWAITING_PAYMENT}, {@link #EXPIRED}, or empty for a submission that counts.
	 */
	public Optional<String> hold(UUID submissionId) {
		return this.jdbc.sql("select payment_hold from form_submission where id = :id")
			.param("id", submissionId)
			.query((rs, row) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap((hold) -> hold);
	}

	/** Where the applicant pays a held submission's fee. */
	public Optional<String> payPath(UUID submissionId) {
		FeeCollection collection = this.feeCollection.getIfAvailable();
		return (collection != null && hold(submissionId).filter(AWAITING_PAYMENT::equals).isPresent())
				? Optional.of(collection.claimFee(submissionId)) : Optional.empty();
	}

	/**
	 * Releases a held submission and publishes {@link FormSubmitted}, exactly once.
	 * @return whether this call released it
	 */
	@Transactional
	public boolean release(UUID submissionId) {
		Optional<Released> released = this.jdbc.sql("""
				update form_submission s set payment_hold = null, payment_hold_until = null
				from form_version v join form f on f.id = v.form_id
				where s.id = :id and s.payment_hold = 'AWAITING_PAYMENT' and v.id = s.form_version_id
				returning f.key, v.version, s.municipality_id, s.account_id, s.reference""")
			.param("id", submissionId)
			.query((rs, row) -> new Released(rs.getString("key"), rs.getInt("version"),
					rs.getObject("municipality_id", UUID.class), rs.getObject("account_id", UUID.class),
					rs.getString("reference")))
			.optional();
		released.ifPresent((form) -> {
			this.auditLog.record("form-submission.released", "form-submission", submissionId.toString(),
					form.municipalityId(), form.reference() + " fee paid");
			this.events.publishEvent(new FormSubmitted(submissionId, form.key(), form.version(), form.municipalityId(),
					form.accountId()));
		});
		return released.isPresent();
	}

	@Scheduled(fixedDelayString = "${amtsweg.forms.expiry-interval:PT1H}",
			initialDelayString = "${amtsweg.forms.expiry-interval:PT1H}")
	void scheduled() {
		this.lock.runExclusively("forms-payment-hold-expiry", Duration.ofMinutes(30), this::expireDue);
	}

	/**
	 * Lets every held submission past its time expire and withdraws its fee; one that was
	 * paid meanwhile stays for its release.
	 * @return how many expired
	 */
	public int expireDue() {
		return SystemActor.call(() -> {
			List<UUID> due = this.jdbc
				.sql("""
						select id from form_submission where payment_hold = 'AWAITING_PAYMENT' and payment_hold_until <= :now
						order by payment_hold_until limit 500""")
				.param("now", Timestamp.from(this.clock.instant()))
				.query(UUID.class)
				.list();
			int expired = 0;
			for (UUID id : due) {
				Boolean done = this.transactions.execute((status) -> expire(id));
				expired += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			return expired;
		});
	}

	private boolean expire(UUID submissionId) {
		Optional<UUID> municipality = this.jdbc.sql("""
				select municipality_id from form_submission
				where id = :id and payment_hold = 'AWAITING_PAYMENT' and payment_hold_until <= :now for update""")
			.param("id", submissionId)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(UUID.class)
			.optional();
		FeeCollection collection = this.feeCollection.getIfAvailable();
		if (municipality.isEmpty() || collection == null
				|| !collection.withdrawFee(submissionId, "Antrag ohne Zahlung abgelaufen")) {
			return false;
		}
		this.jdbc.sql("update form_submission set payment_hold = 'EXPIRED' where id = :id")
			.param("id", submissionId)
			.update();
		this.auditLog.record("form-submission.expired", "form-submission", submissionId.toString(), municipality.get(),
				"fee not paid in time");
		return true;
	}

	@Override
	public List<TimelineEntry> entriesFor(UUID accountId, Locale locale) {
		return this.jdbc.sql("""
				select s.id, s.reference, s.submitted_at, s.payment_hold_until, v.title
				from form_submission s join form_version v on v.id = s.form_version_id
				where s.account_id = :a and s.payment_hold = 'AWAITING_PAYMENT'""")
			.param("a", accountId)
			.query((rs, row) -> new TimelineEntry(rs.getTimestamp("submitted_at").toInstant(), "form",
					this.messages.getMessage("forms.held.timeline.title",
							new Object[] { rs.getString("title"), rs.getString("reference") }, locale),
					this.messages.getMessage("forms.held.timeline.status", null, locale),
					"/antrag/eingang/" + rs.getObject("id", UUID.class),
					rs.getTimestamp("payment_hold_until").toInstant().atZone(this.clock.getZone()).toLocalDate()))
			.list();
	}

	private record Released(String key, int version, UUID municipalityId, @Nullable UUID accountId, String reference) {
	}

}
