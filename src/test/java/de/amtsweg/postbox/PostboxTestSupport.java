package de.amtsweg.postbox;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.TestMailServer;
import de.amtsweg.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What the postbox tests share: the demo municipality, sign-ins and mails. */
abstract class PostboxTestSupport extends IntegrationTest {

	static final String PASSWORD = "Amtsweg-Demo-2026";

	static final String ERIKA = "erika.mustermann@example.org";

	static final String MAX = "max.mustermann@example.org";

	static final String BUERGERBUERO_CLERK = "buergerbuero@musterstadt.example";

	static final String STANDESAMT_CLERK = "standesamt@musterstadt.example";

	static final byte[] PDF = "%PDF-1.4\n% Nachweis\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	protected Postbox postbox;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	Municipalities municipalities;

	@Autowired
	OrgUnits orgUnits;

	UUID musterstadt() {
		return this.municipalities.bySlug("musterstadt").orElseThrow().id();
	}

	UUID unit(String key) {
		return this.orgUnits.byKey(musterstadt(), key).orElseThrow().id();
	}

	UUID accountId(String email) {
		return this.jdbc.sql("select id from citizen_account where email = :email")
			.param("email", email)
			.query(UUID.class)
			.single();
	}

	static String freshAddress(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
	}

	static String unique(String text) {
		return text + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	/** The Bürgerbüro asks Erika something about a case. */
	UUID questionTo(String email, String subject, String text, LocalDate replyBy) {
		return this.postbox.openThread(new NewThread(musterstadt(), unit("buergerbuero"), accountId(email), null,
				"case:" + UUID.randomUUID(), subject, text, null, replyBy));
	}

	UUID questionToGuest(String guestEmail, String subject, LocalDate replyBy) {
		return this.postbox.openThread(new NewThread(musterstadt(), unit("buergerbuero"), null, guestEmail, "general",
				subject, "Bitte senden Sie uns den Nachweis.", null, replyBy));
	}

	WebSession citizen(String email) {
		return signIn("/anmelden", email, "/konto");
	}

	WebSession staff(String email) {
		return signIn("/intern/anmelden", email, "/intern");
	}

	private WebSession signIn(String page, String email, String landing) {
		WebSession session = newSession();
		session.get(page);
		WebSession.Page result = session.submit(page, Map.of("email", email, "passwort", PASSWORD));
		assertThat(result.location()).hasValueSatisfying((location) -> assertThat(location).endsWith(landing));
		return session;
	}

	/** Waits for the mail whose body contains the text (e.g. a thread's id). */
	static TestMailServer.ReceivedMail mailContaining(String to, String subjectPart, String bodyPart) {
		for (int count = 1; count < 50; count++) {
			TestMailServer.awaitMailCount(to, subjectPart, count);
			TestMailServer.ReceivedMail found = TestMailServer.mailsTo(to)
				.stream()
				.filter((mail) -> mail.subject().contains(subjectPart) && mail.body().contains(bodyPart))
				.findFirst()
				.orElse(null);
			if (found != null) {
				return found;
			}
		}
		throw new AssertionError("No mail to " + to + " containing " + bodyPart);
	}

	/** Posts a reply with one file, as the thread page's form does. */
	static int replyWithFile(WebSession session, String path, String text, String fileName, byte[] content) {
		session.get(path);
		return session
			.postMultipart(path, Map.of("_csrf", session.csrfToken(), "text", text), "attachments", fileName,
					"application/pdf", content)
			.statusCode();
	}

}
