package de.amtsweg.cases;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.payments.Claim;
import de.amtsweg.payments.ClaimOrigin;
import de.amtsweg.payments.Claims;
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
import static org.awaitility.Awaitility.await;

/**
 * "Gebühr/Forderung festsetzen" on the case page: validated with German messages, set
 * once per request, a claim of the applicant (origin CASE) in the case's history, the
 * citizen's finances and timeline, payable online (and then "Gebühr bezahlt" in the
 * history); clerks of other units find nothing.
 */
class CaseFeeTests extends IntegrationTest {

	private static final String CLERK = "buergerbuero@musterstadt.example";

	private static final String CITIZEN = "erika.mustermann@example.org";

	private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

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
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	private Municipality musterstadt() {
		return this.municipalities.bySlug("musterstadt").orElseThrow();
	}

	private UUID newCase(String familyName) {
		UUID erika = CaseFixtures.accountOf(this.jdbc, CITIZEN);
		Submission submission = CaseFixtures.submitRegistrationCertificate(this.filling, musterstadt(), erika, "Erika",
				familyName, CITIZEN);
		return CaseFixtures.awaitCase(this.jdbc, submission.id());
	}

	private String referenceOf(UUID caseId) {
		return this.jdbc.sql("select reference from case_file where id = :id")
			.param("id", caseId)
			.query(String.class)
			.single();
	}

	@Test
	void aClerkSetsAFeeTheApplicantSeesInTheFinancesAndPaysOnline() {
		UUID caseId = newCase("Gebuehr" + UUID.randomUUID().toString().substring(0, 6));
		String reference = referenceOf(caseId);
		String purpose = "Verwaltungsgebühr " + UUID.randomUUID().toString().substring(0, 6);
		String path = "/intern/vorgaenge/" + caseId + "/forderung";

		WebSession clerk = CaseFixtures.signedIn(newSession(), "/intern/anmelden", CLERK);
		assertThat(clerk.get("/intern/vorgaenge/" + caseId).body()).contains(path);
		WebSession.Page form = clerk.get(path);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.mainText()).contains(reference);

		WebSession.Page wrong = clerk.submit(path, Map.of("amount", "zwölf", "purpose", " ", "dueDate", "31.02.2027"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.title()).startsWith("Fehler: ");
		assertThat(wrong.document().select(".error-summary a").eachText()).containsExactly(
				"Der Betrag muss ein Betrag in Euro über 0 sein, zum Beispiel 25,00.", "Geben Sie den Zweck an.",
				"Das Fälligkeitsdatum muss ein echtes Datum sein, zum Beispiel 15.12.2026.");
		assertThat(wrong.document().select("#amount").attr("value")).as("input kept").isEqualTo("zwölf");
		WebSession.Page past = clerk.submit(path, Map.of("amount", "25,00", "purpose", purpose, "dueDate",
				LocalDate.now(this.clock).minusDays(1).format(GERMAN)));
		assertThat(past.mainText()).contains("Das Fälligkeitsdatum darf nicht in der Vergangenheit liegen.");

		LocalDate due = LocalDate.now(this.clock).plusDays(14);
		Map<String, String> fields = Map.of("amount", "25,00", "purpose", purpose, "dueDate", due.format(GERMAN));
		WebSession.Page set = clerk.submit(path, fields);
		assertThat(set.status()).isEqualTo(302);
		assertThat(set.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/" + caseId));
		// the same request again (a double click) sets nothing more
		clerk.post(path, Map.of("_csrf", clerk.csrfToken(), "amount", "25,00", "purpose", purpose, "dueDate",
				due.format(GERMAN), "requestKey", form.document().select("input[name=requestKey]").attr("value")));
		assertThat(this.jdbc.sql("select count(*) from payment_claim where origin_type = 'CASE' and origin_ref like :r")
			.param("r", reference + "/%")
			.query(Long.class)
			.single()).isOne();

		Claim claim = SystemActor
			.call(() -> this.claims.idOf(ClaimOrigin.CASE,
					this.jdbc.sql("select origin_ref from payment_claim where origin_ref like :r")
						.param("r", reference + "/%")
						.query(String.class)
						.single())
				.flatMap(this.claims::get))
			.orElseThrow();
		assertThat(claim.amount()).isEqualByComparingTo("25.00");
		assertThat(claim.debtor().accountId()).isEqualTo(CaseFixtures.accountOf(this.jdbc, CITIZEN));
		assertThat(claim.dueItems().get(0).dueDate()).isEqualTo(due);
		WebSession.Page casePage = clerk.get("/intern/vorgaenge/" + caseId);
		assertThat(casePage.mainText()).contains("Gebühr/Forderung festgesetzt", claim.reference());
		assertThat(this.auditLog.forRecord("case", caseId.toString()))
			.anySatisfy((entry) -> assertThat(entry.action()).isEqualTo("case.fee-claimed"));

		WebSession citizen = CaseFixtures.signedIn(newSession(), "/anmelden", CITIZEN);
		assertThat(citizen.get("/konto/finanzen").mainText()).contains(purpose, claim.reference(), "25,00 €");
		assertThat(citizen.get("/konto").mainText()).contains(purpose);
		assertThat(citizen.get("/bezahlen/forderung/" + claim.id()).mainText()).contains("Weiter zur Zahlung");

		OnlinePayments.Started started = this.online.start(claim, SandboxProvider.KEY, claim.debtor().accountId());
		this.sandbox.finish(this.payments.find(started.paymentId()).orElseThrow().transactionId(), State.PAID, "card",
				false);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(clerk.get("/intern/vorgaenge/" + caseId).mainText()).contains("Gebühr bezahlt"));
	}

	@Test
	void clerksOfOtherUnitsCannotSetAFee() {
		UUID caseId = newCase("Fremd" + UUID.randomUUID().toString().substring(0, 6));
		String path = "/intern/vorgaenge/" + caseId + "/forderung";
		WebSession outsider = CaseFixtures.signedIn(newSession(), "/intern/anmelden", "standesamt@musterstadt.example");
		assertThat(outsider.get(path).status()).isEqualTo(404);
		outsider.get("/intern/vorgaenge");
		assertThat(outsider.post(path, Map.of("_csrf", outsider.csrfToken(), "amount", "25,00", "purpose", "Gebühr",
				"dueDate", LocalDate.now(this.clock).plusDays(3).format(GERMAN)))
			.status()).isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from payment_claim where origin_ref like :r")
			.param("r", referenceOf(caseId) + "/%")
			.query(Long.class)
			.single()).isZero();
	}

}
