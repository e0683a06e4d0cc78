package de.amtsweg.payments;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.platform.Municipalities;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.TestMailServer;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static de.amtsweg.payments.PaymentsTestSupport.bookings;
import static org.assertj.core.api.Assertions.assertThat;

/** Paying over real HTTP, as a browser without JavaScript would. */
class PaymentPagesTests extends IntegrationTest {

	@Autowired
	Claims claims;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	static String path(String url) {
		return url.replaceFirst("^https?://[^/]+", "");
	}

	/** Pays through the sandbox's page with the outcome; returns the result page. */
	static WebSession.Page payThroughSandbox(WebSession session, String claimPage, String outcome) {
		session.get(claimPage);
		String provider = session.submit(claimPage, Map.of("anbieter", "sandbox")).location().orElseThrow();
		assertThat(provider).contains("/sandbox-zahlung/");
		WebSession.Page sandbox = session.get(path(provider));
		assertThat(sandbox.status()).isEqualTo(200);
		String back = session.submit(path(provider), Map.of("methode", "card", "ergebnis", outcome))
			.location()
			.orElseThrow();
		return session.get(path(back));
	}

	@Test
	void aGuestPaysAClaimByKassenzeichenAndAmountAndGetsAReceipt() {
		Claim claim = PaymentsTestSupport.guestClaim(this.claims, PaymentsTestSupport.musterstadt(this.municipalities),
				"25.00");
		WebSession guest = newSession();
		guest.get("/gemeinde/musterstadt");
		guest.get("/bezahlen");
		String reference = claim.reference();
		String typed = reference.substring(0, 5) + " " + reference.substring(5);
		String found = guest.submit("/bezahlen", Map.of("reference", typed, "amount", "25,00"))
			.location()
			.orElseThrow();
		assertThat(found).endsWith("/bezahlen/forderung/" + claim.id());
		assertThat(guest.get(path(found)).mainText()).contains(reference, "Verwarnungsgeld Parken", "25,00 €");
		assertThat(newSession().get(path(found)).status()).as("another browser").isEqualTo(404);

		WebSession.Page result = payThroughSandbox(guest, path(found), "PAID");
		assertThat(result.title()).isEqualTo("Zahlung eingegangen");
		assertThat(bookings(this.jdbc, claim.id())).isOne();
		String receipt = result.document().select("a[href^=/bezahlen/quittung/]").attr("href");
		HttpResponse<byte[]> pdf = guest.download(receipt);
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
		assertThat(newSession().download(receipt).statusCode()).isEqualTo(404);
	}

	@Test
	void aFailedAndACancelledPaymentLeaveTheClaimOpenAndCanBeRetried() {
		Claim claim = PaymentsTestSupport.guestClaim(this.claims, PaymentsTestSupport.musterstadt(this.municipalities),
				"40.00");
		WebSession guest = newSession();
		guest.get("/gemeinde/musterstadt");
		guest.get("/bezahlen");
		String found = path(guest.submit("/bezahlen", Map.of("reference", claim.reference(), "amount", "40"))
			.location()
			.orElseThrow());
		WebSession.Page failed = payThroughSandbox(guest, found, "FAILED");
		assertThat(failed.title()).isEqualTo("Zahlung fehlgeschlagen");
		WebSession.Page cancelled = payThroughSandbox(guest, found, "CANCELLED");
		assertThat(cancelled.title()).isEqualTo("Zahlung abgebrochen");
		assertThat(bookings(this.jdbc, claim.id())).isZero();
		assertThat(payThroughSandbox(guest, found, "PAID").title()).isEqualTo("Zahlung eingegangen");
		assertThat(this.claims.get(claim.id()).orElseThrow().status()).isEqualTo(ClaimStatus.PAID);
	}

	@Test
	void aMistypedKassenzeichenOrAWrongAmountIsExplained() {
		Claim claim = PaymentsTestSupport.guestClaim(this.claims, PaymentsTestSupport.musterstadt(this.municipalities),
				"30.00");
		WebSession guest = newSession();
		guest.get("/gemeinde/musterstadt");
		guest.get("/bezahlen");
		String reference = claim.reference();
		char last = reference.charAt(reference.length() - 3);
		String mistyped = reference.substring(0, reference.length() - 3) + (char) ('0' + (last - '0' + 1) % 10)
				+ reference.substring(reference.length() - 2);
		WebSession.Page wrong = guest.submit("/bezahlen", Map.of("reference", mistyped, "amount", "30,00"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.title()).startsWith("Fehler: ");
		assertThat(wrong.document().select(".error-summary a[href=#reference]").text())
			.isEqualTo("Das Kassenzeichen stimmt nicht. Prüfen Sie jede Ziffer.");
		assertThat(wrong.document().select("#reference").attr("value")).isEqualTo(mistyped);
		WebSession.Page amount = guest.submit("/bezahlen", Map.of("reference", reference, "amount", "31,00"));
		assertThat(amount.status()).isEqualTo(400);
		assertThat(amount.mainText()).contains("keine offene Forderung");
	}

	@Test
	void tooManyFailedLookUpsFromOneAddressAreRefusedForAnHour() {
		// in the future, so other tests' look-ups at the real time are not affected
		this.clock.advance(Duration.ofDays(30));
		WebSession guest = newSession();
		guest.get("/gemeinde/musterstadt");
		guest.get("/bezahlen");
		String unknown = PaymentReference.withCheckDigits("1234567890");
		for (int i = 0; i < 10; i++) {
			assertThat(guest.submit("/bezahlen", Map.of("reference", unknown, "amount", "1,00")).status())
				.isEqualTo(400);
		}
		assertThat(guest.submit("/bezahlen", Map.of("reference", unknown, "amount", "1,00")).status()).isEqualTo(429);
		this.clock.advance(Duration.ofMinutes(61));
		guest.get("/bezahlen");
		assertThat(guest.submit("/bezahlen", Map.of("reference", unknown, "amount", "1,00")).status()).isEqualTo(400);
	}

	@Test
	void aFormFeeBecomesOneClaimAndTheGuestGetsAPayLink() {
		String email = "antrag-" + UUID.randomUUID() + "@example.org";
		WebSession guest = newSession();
		guest.get("/gemeinde/musterstadt");
		String receipt = submitRegistrationCertificate(guest, email, "2");
		UUID submissionId = UUID.fromString(receipt.substring(receipt.lastIndexOf('/') + 1));

		TestMailServer.ReceivedMail mail = TestMailServer.awaitLatestMail(email, "Gebühr für Ihren Antrag");
		assertThat(mail.body()).contains("16,00", "Meldebescheinigung");
		String link = mail.link(baseUrl() + "/bezahlen/antrag/");
		Claim claim = this.claims.ofSubmission(submissionId).orElseThrow();
		assertThat(claim.amount()).isEqualByComparingTo("16.00");
		assertThat(claim.origin()).isEqualTo(ClaimOrigin.FORM);
		assertThat(this.jdbc.sql("select count(*) from payment_claim where origin_type = 'FORM' and origin_ref = :s")
			.param("s", submissionId.toString())
			.query(Long.class)
			.single()).isOne();

		assertThat(newSession().get("/bezahlen/antrag/" + submissionId).status()).as("no token").isEqualTo(404);
		assertThat(newSession().get("/bezahlen/antrag/" + submissionId + "?token=falsch").status()).isEqualTo(404);
		WebSession payer = newSession();
		String claimPage = path(payer.get(path(link)).location().orElseThrow());
		assertThat(claimPage).isEqualTo("/bezahlen/forderung/" + claim.id());
		assertThat(payThroughSandbox(payer, claimPage, "PAID").title()).isEqualTo("Zahlung eingegangen");
		assertThat(this.claims.get(claim.id()).orElseThrow().status()).isEqualTo(ClaimStatus.PAID);
	}

	@Test
	void theAccountShowsDueOpenAndSettledClaimsWithHistory() {
		WebSession erika = signedIn("erika.mustermann@example.org");
		UUID accountId = accountOf("erika.mustermann@example.org");
		String purpose = "Testgebühr " + UUID.randomUUID().toString().substring(0, 8);
		Claim open = PaymentsTestSupport.claimOf(this.claims, PaymentsTestSupport.musterstadt(this.municipalities),
				accountId, purpose, "19.00", LocalDate.now(this.clock).plusDays(10));
		WebSession.Page finances = erika.get("/konto/finanzen");
		assertThat(finances.status()).isEqualTo(200);
		assertThat(finances.document().select("#offen ~ ul .card").text()).contains(purpose, open.reference());
		assertThat(payThroughSandbox(erika, "/bezahlen/forderung/" + open.id(), "PAID").title())
			.isEqualTo("Zahlung eingegangen");
		WebSession.Page after = erika.get("/konto/finanzen");
		assertThat(after.document().select("table[aria-labelledby=erledigt]").text()).contains(purpose, "bezahlt");
		assertThat(after.document().select("table[aria-labelledby=zahlungen]").text()).contains(purpose, "19,00 €");

		WebSession max = signedIn("max.mustermann@example.org");
		assertThat(max.get("/konto/finanzen").mainText()).doesNotContain(purpose);
		assertThat(max.get("/bezahlen/forderung/" + open.id()).status()).isEqualTo(404);
	}

	private UUID accountOf(String email) {
		return this.jdbc.sql("select id from citizen_account where email = :e")
			.param("e", email)
			.query(UUID.class)
			.single();
	}

	private WebSession signedIn(String email) {
		WebSession session = newSession();
		session.get("/gemeinde/musterstadt");
		session.get("/anmelden");
		session.submit("/anmelden", Map.of("email", email, "passwort", "Amtsweg-Demo-2026"));
		return session;
	}

	/**
	 * Submits the demo form "Meldebescheinigung" as a guest; returns the receipt page's
	 * path.
	 */
	static String submitRegistrationCertificate(WebSession guest, String email, String copies) {
		guest.get("/antrag/meldebescheinigung");
		String page = path(guest.submit("/antrag/meldebescheinigung", Map.of()).location().orElseThrow());
		Map<String, Map<String, String>> answers = new LinkedHashMap<>();
		answers.put("person", Map.of("givenName", "Greta", "familyName", "Gast", "dateOfBirth.day", "3",
				"dateOfBirth.month", "4", "dateOfBirth.year", "1990"));
		answers.put("anschrift", Map.of("address.street", "Lindenweg", "address.houseNumber", "4", "address.postcode",
				"31999", "address.city", "Musterstadt"));
		answers.put("bescheinigung", Map.of("kind", "einfach", "copies", copies, "delivery", "post"));
		answers.put("kontakt", Map.of("email", email, "phone", "0511 1234"));
		answers.put("erklaerung", Map.of("truthful", "true", "privacy", "true"));
		for (int step = 0; step < 10 && !page.endsWith("/pruefen"); step++) {
			String pageId = page.substring(page.lastIndexOf('/') + 1);
			guest.get(page);
			Map<String, String> fields = new LinkedHashMap<>(answers.getOrDefault(pageId, Map.of()));
			fields.put("aktion", "weiter");
			WebSession.Page next = guest.submit(page, fields);
			assertThat(next.isRedirect()).as(pageId + ": " + next.mainText()).isTrue();
			page = path(next.location().orElseThrow());
		}
		WebSession.Page check = guest.get(page);
		String send = check.document().select("form[action$=/absenden]").attr("action");
		return path(guest.submit(send, Map.of()).location().orElseThrow());
	}

}
