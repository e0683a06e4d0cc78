package de.amtsweg.cases;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.payments.Claim;
import de.amtsweg.payments.Claims;
import de.amtsweg.payments.internal.OnlinePayments;
import de.amtsweg.payments.internal.PaymentProvider.State;
import de.amtsweg.payments.internal.PaymentRepository;
import de.amtsweg.payments.internal.SandboxProvider;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Paying a case's fee shows in the case's history, for the clerk and the applicant. */
class CaseFeeHistoryTests extends IntegrationTest {

	@Autowired
	FormFilling filling;

	@Autowired
	Municipalities municipalities;

	@Autowired
	Claims claims;

	@Autowired
	OnlinePayments online;

	@Autowired
	SandboxProvider sandbox;

	@Autowired
	PaymentRepository payments;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPaidFormFeeAddsOneFeePaidEntryToTheCaseHistoryShownToTheApplicant() {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		String email = "gebuehr-" + UUID.randomUUID() + "@example.org";
		Submission submission = CaseFixtures.submitRegistrationCertificate(this.filling, musterstadt, null, "Greta",
				"Gebühr", email);
		UUID caseId = CaseFixtures.awaitCase(this.jdbc, submission.id());
		Claim claim = await().atMost(Duration.ofSeconds(20))
			.until(() -> SystemActor.call(() -> this.claims.ofSubmission(submission.id())), Optional::isPresent)
			.orElseThrow();

		OnlinePayments.Started started = SystemActor.call(() -> this.online.start(claim, SandboxProvider.KEY, null));
		String transaction = this.payments.find(started.paymentId()).orElseThrow().transactionId();
		this.sandbox.finish(transaction, State.PAID, "card", false);
		assertThat(this.sandbox.notify(transaction)).isEqualTo(204);
		assertThat(this.sandbox.notify(transaction)).isEqualTo(204);
		SystemActor.run(() -> this.online.returned(started.paymentId()));

		await().atMost(Duration.ofSeconds(20)).until(() -> feeEvents(caseId) > 0);
		assertThat(feeEvents(caseId)).isOne();
		assertThat(this.jdbc.sql("""
				select shown_to_applicant from case_event where case_id = :c and kind = 'feePaid'""")
			.param("c", caseId)
			.query(Boolean.class)
			.single()).isTrue();
	}

	private long feeEvents(UUID caseId) {
		return this.jdbc
			.sql("select count(*) from case_event where case_id = :c and kind in ('feePaid', 'feePartlyPaid')")
			.param("c", caseId)
			.query(Long.class)
			.single();
	}

}
