package de.amtsweg.accounts;

import java.time.Duration;
import java.util.Map;

import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInSecurityTests extends AccountsTestSupport {

	@Test
	void aPostWithoutCsrfTokenIsRefused() {
		WebSession signedIn = registerAndConfirm(freshAddress("csrf"));
		WebSession.Page refused = signedIn.post("/konto/profil/bearbeiten",
				Map.of("givenName", "Eva", "familyName", "Angriff", "preferredLanguage", "de"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(signedIn.get("/konto/profil").mainText()).doesNotContain("Angriff");

		WebSession anonymous = newSession();
		assertThat(anonymous
			.post("/registrieren", Map.of("email", freshAddress("csrf2"), "password", PASSWORD, "passwordRepeat",
					PASSWORD, "consent", "true"))
			.status()).isEqualTo(403);
		assertThat(anonymous.post("/passwort-vergessen", Map.of("email", "erika.mustermann@example.org")).status())
			.isEqualTo(403);
	}

	@Test
	void anApiCallWithTheSessionCookieNeedsTheTokenButACookielessMachineCallDoesNot() {
		WebSession signedIn = registerAndConfirm(freshAddress("csrf-api"));
		assertThat(signedIn.post("/api/v1/municipalities", Map.of()).status()).isEqualTo(403);

		// No cookie, no ambient authority: the request reaches the endpoint, which only
		// answers GET.
		assertThat(newSession().post("/api/v1/municipalities", Map.of()).status()).isEqualTo(405);
	}

	@Test
	void tenWrongPasswordsThrottleTheSignInUntilTheClockMovesOn() {
		String email = freshAddress("rate");
		registerAndConfirm(email);
		try {
			WebSession session = newSession();
			WebSession.Page last = null;
			for (int i = 0; i < 10; i++) {
				session.get("/anmelden");
				session.submit("/anmelden", Map.of("email", email, "passwort", "Falsch geraten " + i));
				last = session.get("/anmelden?fehler");
			}
			assertThat(last.mainText()).containsPattern("Zu viele Fehlversuche. Warten Sie \\d+ Sekunden");

			session.get("/anmelden");
			WebSession.Page right = session.submit("/anmelden", Map.of("email", email, "passwort", PASSWORD));
			assertThat(right.location()).hasValueSatisfying((l) -> assertThat(l).contains("/anmelden?fehler"));
			assertThat(session.get("/anmelden?fehler").mainText())
				.containsPattern("Zu viele Fehlversuche. Warten Sie \\d+ Sekunden");
			assertThat(session.get("/konto").location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/anmelden"));

			this.clock.advance(Duration.ofMinutes(16));
			assertThat(signIn(email, PASSWORD).get("/konto").status()).isEqualTo(200);
		}
		finally {
			// The client address 127.0.0.1 is shared by every test: leave no block
			// behind.
			this.jdbc.sql("delete from login_throttle where key in ('client:127.0.0.1', 'client:0:0:0:0:0:0:0:1')")
				.update();
		}
	}

}
