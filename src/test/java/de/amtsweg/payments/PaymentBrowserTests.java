package de.amtsweg.payments;

import java.time.LocalDate;
import java.util.UUID;

import de.amtsweg.platform.Municipalities;
import de.amtsweg.support.BrowserTest;
import de.amtsweg.support.TestMailServer;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paying in a real browser through the sandbox provider, with axe-core on every page: an
 * open claim from the account (failure, cancel, then success) and a form fee from the
 * mailed pay link; the account shows due, open and settled claims with notices to print.
 */
class PaymentBrowserTests extends BrowserTest {

	@Autowired
	Claims claims;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCitizenPaysAnOpenClaimAfterAFailedAndACancelledAttempt() {
		UUID erika = this.jdbc.sql("select id from citizen_account where email = 'erika.mustermann@example.org'")
			.query(UUID.class)
			.single();
		String purpose = "Gebühr Baumfällung " + UUID.randomUUID().toString().substring(0, 6);
		Claim claim = PaymentsTestSupport.claimOf(this.claims, PaymentsTestSupport.musterstadt(this.municipalities),
				erika, purpose, "45.00", LocalDate.now(this.clock).plusDays(7));
		String payPage = "/bezahlen/forderung/" + claim.id();

		signInAsCitizen("erika.mustermann@example.org");
		open("/konto/finanzen");
		assertThat(find("table[aria-labelledby=faellig]").getText()).contains(purpose, "45,00 €");
		assertThat(find("#offen + ul").getText()).contains(purpose, "Hundesteuer", "Gebühr Sondernutzung");
		assertThat(find("table[aria-labelledby=erledigt]").getText()).contains("Verwarnungsgeld Parkverstoß",
				"bezahlt");
		String notice = find("table[aria-labelledby=erledigt] a[href$='/bescheid.pdf']").getDomAttribute("href");
		assertThat(fetch(notice)).isEqualTo("200 application/pdf");
		assertAccessibleOnDesktopAndPhone();

		follow("a[href='" + payPage + "']");
		assertThat(mainText()).contains(purpose, claim.reference(), "45,00 €");
		assertAccessibleOnDesktopAndPhone();
		submit(payPage);
		assertThat(path()).startsWith("/sandbox-zahlung/");
		assertAccessibleOnDesktopAndPhone();
		follow("#ablehnen");
		assertThat(title()).isEqualTo("Zahlung fehlgeschlagen");
		assertAccessibleOnDesktopAndPhone();

		follow("a[href='" + payPage + "']");
		submit(payPage);
		click("#methode-paypal");
		follow("#abbrechen");
		assertThat(title()).isEqualTo("Zahlung abgebrochen");
		assertAccessible();
		assertThat(this.claims.get(claim.id()).orElseThrow().status()).isEqualTo(ClaimStatus.OPEN);

		follow("a[href='" + payPage + "']");
		submit(payPage);
		click("#methode-giropay");
		follow("#zahlen");
		assertThat(title()).isEqualTo("Zahlung eingegangen");
		assertThat(fetch(find("a[href^='/bezahlen/quittung/']").getDomAttribute("href")))
			.isEqualTo("200 application/pdf");
		assertAccessibleOnDesktopAndPhone();

		follow("a[href='/konto/finanzen']");
		assertThat(find("table[aria-labelledby=erledigt]").getText()).contains(purpose);
		assertThat(find("table[aria-labelledby=zahlungen]").getText()).contains(purpose, "45,00 €");
		assertAccessible();
	}

	@Test
	void aGuestPaysAFormFeeFromTheMailedLink() {
		String email = "browser-" + UUID.randomUUID() + "@example.org";
		WebSession applicant = newSession();
		applicant.get("/gemeinde/musterstadt");
		PaymentPagesTests.submitRegistrationCertificate(applicant, email, "1");
		String link = TestMailServer.awaitLatestMail(email, "Gebühr für Ihren Antrag")
			.link(baseUrl() + "/bezahlen/antrag/");

		open(link);
		assertThat(path()).startsWith("/bezahlen/forderung/");
		assertThat(mainText()).contains("Meldebescheinigung", "8,00 €");
		assertAccessibleOnDesktopAndPhone();
		submit(path());
		follow("#zahlen");
		assertThat(title()).isEqualTo("Zahlung eingegangen");
		assertThat(mainText()).contains("8,00 €");
		assertAccessibleOnDesktopAndPhone();
	}

	@Test
	void theGuestAndFinancePagesPassAxe() {
		open("/gemeinde/musterstadt");
		open("/bezahlen");
		assertAccessibleOnDesktopAndPhone();
		submit("/bezahlen");
		assertThat(title()).startsWith("Fehler: ");
		assertAccessibleOnDesktopAndPhone();

		Claim claim = PaymentsTestSupport.guestClaim(this.claims, PaymentsTestSupport.musterstadt(this.municipalities),
				"12.00");
		signInAsStaff("steueramt@musterstadt.example");
		open("/intern/finanzen");
		assertAccessibleOnDesktopAndPhone();
		open("/intern/finanzen/forderungen/" + claim.id());
		assertAccessibleOnDesktopAndPhone();
		open("/intern/finanzen/klaerung");
		assertAccessibleOnDesktopAndPhone();
		open("/intern/finanzen/import");
		assertAccessibleOnDesktopAndPhone();
		open("/intern/finanzen/kontoauszug");
		assertAccessibleOnDesktopAndPhone();
	}

	/** Status and content type of a GET in the browser's session. */
	private String fetch(String href) {
		return String.valueOf(browser().executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then((r) => done(r.status + ' ' + r.headers.get('content-type')));""", href));
	}

}
