package de.amtsweg.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.support.BrowserTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser with axe-core: a clerk sets a fee on a case (after a wrong entry),
 * the applicant finds it in the finances and starts a change request about it, which
 * continues in the prefilled contact form.
 */
class FinanceActionsBrowserTests extends BrowserTest {

	private static final String CITIZEN = "erika.mustermann@example.org";

	@Autowired
	FormFilling filling;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aClerkSetsAFeeAndTheApplicantReportsAChangeAboutIt() {
		String family = "Browsergebuehr" + UUID.randomUUID().toString().substring(0, 6);
		Submission submission = CaseFixtures.submitRegistrationCertificate(this.filling,
				this.municipalities.bySlug("musterstadt").orElseThrow(), CaseFixtures.accountOf(this.jdbc, CITIZEN),
				"Erika", family, CITIZEN);
		UUID caseId = CaseFixtures.awaitCase(this.jdbc, submission.id());
		String purpose = "Auslagen " + family;

		signInAsStaff("buergerbuero@musterstadt.example");
		open("/intern/vorgaenge/" + caseId);
		follow("#forderung-festsetzen");
		assertThat(path()).isEqualTo("/intern/vorgaenge/" + caseId + "/forderung");
		assertAccessibleOnDesktopAndPhone();
		type("#amount", "0");
		submit(path());
		assertThat(title()).startsWith("Fehler: ");
		assertThat(find(".error-summary").getText()).contains("Geben Sie den Zweck an.");
		assertAccessibleOnDesktopAndPhone();
		type("#amount", "12,50");
		type("#purpose", purpose);
		type("#dueDate", LocalDate.now(this.clock).plusDays(10).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
		submit(path());
		assertThat(path()).isEqualTo("/intern/vorgaenge/" + caseId);
		assertThat(find(".notification--success").getText()).contains("ist festgesetzt");
		assertThat(mainText()).contains("Gebühr/Forderung festgesetzt");
		assertAccessible();

		browser().manage().deleteAllCookies();
		signInAsCitizen(CITIZEN);
		open("/gemeinde/musterstadt");
		open("/konto/finanzen");
		assertThat(find("#offen + ul").getText()).contains(purpose, "12,50 €");
		follow("a[href$='/aenderung'][href*='" + claimOf(purpose) + "']");
		assertThat(mainText()).contains(purpose, "12,50 €");
		assertAccessibleOnDesktopAndPhone();
		submit(path());
		assertThat(title()).startsWith("Fehler: ");
		assertAccessibleOnDesktopAndPhone();
		click("#kind-3");
		type("#text", "Die Auslagen wurden schon bar bezahlt.");
		submit(path());
		assertThat(path()).startsWith("/antrag/kontakt/");
		assertAccessible();
		// leave no draft behind in the shared demo account
		String draft = path().substring(0, path().lastIndexOf('/'));
		open(draft + "/verwerfen");
		submit(draft + "/verwerfen");
		assertThat(path()).startsWith("/konto/antraege/entwuerfe");
	}

	private String claimOf(String purpose) {
		return this.jdbc.sql("select id::text from payment_claim where purpose like :p")
			.param("p", purpose + "%")
			.query(String.class)
			.single();
	}

}
