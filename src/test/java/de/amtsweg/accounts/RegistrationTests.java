package de.amtsweg.accounts;

import java.time.Duration;
import java.util.Map;

import de.amtsweg.accounts.internal.AccountMaintenance;
import de.amtsweg.accounts.internal.CitizenAccountRepository;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationTests extends AccountsTestSupport {

	@Autowired
	CitizenAccountRepository accounts;

	@Autowired
	AccountMaintenance maintenance;

	@Test
	void aCitizenRegistersConfirmsTheAddressSignsInAndOut() {
		String email = freshAddress("neu");
		WebSession session = newSession();
		WebSession.Page registered = register(session, email, PASSWORD);
		assertThat(registered.location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/registrieren/gesendet"));
		WebSession.Page sent = session.get("/registrieren/gesendet");
		assertThat(sent.mainText()).contains("Prüfen Sie Ihr Postfach", "Wir haben eine E-Mail an " + email);

		String link = linkIn(email, "Bestätigen Sie Ihre E-Mail-Adresse", "/registrieren/bestaetigen?token=");
		assertThat(link).startsWith(baseUrl() + "/registrieren/bestaetigen?token=");
		WebSession.Page confirmPage = session.get(link);
		assertThat(confirmPage.mainText()).contains(email);
		WebSession.Page confirmed = session.submit("/registrieren/bestaetigen", Map.of("password", PASSWORD));
		assertThat(confirmed.location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/konto"));
		WebSession.Page account = session.get("/konto");
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.mainText()).contains("Ihre E-Mail-Adresse ist bestätigt", "Persönliche Daten",
				"Organisationen", "Anmeldung und Sicherheit", "Servicekonto löschen");

		WebSession.Page signedOut = session.submit("/abmelden", Map.of());
		assertThat(signedOut.location()).hasValueSatisfying((l) -> assertThat(l).contains("/anmelden?abgemeldet"));
		assertThat(session.get("/konto").location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/anmelden"));

		WebSession again = signIn(email, PASSWORD);
		assertThat(again.get("/konto").status()).isEqualTo(200);
	}

	@Test
	void registeringAnExistingAddressRevealsNothingAndMailsTheOwner() {
		String existing = freshAddress("vorhanden");
		registerAndConfirm(existing);
		String fresh = freshAddress("frisch");

		WebSession first = newSession();
		WebSession.Page forExisting = register(first, existing, "Ein ganz anderes Passwort 42");
		WebSession second = newSession();
		WebSession.Page forFresh = register(second, fresh, "Ein ganz anderes Passwort 42");

		assertThat(forExisting.status()).isEqualTo(forFresh.status());
		assertThat(forExisting.location()).isEqualTo(forFresh.location());
		assertThat(first.get("/registrieren/gesendet").mainText().replace(existing, "ADDRESS"))
			.isEqualTo(second.get("/registrieren/gesendet").mainText().replace(fresh, "ADDRESS"));

		String toOwner = mailText(existing, "Registrierung mit Ihrer E-Mail-Adresse");
		assertThat(toOwner).contains("Zu dieser Adresse gibt es schon ein Servicekonto", baseUrl() + "/anmelden",
				baseUrl() + "/passwort-vergessen");
		assertThat(mailCount(existing, "Bestätigen Sie Ihre E-Mail-Adresse")).isEqualTo(1);
		// The owner's password stays as it was.
		assertThat(signIn(existing, PASSWORD).get("/konto").status()).isEqualTo(200);
	}

	@Test
	void anUnconfirmedAccountCannotSignIn() {
		String email = freshAddress("unbestaetigt");
		register(newSession(), email, PASSWORD);
		WebSession session = newSession();
		session.get("/anmelden");
		WebSession.Page refused = session.submit("/anmelden", Map.of("email", email, "passwort", PASSWORD));
		assertThat(refused.location()).hasValueSatisfying((l) -> assertThat(l).contains("/anmelden?fehler"));
		WebSession.Page explained = session.get("/anmelden?fehler");
		assertThat(explained.mainText()).contains("Bestätigen Sie zuerst Ihre E-Mail-Adresse");
		assertThat(explained.document().select("a[href=/registrieren/neuer-link]").text())
			.isEqualTo("Neuen Bestätigungslink anfordern");
		assertThat(session.get("/konto").location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/anmelden"));
	}

	@Test
	void anExpiredConfirmationLinkIsRefusedWithAClearPage() {
		String email = freshAddress("abgelaufen");
		register(newSession(), email, PASSWORD);
		String link = linkIn(email, "Bestätigen Sie Ihre E-Mail-Adresse", "/registrieren/bestaetigen?token=");
		this.clock.advance(Duration.ofHours(24).plusMinutes(1));
		WebSession.Page page = newSession().get(link);
		assertThat(page.status()).isEqualTo(410);
		assertThat(page.title()).startsWith("Fehler: Der Link ist abgelaufen");
		assertThat(page.mainText()).contains("Neuen Bestätigungslink anfordern");
	}

	@Test
	void aConfirmationLinkWorksOnlyOnce() {
		String email = freshAddress("einmal");
		WebSession session = registerAndConfirm(email);
		String link = linkIn(email, "Bestätigen Sie Ihre E-Mail-Adresse", "/registrieren/bestaetigen?token=");
		WebSession.Page again = session.get(link);
		assertThat(again.status()).isEqualTo(410);
		assertThat(again.title()).startsWith("Fehler: Der Link wurde schon benutzt");
		WebSession.Page unknown = session.get("/registrieren/bestaetigen?token=erfunden");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.title()).startsWith("Fehler: Der Link ist ungültig");
	}

	@Test
	void confirmingNeedsThePasswordChosenAtRegistration() {
		String email = freshAddress("passwort");
		WebSession session = newSession();
		register(session, email, PASSWORD);
		session.get(linkIn(email, "Bestätigen Sie Ihre E-Mail-Adresse", "/registrieren/bestaetigen?token="));
		WebSession.Page wrong = session.submit("/registrieren/bestaetigen",
				Map.of("password", "Ein fremdes Passwort 99"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.title()).startsWith("Fehler: ");
		assertThat(wrong.document().select(".error-summary a[href=#password]").text())
			.isEqualTo("Das Passwort passt nicht zu dieser Registrierung. "
					+ "Wenn Sie sich mehrmals registriert haben, gilt das zuletzt gewählte Passwort.");
		assertThat(this.accounts.findByEmail(email)).hasValueSatisfying((a) -> assertThat(a.confirmed()).isFalse());
		assertThat(session.submit("/registrieren/bestaetigen", Map.of("password", PASSWORD)).location())
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/konto"));
	}

	@Test
	void aCitizenCanAskForANewConfirmationLink() {
		String email = freshAddress("nochmal");
		register(newSession(), email, PASSWORD);
		String firstLink = linkIn(email, "Bestätigen Sie Ihre E-Mail-Adresse", "/registrieren/bestaetigen?token=");
		this.clock.advance(Duration.ofHours(25));
		WebSession session = newSession();
		forgetClientLimits();
		session.get("/registrieren/neuer-link");
		assertThat(session.submit("/registrieren/neuer-link", Map.of("email", email)).location())
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/registrieren/gesendet"));
		String secondLink = awaitSecondLink(email, firstLink);
		assertThat(session.get(secondLink).status()).isEqualTo(200);
		assertThat(session.submit("/registrieren/bestaetigen", Map.of("password", PASSWORD)).location())
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/konto"));
	}

	@Test
	void invalidRegistrationsAreExplainedField() {
		WebSession session = newSession();
		forgetClientLimits();
		session.get("/registrieren");
		WebSession.Page page = session.submit("/registrieren", Map.of("email", "keine-adresse", "password",
				"1234567890", "passwordRepeat", "1234567890", "consent", "false"));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.title()).isEqualTo("Fehler: Servicekonto anlegen");
		assertThat(page.document().select(".error-summary a").eachAttr("href")).containsExactly("#email", "#password",
				"#consent");
		assertThat(page.document().select("#password-error").text()).contains("zu leicht zu erraten");
		assertThat(page.document().select("#email").attr("value")).isEqualTo("keine-adresse");

		WebSession.Page tooShort = session.submit("/registrieren",
				Map.of("email", freshAddress("kurz"), "password", "kurz", "passwordRepeat", "kurz", "consent", "true"));
		assertThat(tooShort.document().select(".error-summary a[href=#password]").text())
			.isEqualTo("Das Passwort muss mindestens 10 Zeichen lang sein.");
		WebSession.Page different = session.submit("/registrieren", Map.of("email", freshAddress("anders"), "password",
				PASSWORD, "passwordRepeat", PASSWORD + "!", "consent", "true"));
		assertThat(different.document().select(".error-summary a").eachAttr("href")).containsExactly("#passwordRepeat");
	}

	@Test
	void registrationsFromOneClientAreLimitedUntilTheHourIsOver() {
		forgetClientLimits();
		try {
			WebSession session = newSession();
			for (int i = 0; i < 20; i++) {
				session.get("/registrieren");
				assertThat(session
					.submit("/registrieren", Map.of("email", freshAddress("viele"), "password", PASSWORD,
							"passwordRepeat", PASSWORD, "consent", "true"))
					.status()).isEqualTo(302);
			}
			session.get("/registrieren");
			WebSession.Page limited = session.submit("/registrieren", Map.of("email", freshAddress("zuviel"),
					"password", PASSWORD, "passwordRepeat", PASSWORD, "consent", "true"));
			assertThat(limited.status()).isEqualTo(429);
			assertThat(limited.title()).isEqualTo("Fehler: Zu viele Versuche");
			assertThat(limited.mainText()).containsPattern("Versuchen Sie es in \\d+ Minuten erneut");

			this.clock.advance(Duration.ofMinutes(61));
			session.get("/registrieren");
			assertThat(
					session
						.submit("/registrieren",
								Map.of("email", freshAddress("spaeter"), "password", PASSWORD, "passwordRepeat",
										PASSWORD, "consent", "true"))
						.status())
				.isEqualTo(302);
		}
		finally {
			forgetClientLimits();
		}
	}

	@Test
	void accountsLeftUnconfirmedForSevenDaysAreDeleted() {
		String unconfirmed = freshAddress("vergessen");
		String confirmed = freshAddress("bestaetigt");
		register(newSession(), unconfirmed, PASSWORD);
		registerAndConfirm(confirmed);
		this.clock.advance(Duration.ofDays(6));
		this.maintenance.run();
		assertThat(this.accounts.findByEmail(unconfirmed)).isPresent();

		this.clock.advance(Duration.ofDays(1).plusMinutes(1));
		assertThat(this.maintenance.run()).isGreaterThanOrEqualTo(1);
		assertThat(this.accounts.findByEmail(unconfirmed)).isEmpty();
		assertThat(this.accounts.findByEmail(confirmed)).isPresent();
	}

	private String awaitSecondLink(String email, String firstLink) {
		awaitMails(email, "Bestätigen Sie Ihre E-Mail-Adresse", 2);
		String link = linkIn(email, "Bestätigen Sie Ihre E-Mail-Adresse", "/registrieren/bestaetigen?token=");
		assertThat(link).isNotEqualTo(firstLink);
		return link;
	}

}
