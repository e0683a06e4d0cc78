package de.amtsweg.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;

import de.amtsweg.support.BrowserTest;
import de.amtsweg.support.TestMailServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen's first visit end to end in the browser: register, confirm the e-mail address
 * with the link from the mail, sign out, sign in again and sign out; every page on the
 * way passes axe-core on a desktop and a phone.
 */
class CitizenJourneyTests extends BrowserTest {

	private static final String PASSWORD = "Ein Satz aus vielen Wörtern 2026";

	@Test
	void aCitizenRegistersConfirmsTheirAddressSignsInAndSignsOut() {
		String email = "journey-" + UUID.randomUUID() + "@example.org";

		open("/");
		follow("a[href='/registrieren']");
		assertAccessibleOnDesktopAndPhone();
		type("#email", email);
		type("#password", PASSWORD);
		type("#passwordRepeat", PASSWORD);
		click("#consent");
		submit("/registrieren");
		assertThat(path()).isEqualTo("/registrieren/gesendet");
		assertThat(mainText()).contains(email);
		assertAccessibleOnDesktopAndPhone();

		TestMailServer.ReceivedMail mail = TestMailServer.awaitMail(email, "Bestätigen Sie Ihre E-Mail-Adresse");
		String link = new TestMailServer.ReceivedMail(mail.to(), mail.subject(), decoded(mail.body()))
			.link(baseUrl() + "/registrieren/bestaetigen");
		open(link);
		assertThat(mainText()).contains(email);
		assertAccessibleOnDesktopAndPhone();
		type("#password", PASSWORD);
		submit("/registrieren/bestaetigen");
		assertThat(path()).startsWith("/konto");
		assertAccessibleOnDesktopAndPhone();

		submit("/abmelden");
		assertThat(path()).startsWith("/anmelden");
		assertThat(find(".notification").getText()).isEqualTo("Sie haben sich abgemeldet.");
		assertAccessibleOnDesktopAndPhone();

		signIn("/anmelden", email, PASSWORD);
		assertThat(path()).startsWith("/konto");
		assertThat(findAll("form[action='/abmelden']")).hasSize(1);
		assertAccessibleOnDesktopAndPhone();

		submit("/abmelden");
		open("/konto");
		assertThat(path()).as("signed out, the account needs a sign-in again").startsWith("/anmelden");
		assertAccessibleOnDesktopAndPhone();
	}

	/**
	 * The mail's text. {@link TestMailServer} hands out the body as sent,
	 * quoted-printable, where a long link is cut by soft line breaks; decoded only if it
	 * still is (an umlaut's UTF-8 bytes as =C3=.. or a soft line break), so a decoding
	 * mail server later needs no change here.
	 */
	private static String decoded(String body) {
		boolean quotedPrintable = body.contains("=C3=") || body.matches("(?s).*=\\r?\\n.*");
		if (!quotedPrintable) {
			return body;
		}
		try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)),
				"quoted-printable")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
