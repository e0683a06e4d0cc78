package de.amtsweg.payments;

import java.time.Duration;
import java.util.UUID;

import de.amtsweg.cases.CaseFixtures;
import de.amtsweg.forms.Submissions;
import de.amtsweg.forms.internal.Draft;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.payments.internal.SandboxProvider;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.support.BrowserTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paying a form's fee before the submission counts, in a real browser through the sandbox
 * provider with axe-core on every page: a failed and a cancelled payment leave the
 * application waiting (no case, shown in the account), the next attempt with a late
 * notification releases it once, with the receipt and a case.
 */
class FeeBeforeSubmissionBrowserTests extends BrowserTest {

	private static final String CITIZEN = "max.mustermann@example.org";

	@Autowired
	FormFilling filling;

	@Autowired
	Submissions submissions;

	@Autowired
	Municipalities municipalities;

	@Autowired
	SandboxProvider sandbox;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCitizenPaysTheFeeBeforeTheApplicationCountsAfterAFailedAndACancelledAttempt() {
		UUID account = this.jdbc.sql("select id from citizen_account where email = :e")
			.param("e", CITIZEN)
			.query(UUID.class)
			.single();
		String familyName = "Vorkasse-" + UUID.randomUUID().toString().substring(0, 6);
		Draft draft = FeeBeforeSubmissionSupport.completeDraft(this.filling,
				PaymentsTestSupport.musterstadt(this.municipalities), account, familyName, CITIZEN);
		String check = "/antrag/" + FeeBeforeSubmissionSupport.FORM + "/" + draft.id() + "/pruefen";

		signInAsCitizen(CITIZEN);
		open("/gemeinde/musterstadt");
		open(check);
		assertThat(mainText()).contains("24,00");
		submit(check.replace("/pruefen", "/absenden"));
		assertThat(path()).as("straight to the payment").startsWith("/bezahlen/forderung/");
		String payPage = path();
		assertThat(find("#antrag-wartet").getText()).contains("erst abgeschickt");
		assertThat(mainText()).contains("Personenstandsurkunde", "24,00 €");
		assertAccessibleOnDesktopAndPhone();
		UUID submissionId = UUID.fromString(this.jdbc.sql("select origin_ref from payment_claim where id = :id")
			.param("id", UUID.fromString(payPage.substring(payPage.lastIndexOf('/') + 1)))
			.query(String.class)
			.single());
		assertThat(this.submissions.awaitingPayment(submissionId)).isTrue();

		submit(payPage);
		assertThat(path()).startsWith("/sandbox-zahlung/");
		follow("#ablehnen");
		assertThat(title()).isEqualTo("Zahlung nicht abgeschlossen – erneut bezahlen");
		assertThat(find("#antrag-wartet").getText()).contains("wartet auf die Zahlung");
		assertAccessibleOnDesktopAndPhone();

		open("/konto");
		assertThat(mainText()).contains("Antrag wartet auf Zahlung");
		open("/antrag/eingang/" + submissionId);
		assertThat(path()).as("the waiting application leads to its payment").isEqualTo(payPage);

		submit(payPage);
		click("#methode-paypal");
		follow("#abbrechen");
		assertThat(title()).isEqualTo("Zahlung nicht abgeschlossen – erneut bezahlen");
		assertAccessible();
		assertThat(this.submissions.awaitingPayment(submissionId)).isTrue();
		assertThat(this.jdbc.sql("select count(*) from case_file where submission_id = :s")
			.param("s", submissionId)
			.query(Long.class)
			.single()).as("no case while unpaid").isZero();

		follow("a[href='" + payPage + "']");
		submit(payPage);
		click("#methode-giropay");
		click("#spaet");
		follow("#zahlen");
		assertThat(title()).isEqualTo("Zahlung eingegangen");
		assertThat(find("#antrag-eingegangen").getText()).isEqualTo("Ihr Antrag ist jetzt eingegangen.");
		assertAccessibleOnDesktopAndPhone();
		follow("#eingangsbestaetigung");
		assertThat(path()).isEqualTo("/antrag/eingang/" + submissionId);
		assertThat(find("#reference").getText()).matches("MUS-\\d{4}-\\d{6}");
		assertAccessible();

		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.sandbox.sendDueNotifications()).as("the late notification").isPositive();
		CaseFixtures.awaitCase(this.jdbc, submissionId);
		assertThat(this.auditLog.forRecord("form-submission", submissionId.toString())
			.stream()
			.filter((entry) -> entry.action().equals("form-submission.released"))
			.count()).as("released once").isOne();
	}

}
