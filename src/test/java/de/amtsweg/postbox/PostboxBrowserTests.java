package de.amtsweg.postbox;

import java.time.LocalDate;
import java.util.UUID;

import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.support.BrowserTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class PostboxBrowserTests extends BrowserTest {

	private static final String ERIKA = "erika.mustermann@example.org";

	@Autowired
	Postbox postbox;

	@Autowired
	Municipalities municipalities;

	@Autowired
	OrgUnits orgUnits;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCitizensPostboxPagesAreAccessibleOnDesktopAndPhone() {
		String subject = "Rückfrage " + UUID.randomUUID().toString().substring(0, 8);
		UUID threadId = question(subject);
		signInAsCitizen(ERIKA);

		open("/konto/postfach");
		assertThat(mainText()).contains(subject);
		assertAccessibleOnDesktopAndPhone();

		open("/konto/postfach/" + threadId);
		assertThat(mainText()).contains("Bitte senden Sie uns Ihre Meldebescheinigung.");
		assertAccessibleOnDesktopAndPhone();

		submit("/konto/postfach/" + threadId);
		assertThat(title()).startsWith("Fehler: ");
		assertAccessible();

		open("/gemeinde/musterstadt");
		open("/konto/postfach/neu");
		assertAccessibleOnDesktopAndPhone();
	}

	@Test
	void aCitizenAnswersWithoutJavaScript() {
		String subject = "Ohne Skript " + UUID.randomUUID().toString().substring(0, 8);
		UUID threadId = question(subject);
		signInAsCitizen(ERIKA);

		openWithoutJavaScript("/konto/postfach/" + threadId);
		assertThat(pageScriptsRan()).isFalse();
		type("#text", "Die Meldebescheinigung kommt morgen.");
		submit("/konto/postfach/" + threadId);

		assertThat(path()).isEqualTo("/konto/postfach/" + threadId);
		assertThat(mainText()).contains("Ihre Nachricht wurde gesendet.", "Die Meldebescheinigung kommt morgen.",
				"Beantwortet");
		assertAccessible();
	}

	private UUID question(String subject) {
		UUID musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow().id();
		UUID account = this.jdbc.sql("select id from citizen_account where email = :email")
			.param("email", ERIKA)
			.query(UUID.class)
			.single();
		return this.postbox
			.openThread(new NewThread(musterstadt, this.orgUnits.byKey(musterstadt, "buergerbuero").orElseThrow().id(),
					account, null, "case:" + UUID.randomUUID(), subject,
					"Bitte senden Sie uns Ihre Meldebescheinigung.", null, LocalDate.now(this.clock).plusDays(14)));
	}

}
