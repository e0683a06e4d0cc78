package de.amtsweg.payments;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.cases.CaseFixtures;
import de.amtsweg.forms.Submissions;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.forms.internal.SubmissionHolds;
import de.amtsweg.payments.internal.OnlinePayments;
import de.amtsweg.payments.internal.PaymentProvider.State;
import de.amtsweg.payments.internal.PaymentRepository;
import de.amtsweg.payments.internal.SandboxProvider;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form whose fee is paid before it counts (the certificate order): the submission is
 * stored once but held, no case and no receipt until the fee is booked; the booking
 * releases it exactly once whatever order and number of returns and notifications; unpaid
 * ones expire and their claim is cancelled.
 */
class FeeBeforeSubmissionTests extends IntegrationTest {

	@Autowired
	FormFilling filling;

	@Autowired
	Submissions submissions;

	@Autowired
	SubmissionHolds holds;

	@Autowired
	Claims claims;

	@Autowired
	OnlinePayments online;

	@Autowired
	SandboxProvider sandbox;

	@Autowired
	PaymentRepository payments;

	@Autowired
	Municipalities municipalities;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	private Municipality musterstadt() {
		return PaymentsTestSupport.musterstadt(this.municipalities);
	}

	private Submission submitAsGuest() {
		return FeeBeforeSubmissionSupport.submit(this.filling, musterstadt(), null,
				"Vorkasse-" + UUID.randomUUID().toString().substring(0, 8),
				"vorkasse-" + UUID.randomUUID() + "@example.org");
	}

	private long cases(UUID submissionId) {
		return this.jdbc.sql("select count(*) from case_file where submission_id = :s")
			.param("s", submissionId)
			.query(Long.class)
			.single();
	}

	private long audited(UUID submissionId, String action) {
		return this.auditLog.forRecord("form-submission", submissionId.toString())
			.stream()
			.filter((entry) -> entry.action().equals(action))
			.count();
	}

	@Test
	void aFeeFirstSubmissionIsHeldWithAClaimDueTodayAndNoCase() {
		Submission submission = submitAsGuest();
		assertThat(this.submissions.awaitingPayment(submission.id())).isTrue();
		Claim claim = SystemActor.call(() -> this.claims.ofSubmission(submission.id())).orElseThrow();
		assertThat(claim.amount()).isEqualByComparingTo("24.00");
		assertThat(claim.origin()).isEqualTo(ClaimOrigin.FORM);
		assertThat(claim.dueItems().get(0).dueDate()).isEqualTo(LocalDate.now(this.clock));
		assertThat(audited(submission.id(), "form-submission.held")).isOne();
		// the listeners of FormSubmitted would have made a case by now
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(cases(submission.id())).isZero();
		assertThat(this.jdbc.sql(
				"select count(*) from event_publication where event_type like '%FormSubmitted' and serialized_event like :s")
			.param("s", "%" + submission.id() + "%")
			.query(Long.class)
			.single()).as("no FormSubmitted published").isZero();
	}

	@Test
	void aLateAndDuplicateNotificationAfterTheReturnReleasesTheSubmissionOnce() {
		Submission submission = submitAsGuest();
		Claim claim = SystemActor.call(() -> this.claims.ofSubmission(submission.id())).orElseThrow();
		OnlinePayments.Started started = this.online.start(claim, SandboxProvider.KEY, null);
		String transaction = this.payments.find(started.paymentId()).orElseThrow().transactionId();
		this.sandbox.finish(transaction, State.PAID, "card", true);
		assertThat(this.submissions.awaitingPayment(submission.id())).as("nothing booked yet").isTrue();

		this.online.returned(started.paymentId());
		assertThat(this.submissions.awaitingPayment(submission.id())).isFalse();
		assertThat(this.sandbox.notify(transaction)).isEqualTo(204);
		assertThat(this.sandbox.notify(transaction)).isEqualTo(204);
		this.online.returned(started.paymentId());
		assertThat(this.submissions.release(submission.id())).as("a repeated release does nothing").isFalse();

		UUID caseId = CaseFixtures.awaitCase(this.jdbc, submission.id());
		assertThat(caseId).isNotNull();
		assertThat(cases(submission.id())).isOne();
		assertThat(audited(submission.id(), "form-submission.released")).isOne();
		assertThat(PaymentsTestSupport.bookings(this.jdbc, claim.id())).isOne();
		assertThat(SystemActor.call(() -> this.claims.get(claim.id())).orElseThrow().status())
			.isEqualTo(ClaimStatus.PAID);
	}

	@Test
	void aNotificationBeforeTheReturnReleasesTheSubmissionInTheBookingsTransaction() {
		Submission submission = submitAsGuest();
		Claim claim = SystemActor.call(() -> this.claims.ofSubmission(submission.id())).orElseThrow();
		OnlinePayments.Started started = this.online.start(claim, SandboxProvider.KEY, null);
		String transaction = this.payments.find(started.paymentId()).orElseThrow().transactionId();
		this.sandbox.finish(transaction, State.PAID, "paypal", false);
		assertThat(this.submissions.awaitingPayment(submission.id())).isFalse();
		this.online.returned(started.paymentId());
		CaseFixtures.awaitCase(this.jdbc, submission.id());
		assertThat(audited(submission.id(), "form-submission.released")).isOne();
	}

	@Test
	void aFailedOrCancelledPaymentLeavesTheSubmissionHeldAndAnotherAttemptReleasesIt() {
		Submission submission = submitAsGuest();
		Claim claim = SystemActor.call(() -> this.claims.ofSubmission(submission.id())).orElseThrow();
		for (State outcome : new State[] { State.FAILED, State.CANCELLED }) {
			OnlinePayments.Started started = this.online.start(claim, SandboxProvider.KEY, null);
			this.sandbox.finish(this.payments.find(started.paymentId()).orElseThrow().transactionId(), outcome, "card",
					false);
			this.online.returned(started.paymentId());
			assertThat(this.submissions.awaitingPayment(submission.id())).as(outcome.name()).isTrue();
		}
		assertThat(cases(submission.id())).isZero();
		OnlinePayments.Started paid = this.online.start(claim, SandboxProvider.KEY, null);
		this.sandbox.finish(this.payments.find(paid.paymentId()).orElseThrow().transactionId(), State.PAID, "giropay",
				false);
		CaseFixtures.awaitCase(this.jdbc, submission.id());
	}

	@Test
	void anUnpaidHeldSubmissionExpiresAndItsClaimIsCancelled() {
		Submission submission = submitAsGuest();
		Claim claim = SystemActor.call(() -> this.claims.ofSubmission(submission.id())).orElseThrow();
		this.clock.advance(Duration.ofDays(1));
		this.holds.expireDue();
		assertThat(this.submissions.awaitingPayment(submission.id())).as("not yet").isTrue();
		this.clock.advance(Duration.ofDays(2));
		assertThat(this.holds.expireDue()).isPositive();
		assertThat(this.submissions.awaitingPayment(submission.id())).isFalse();
		assertThat(this.holds.hold(submission.id())).contains(SubmissionHolds.EXPIRED);
		Claim cancelled = SystemActor.call(() -> this.claims.get(claim.id())).orElseThrow();
		assertThat(cancelled.status()).isEqualTo(ClaimStatus.CANCELLED);
		assertThat(audited(submission.id(), "form-submission.expired")).isOne();
		assertThat(this.auditLog.forRecord("payment-claim", claim.id().toString()))
			.anySatisfy((entry) -> assertThat(entry.action()).isEqualTo("payment-claim.cancelled"));
		assertThat(this.submissions.release(submission.id())).as("an expired one is never released").isFalse();
		assertThat(cases(submission.id())).isZero();
	}

	@Test
	void theApplicantsReceiptPageLeadsToThePaymentWhileHeldAndExplainsAnExpiry() {
		String email = "erika.mustermann@example.org";
		UUID erika = this.jdbc.sql("select id from citizen_account where email = :e")
			.param("e", email)
			.query(UUID.class)
			.single();
		Submission submission = FeeBeforeSubmissionSupport.submit(this.filling, musterstadt(), erika,
				"Abgelaufen-" + UUID.randomUUID().toString().substring(0, 6), email);
		WebSession citizen = newSession();
		citizen.get("/anmelden");
		citizen.submit("/anmelden", Map.of("email", email, "passwort", "Amtsweg-Demo-2026"));
		citizen.get("/gemeinde/musterstadt");
		String receipt = "/antrag/eingang/" + submission.id();
		WebSession.Page held = citizen.get(receipt);
		assertThat(held.status()).isEqualTo(302);
		assertThat(held.location().orElseThrow()).contains("/bezahlen/antrag/" + submission.id() + "?token=");
		assertThat(citizen.get(receipt + "/eingangsbestaetigung.pdf").status()).as("no receipt while held")
			.isEqualTo(404);
		assertThat(citizen.get("/konto").mainText()).contains("Antrag wartet auf Zahlung", submission.reference());

		this.clock.advance(Duration.ofDays(3));
		this.holds.expireDue();
		WebSession.Page expired = citizen.get(receipt);
		assertThat(expired.status()).isEqualTo(200);
		assertThat(expired.mainText()).contains("Ihr Antrag wurde nicht abgeschickt", submission.reference());
		assertThat(citizen.get("/konto").mainText()).doesNotContain("Antrag wartet auf Zahlung");
	}

	@Test
	void aHeldSubmissionPaidBeforeItsTimeRanOutDoesNotExpire() {
		Submission submission = submitAsGuest();
		Claim claim = SystemActor.call(() -> this.claims.ofSubmission(submission.id())).orElseThrow();
		OnlinePayments.Started started = this.online.start(claim, SandboxProvider.KEY, null);
		this.sandbox.finish(this.payments.find(started.paymentId()).orElseThrow().transactionId(), State.PAID, "card",
				false);
		this.clock.advance(Duration.ofDays(5));
		this.holds.expireDue();
		assertThat(this.holds.hold(submission.id())).isEmpty();
		CaseFixtures.awaitCase(this.jdbc, submission.id());
	}

}
