package de.amtsweg.payments;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.cases.CaseFixtures;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Änderung mitteilen" from the finances page: a short page prefilled with the claim
 * leads through the prefilled contact form to a case of the claim's responsible unit with
 * the Kassenzeichen in its data; nobody else can raise it for the claim.
 */
class ChangeRequestTests extends IntegrationTest {

	private static final String ERIKA = "erika.mustermann@example.org";

	@Autowired
	Claims claims;

	@Autowired
	Municipalities municipalities;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	private UUID accountOf(String email) {
		return this.jdbc.sql("select id from citizen_account where email = :e")
			.param("e", email)
			.query(UUID.class)
			.single();
	}

	private Claim erikasClaim() {
		return PaymentsTestSupport.claimOf(this.claims, PaymentsTestSupport.musterstadt(this.municipalities),
				accountOf(ERIKA), "Hundesteuer " + UUID.randomUUID().toString().substring(0, 6), "45.00",
				LocalDate.now(this.clock).plusDays(20));
	}

	private static WebSession signedIn(WebSession session, String email) {
		session.get("/anmelden");
		session.submit("/anmelden", Map.of("email", email, "passwort", "Amtsweg-Demo-2026"));
		session.get("/gemeinde/musterstadt");
		return session;
	}

	private static String path(String location) {
		return location.replaceFirst("^https?://[^/]+", "");
	}

	@Test
	void aChangeRequestArrivesAsACaseOfTheResponsibleUnitWithTheKassenzeichen() {
		Claim claim = erikasClaim();
		String page = "/konto/finanzen/" + claim.id() + "/aenderung";
		WebSession erika = signedIn(newSession(), ERIKA);
		assertThat(erika.get("/konto/finanzen").body()).contains(page);
		WebSession.Page form = erika.get(page);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.mainText()).contains(claim.reference(), claim.purpose(), "45,00 €");

		WebSession.Page wrong = erika.submit(page, Map.of("text", " "));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.title()).startsWith("Fehler: ");
		assertThat(wrong.document().select(".error-summary a").eachText())
			.containsExactly("Wählen Sie aus, was sich geändert hat.", "Beschreiben Sie die Änderung.");

		WebSession.Page started = erika.submit(page,
				Map.of("kind", "bankverbindung", "text", "Neue IBAN DE89 3704 0044 0532 0130 00 ab 1. Januar."));
		assertThat(started.status()).isEqualTo(302);
		String next = path(started.location().orElseThrow());
		assertThat(next).startsWith("/antrag/kontakt/");
		for (int step = 0; step < 6 && !next.endsWith("/pruefen"); step++) {
			erika.get(next);
			Map<String, String> fields = new LinkedHashMap<>(Map.of("aktion", "weiter", "privacy", "true"));
			WebSession.Page after = erika.submit(next, fields);
			assertThat(after.isRedirect()).as(next + ": " + after.mainText()).isTrue();
			next = path(after.location().orElseThrow());
		}
		WebSession.Page check = erika.get(next);
		assertThat(check.mainText()).contains(claim.reference(), "Steueramt", "Neue Bankverbindung");
		String send = check.document().select("form[action$=/absenden]").attr("action");
		String receipt = path(erika.submit(send, Map.of()).location().orElseThrow());
		assertThat(receipt).startsWith("/antrag/eingang/");

		UUID submissionId = UUID.fromString(receipt.substring(receipt.lastIndexOf('/') + 1));
		UUID caseId = CaseFixtures.awaitCase(this.jdbc, submissionId);
		assertThat(this.jdbc.sql("""
				select u.key from case_file c join org_unit u on u.id = c.org_unit_id where c.id = :id""")
			.param("id", caseId)
			.query(String.class)
			.single()).isEqualTo("steueramt");
		assertThat(this.jdbc.sql("select answers::text from case_file where id = :id")
			.param("id", caseId)
			.query(String.class)
			.single()).contains(claim.reference(), "DE89 3704 0044 0532 0130 00");
		assertThat(this.auditLog.forRecord("payment-claim", claim.id().toString()))
			.anySatisfy((entry) -> assertThat(entry.action()).isEqualTo("payment-claim.change-request"));
	}

	@Test
	void nobodyElseCanRaiseAChangeRequestForTheClaim() {
		Claim claim = erikasClaim();
		String page = "/konto/finanzen/" + claim.id() + "/aenderung";
		WebSession max = signedIn(newSession(), "max.mustermann@example.org");
		assertThat(max.get(page).status()).isEqualTo(404);
		max.get("/konto/finanzen");
		assertThat(max.post(page, Map.of("_csrf", max.csrfToken(), "kind", "hund", "text", "Hund abgegeben")).status())
			.isEqualTo(404);
		WebSession anonymous = newSession();
		anonymous.get("/gemeinde/musterstadt");
		WebSession.Page refused = anonymous.get(page);
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.location().orElseThrow()).contains("/anmelden");
		assertThat(this.auditLog.forRecord("payment-claim", claim.id().toString()))
			.noneSatisfy((entry) -> assertThat(entry.action()).isEqualTo("payment-claim.change-request"));
	}

}
