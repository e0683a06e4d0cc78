package de.amtsweg.accounts;

import java.util.Map;
import java.util.UUID;

import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.TestMailServer;
import de.amtsweg.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the account tests share: fresh addresses, registering and confirming through the
 * pages, and reading links from mails.
 */
abstract class AccountsTestSupport extends IntegrationTest {

	static final String PASSWORD = "Lange Nacht im Rathaus 7";

	@Autowired
	protected JdbcClient jdbc;

	/** An address nobody used before. */
	static String freshAddress(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
	}

	/**
	 * All tests come from 127.0.0.1, so the per-client limits of the public forms would
	 * add up over the suite; each test that uses those forms starts afresh.
	 */
	void forgetClientLimits() {
		this.jdbc.sql("delete from rate_limit where name in ('registration', 'mail-request')").update();
	}

	WebSession.Page register(WebSession session, String email, String password) {
		forgetClientLimits();
		session.get("/registrieren");
		return session.submit("/registrieren",
				Map.of("email", email, "password", password, "passwordRepeat", password, "consent", "true"));
	}

	/** Registers, confirms by the mailed link and returns the signed-in session. */
	WebSession registerAndConfirm(String email) {
		WebSession session = newSession();
		assertThat(register(session, email, PASSWORD).location())
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/registrieren/gesendet"));
		String link = linkIn(email, "Bestätigen Sie Ihre E-Mail-Adresse", "/registrieren/bestaetigen?token=");
		assertThat(session.get(link).status()).isEqualTo(200);
		WebSession.Page confirmed = session.submit("/registrieren/bestaetigen", Map.of("password", PASSWORD));
		assertThat(confirmed.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/konto"));
		return session;
	}

	WebSession signIn(String email, String password) {
		WebSession session = newSession();
		session.get("/anmelden");
		WebSession.Page result = session.submit("/anmelden", Map.of("email", email, "passwort", password));
		assertThat(result.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/konto"));
		return session;
	}

	/** Waits for the mail and returns the link in it that contains the path. */
	String linkIn(String to, String subjectPart, String path) {
		return mailText(to, subjectPart).lines()
			.map(String::trim)
			.filter((line) -> line.startsWith("http") && line.contains(path))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("No link with " + path + " in:\n" + mailText(to, subjectPart)));
	}

	/** The text of the latest mail to the address whose subject contains the text. */
	String mailText(String to, String subjectPart) {
		return TestMailServer.awaitLatestMail(to, subjectPart).body();
	}

	/** How many mails the address received whose subject contains the text. */
	long mailCount(String to, String subjectPart) {
		return TestMailServer.mailsTo(to).stream().filter((mail) -> mail.subject().contains(subjectPart)).count();
	}

	void awaitMails(String to, String subjectPart, int count) {
		TestMailServer.awaitMailCount(to, subjectPart, count);
	}

}
