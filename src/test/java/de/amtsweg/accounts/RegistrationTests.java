package de.amtsweg.accounts;

import java.util.Map;

import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationTests extends AccountsTestSupport {

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
		assertThat(account.mainText()).contains("Ihre E-Mail-Adresse ist bestätigt", "Persönliche Daten");

		WebSession.Page signedOut = session.submit("/abmelden", Map.of());
		assertThat(signedOut.location()).hasValueSatisfying((l) -> assertThat(l).contains("/anmelden?abgemeldet"));
		assertThat(session.get("/konto").location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/anmelden"));

		WebSession again = signIn(email, PASSWORD);
		assertThat(again.get("/konto").status()).isEqualTo(200);
	}

}
