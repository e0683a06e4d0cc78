package de.amtsweg.accounts;

import java.time.Duration;
import java.util.Map;

import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordAndAddressTests extends AccountsTestSupport {

	static final String NEW_PASSWORD = "Neues Passwort fuer das Rathaus 8";

	@Test
	void aForgottenPasswordIsResetByMailAndEveryOldSessionEnds() {
		String email = freshAddress("vergesslich");
		WebSession firstDevice = registerAndConfirm(email);
		WebSession secondDevice = signIn(email, PASSWORD);

		WebSession.Page sent = requestReset(newSession(), email);
		assertThat(sent.mainText()).contains("Prüfen Sie Ihr Postfach", email);
		String link = linkIn(email, "Neues Passwort für Ihr Servicekonto", "/passwort-neu?token=");
		assertThat(link).startsWith(baseUrl() + "/passwort-neu?token=");

		WebSession browser = newSession();
		assertThat(browser.get(link).status()).isEqualTo(200);
		WebSession.Page saved = browser.submit("/passwort-neu",
				Map.of("password", NEW_PASSWORD, "passwordRepeat", NEW_PASSWORD));
		assertThat(saved.location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/passwort-neu/gespeichert"));
		assertThat(browser.get("/passwort-neu/gespeichert").mainText()).contains("Ihr neues Passwort ist gespeichert");

		assertThat(firstDevice.get("/konto").location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/anmelden"));
		assertThat(secondDevice.get("/konto").location())
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/anmelden"));
		assertThat(signInFails(email, PASSWORD)).isTrue();
		assertThat(signIn(email, NEW_PASSWORD).get("/konto").status()).isEqualTo(200);
		assertThat(mailText(email, "Ihr Passwort wurde geändert")).contains("gerade geändert");
	}

	@Test
	void aResetForAnUnknownAddressLooksTheSame() {
		String unknown = freshAddress("niemand");
		String known = freshAddress("jemand");
		registerAndConfirm(known);
		WebSession.Page forUnknown = requestReset(newSession(), unknown);
		WebSession.Page forKnown = requestReset(newSession(), known);
		assertThat(forUnknown.status()).isEqualTo(forKnown.status());
		assertThat(forUnknown.mainText().replace(unknown, "ADDRESS"))
			.isEqualTo(forKnown.mainText().replace(known, "ADDRESS"));
	}

	@Test
	void aResetLinkExpiresAfterAnHourAndWorksOnce() {
		String email = freshAddress("stunde");
		registerAndConfirm(email);
		requestReset(newSession(), email);
		String link = linkIn(email, "Neues Passwort für Ihr Servicekonto", "/passwort-neu?token=");
		this.clock.advance(Duration.ofMinutes(61));
		WebSession.Page expired = newSession().get(link);
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.title()).startsWith("Fehler: Der Link ist abgelaufen");
		assertThat(expired.mainText()).contains("Neuen Link anfordern");
		this.clock.reset();

		WebSession browser = newSession();
		browser.get(link);
		WebSession.Page tooShort = browser.submit("/passwort-neu",
				Map.of("password", "kurz", "passwordRepeat", "kurz"));
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.document().select(".error-summary a[href=#password]").text())
			.isEqualTo("Das Passwort muss mindestens 10 Zeichen lang sein.");
		browser.submit("/passwort-neu", Map.of("password", NEW_PASSWORD, "passwordRepeat", NEW_PASSWORD));
		WebSession.Page again = newSession().get(link);
		assertThat(again.status()).isEqualTo(410);
		assertThat(again.title()).startsWith("Fehler: Der Link wurde schon benutzt");
	}

	@Test
	void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
		String email = freshAddress("wechsel");
		WebSession here = registerAndConfirm(email);
		WebSession elsewhere = signIn(email, PASSWORD);

		here.get("/konto/sicherheit/passwort");
		WebSession.Page wrong = here.submit("/konto/sicherheit/passwort", Map.of("currentPassword",
				"Falsches Passwort 123", "newPassword", NEW_PASSWORD, "newPasswordRepeat", NEW_PASSWORD));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.document().select(".error-summary a[href=#currentPassword]").text())
			.isEqualTo("Das Passwort ist falsch. Geben Sie Ihr aktuelles Passwort ein.");

		WebSession.Page changed = here.submit("/konto/sicherheit/passwort",
				Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD, "newPasswordRepeat", NEW_PASSWORD));
		assertThat(changed.location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/konto/sicherheit"));
		assertThat(here.get("/konto/sicherheit").mainText()).contains("Ihr Passwort ist geändert");
		assertThat(elsewhere.get("/konto").location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/anmelden"));
		assertThat(signIn(email, NEW_PASSWORD).get("/konto").status()).isEqualTo(200);
	}

	@Test
	void anEmailAddressChangesOnlyWhenTheNewAddressConfirmsIt() {
		String old = freshAddress("alt");
		String changed = freshAddress("neu");
		WebSession session = registerAndConfirm(old);
		session.get("/konto/sicherheit/email");
		WebSession.Page requested = session.submit("/konto/sicherheit/email",
				Map.of("newEmail", changed, "currentPassword", PASSWORD));
		assertThat(requested.location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/konto/sicherheit"));
		assertThat(session.get("/konto/sicherheit").mainText())
			.contains("Wir haben einen Link an Ihre neue E-Mail-Adresse");
		assertThat(signIn(old, PASSWORD).get("/konto").status()).isEqualTo(200);

		String link = linkIn(changed, "Bestätigen Sie Ihre neue E-Mail-Adresse", "/konto/email-bestaetigen?token=");
		WebSession.Page confirmPage = session.get(link);
		assertThat(confirmPage.mainText()).contains(changed);
		WebSession.Page confirmed = session.submit("/konto/email-bestaetigen", Map.of());
		assertThat(confirmed.location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/konto/sicherheit"));
		assertThat(session.get("/konto/sicherheit").mainText()).contains(changed, "Ihre E-Mail-Adresse ist geändert");

		assertThat(signInFails(old, PASSWORD)).isTrue();
		assertThat(signIn(changed, PASSWORD).get("/konto").status()).isEqualTo(200);
		assertThat(mailText(old, "wurde geändert")).contains(changed);
	}

	private WebSession.Page requestReset(WebSession session, String email) {
		forgetClientLimits();
		session.get("/passwort-vergessen");
		WebSession.Page result = session.submit("/passwort-vergessen", Map.of("email", email));
		assertThat(result.location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/passwort-vergessen/gesendet"));
		return session.get("/passwort-vergessen/gesendet");
	}

	private boolean signInFails(String email, String password) {
		WebSession session = newSession();
		session.get("/anmelden");
		return session.submit("/anmelden", Map.of("email", email, "passwort", password))
			.location()
			.map((l) -> l.contains("/anmelden?fehler"))
			.orElse(false);
	}

}
