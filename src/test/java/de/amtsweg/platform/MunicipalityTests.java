package de.amtsweg.platform;

import java.util.List;
import java.util.Map;

import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MunicipalityTests extends IntegrationTest {

	@Autowired
	Municipalities municipalities;

	@Test
	void theApiListsTheMunicipalitiesServed() {
		WebSession.Page response = newSession().getJson("/api/v1/municipalities");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).hasValueSatisfying((type) -> assertThat(type).contains("json"));
		assertThat(response.body()).contains("\"name\":\"Stadt Musterstadt\"", "\"ags\":\"03499001\"",
				"\"state\":\"NI\"", "\"name\":\"Gemeinde Beispielheim\"", "\"ags\":\"03499002\"");
	}

	@Test
	void aCitizenWithoutChoiceIsAskedForTheirMunicipalityAndSentBack() {
		WebSession session = newSession();
		WebSession.Page contact = session.get("/kontakt");
		assertThat(contact.location()).contains(baseUrl() + "/gemeinde-waehlen?weiter=/kontakt");
		WebSession.Page chooser = session.get("/gemeinde-waehlen?weiter=/kontakt");
		assertThat(chooser.mainText()).contains("In welcher Gemeinde wohnen Sie?", "Stadt Musterstadt",
				"Gemeinde Beispielheim");

		WebSession.Page chosen = session.submit("/gemeinde-waehlen", Map.of("gemeinde", "beispielheim"));
		assertThat(chosen.location()).contains(baseUrl() + "/kontakt");
		assertThat(session.get("/kontakt").mainText()).contains("Gemeinde Beispielheim", "Lindenstraße 4");
	}

	@Test
	void choosingNothingExplainsWhatToDo() {
		WebSession session = newSession();
		session.get("/gemeinde-waehlen");
		WebSession.Page page = session.submit("/gemeinde-waehlen", Map.of());
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.title()).startsWith("Fehler: ");
		assertThat(page.document().select(".error-summary a[href=#gemeinde]").text())
			.isEqualTo("Wählen Sie die Gemeinde aus, in der Sie wohnen.");
	}

	@Test
	void aPostcodeFindsTheMunicipalitiesOfItsTerritory() {
		WebSession session = newSession();
		assertThat(session.get("/gemeinde-waehlen?plz=31998").document().select("input[name=gemeinde]"))
			.extracting((input) -> input.attr("value"))
			.containsExactly("beispielheim");
		assertThat(session.get("/gemeinde-waehlen?plz=31997").document().select("input[name=gemeinde]"))
			.extracting((input) -> input.attr("value"))
			.containsExactlyInAnyOrder("beispielheim", "musterstadt");
		assertThat(session.get("/gemeinde-waehlen?plz=3199").mainText())
			.contains("Geben Sie eine Postleitzahl mit fünf Ziffern ein");
		assertThat(session.get("/gemeinde-waehlen?plz=99999").mainText())
			.contains("Zu dieser Postleitzahl gehört keine Gemeinde dieses Portals");
	}

	@Test
	void aLinkWithTheMunicipalitysNameChoosesIt() {
		WebSession session = newSession();
		assertThat(session.get("/gemeinde/musterstadt").location()).contains(baseUrl() + "/");
		assertThat(session.get("/").document().select(".site-header__name").text()).isEqualTo("Stadt Musterstadt");
		assertThat(session.get("/gemeinde/gibt-es-nicht").status()).isEqualTo(404);
	}

	@Test
	void theHostNameChoosesTheMunicipality() {
		WebSession session = newSession().withHost("beispielheim.localhost:" + PORT);
		assertThat(session.get("/").document().select(".site-header__name").text()).isEqualTo("Gemeinde Beispielheim");
	}

	@Test
	void anAgsThatDoesNotFitTheStateIsRefused() {
		MunicipalityDetails details = new MunicipalityDetails("falsch", "Falschdorf", "09123456", "NI", null,
				new Municipality.Address("", "", ""), new Municipality.Contact("", "", ""), List.of(), List.of(),
				List.of());
		assertThatThrownBy(() -> SystemActor.run(() -> this.municipalities.create(details))).isInstanceOfSatisfying(
				InvalidInputException.class,
				(ex) -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::messageKey)
					.containsExactly("ags.invalid.stateMismatch"));
	}

	@Test
	void aSecondMunicipalityWithTheSameAgsIsRefused() {
		MunicipalityDetails details = new MunicipalityDetails("doppelt", "Doppelstadt", "03499001", "NI", null,
				new Municipality.Address("", "", ""), new Municipality.Contact("", "", ""), List.of(), List.of(),
				List.of());
		assertThatThrownBy(() -> SystemActor.run(() -> this.municipalities.create(details))).isInstanceOfSatisfying(
				InvalidInputException.class,
				(ex) -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::messageKey)
					.containsExactly("municipality.ags.taken"));
	}

}
