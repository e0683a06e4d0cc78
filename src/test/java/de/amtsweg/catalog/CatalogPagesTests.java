package de.amtsweg.catalog;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizen's finder pages, over real HTTP as a browser without JavaScript uses them.
 */
class CatalogPagesTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private WebSession in(String municipality) {
		WebSession session = newSession();
		session.get("/gemeinde/" + municipality);
		return session;
	}

	@Test
	void searchingHundeListsTheDogTaxFirstWithItsOrgUnit() {
		WebSession.Page page = in("musterstadt").get("/leistungen?q=Hunde");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.title()).isEqualTo("Suchergebnisse für „Hunde“");
		Element first = page.document().selectFirst("#ergebnisse li");
		assertThat(first.selectFirst("h2 a").text()).isEqualTo("Hundesteuer");
		assertThat(first.selectFirst("h2 a").attr("href")).isEqualTo("/leistungen/hundesteuer");
		assertThat(first.text()).contains("Zuständig: Steueramt", "Online möglich");
	}

	@Test
	void aMisspeltQueryIsCorrectedAndSaysWhatWasSearched() {
		WebSession.Page page = in("musterstadt").get("/leistungen?q=Geburtsurkunfe");
		assertThat(page.document().select("#ergebnisse .notification").text())
			.isEqualTo("Wir haben nach „geburtsurkunde“ gesucht.");
		assertThat(page.document().selectFirst("#ergebnisse li h2").text()).isEqualTo("Geburtsurkunde");
	}

	@Test
	void aSynonymFindsTheServiceByItsOfficialName() {
		WebSession.Page page = in("musterstadt").get("/leistungen?q=Perso");
		assertThat(page.document().selectFirst("#ergebnisse li h2").text()).isEqualTo("Personalausweis");
	}

	@Test
	void filtersByLifeSituationAndOnlineNarrowTheResults() {
		WebSession session = in("musterstadt");
		WebSession.Page all = session.get("/leistungen?q=Urkunde");
		assertThat(all.document().select("#ergebnisse li h2").eachText()).contains("Geburtsurkunde", "Sterbeurkunde");
		WebSession.Page death = session.get("/leistungen?q=Urkunde&lebenslage=tod");
		assertThat(death.document().select("#ergebnisse li h2").eachText()).contains("Sterbeurkunde")
			.doesNotContain("Geburtsurkunde");
		assertThat(death.document().select("#lebenslage option[selected]").attr("value")).isEqualTo("tod");
		WebSession.Page online = session.get("/leistungen?lebenslage=ausweise-reisen&online=ja");
		assertThat(online.document().select("#ergebnisse li h2").eachText()).contains("Online-Ausweisfunktion")
			.doesNotContain("Personalausweis", "Reisepass");
	}

	@Test
	void withoutAQueryThePageOffersLifeSituationsAndLetters() {
		WebSession.Page page = in("musterstadt").get("/leistungen");
		assertThat(page.document().select("a[href=/lebenslagen/umzug]").text()).isEqualTo("Umzug");
		assertThat(page.document().select("a[href=/leistungen/a-z?buchstabe=h]").text()).isEqualTo("H");
	}

	@Test
	void theAlphabeticalListGroupsServicesByTheirFirstLetter() {
		WebSession session = in("musterstadt");
		WebSession.Page h = session.get("/leistungen/a-z?buchstabe=h");
		assertThat(h.document().select("main li h2").eachText())
			.contains("Hundesteuer", "Halteverbotszone für den Umzug")
			.allMatch((name) -> name.startsWith("H"));
		WebSession.Page all = session.get("/leistungen/a-z");
		assertThat(all.document().select("main h2#buchstabe-a, main h2#buchstabe-w")).hasSize(2);
		assertThat(all.document().select("main li h2").eachText()).contains("Bewohnerparkausweis");
	}

	@Test
	void aLifeSituationListsItsServices() {
		WebSession.Page page = in("musterstadt").get("/lebenslagen/hund");
		assertThat(page.document().select("h1").text()).isEqualTo("Hund und Haustier");
		assertThat(page.document().select("main li h2").eachText()).contains("Hundesteuer", "Fundtiere und Tierheime");
		assertThat(in("musterstadt").get("/lebenslagen/gibt-es-nicht").status()).isEqualTo(404);
	}

	@Test
	void theServicePageShowsTheCurrentMunicipalitysResponsibility() {
		WebSession.Page musterstadt = in("musterstadt").get("/leistungen/hundesteuer");
		assertThat(musterstadt.status()).isEqualTo(200);
		assertThat(musterstadt.mainText()).contains("Zuständig in Stadt Musterstadt", "Steueramt", "Sabine Steuer",
				"erster Hund: 96,00 € je Jahr", "Rathaus Musterstadt", "Marktplatz 1",
				"An den gesetzlichen Feiertagen in Niedersachsen ist geschlossen.");
		assertThat(musterstadt.document().select("a.button").attr("href")).isEqualTo("/antrag/hundesteuer-anmeldung");
		WebSession.Page beispielheim = in("beispielheim").get("/leistungen/hundesteuer");
		assertThat(beispielheim.mainText()).contains("Zuständig in Gemeinde Beispielheim",
				"erster Hund: 72,00 € je Jahr", "Gemeindebüro Beispielheim");
	}

	@Test
	void theServicePageCarriesGovernmentServiceStructuredDataThatThePolicyAllows() throws Exception {
		WebSession.Page page = in("musterstadt").get("/leistungen/geburtsurkunde");
		Document document = page.document();
		assertThat(document.select("script:not([src])")).hasSize(1);
		Element script = document.selectFirst("script[type=application/ld+json]");
		JsonNode data = JSON.readTree(script.data());
		assertThat(data.get("@type").asString()).isEqualTo("GovernmentService");
		assertThat(data.get("name").asString()).isEqualTo("Geburtsurkunde");
		assertThat(data.at("/identifier/value").asString()).isEqualTo("99027002000000");
		assertThat(data.at("/areaServed/name").asString()).isEqualTo("Stadt Musterstadt");
		assertThat(data.at("/provider/name").asString()).isEqualTo("Stadt Musterstadt – Standesamt");
		assertThat(data.at("/availableChannel/0/serviceUrl").asString())
			.isEqualTo(baseUrl() + "/antrag/geburtsurkunde");
		assertThat(data.at("/offers/0/price").asString()).isEqualTo("12.00");
		// a data block is never executed, so script-src 'self' does not block it
		assertThat(page.header("Content-Security-Policy")).hasValueSatisfying(
				(policy) -> assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline"));
	}

	@Test
	void aPublicHolidayClosesTheLocationToday() {
		ZonedDateTime christmas = LocalDateTime
			.of(ZonedDateTime.now(ZoneId.of("Europe/Berlin")).getYear(), 12, 25, 10, 0)
			.atZone(ZoneId.of("Europe/Berlin"));
		this.clock.advance(Duration.between(ZonedDateTime.now(ZoneId.of("Europe/Berlin")), christmas));
		WebSession.Page page = in("musterstadt").get("/leistungen/personalausweis");
		assertThat(page.mainText()).contains("Heute: geschlossen (1. Weihnachtstag)");
	}

	@Test
	void theServicePageIsInEnglishWhenAsked() {
		WebSession.Page page = in("musterstadt").get("/leistungen/hundesteuer?sprache=en");
		assertThat(page.document().select("h1").text()).isEqualTo("Dog tax");
		assertThat(page.mainText()).contains("first dog: €96.00 per year");
	}

	@Test
	void aServiceTheMunicipalityDoesNotOfferIsNotFound() {
		assertThat(in("beispielheim").get("/leistungen/bewohnerparkausweis").status()).isEqualTo(404);
		assertThat(in("musterstadt").get("/leistungen/bewohnerparkausweis").status()).isEqualTo(200);
		assertThat(in("musterstadt").get("/leistungen/gibt-es-nicht").status()).isEqualTo(404);
	}

	@Test
	void withoutAChosenMunicipalityTheCitizenChoosesFirstAndComesBack() {
		WebSession.Page page = newSession().get("/leistungen?q=Hunde");
		assertThat(page.location()).hasValueSatisfying(
				(location) -> assertThat(location).startsWith(baseUrl() + "/gemeinde-waehlen?weiter=/leistungen")
					.contains("Hunde"));
	}

	@Test
	void anOverlongQueryIsExplainedNextToTheField() {
		WebSession.Page page = in("musterstadt").get("/leistungen?q=" + "a".repeat(101));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.title()).startsWith("Fehler: ");
		String message = "Der Suchbegriff darf höchstens 100 Zeichen lang sein.";
		assertThat(page.document().select(".error-summary a[href=#q]").text()).isEqualTo(message);
		assertThat(page.document().select("#q-error").text()).contains(message);
	}

	@Test
	void theHomePageSearchBoxSendsToTheResultsPage() {
		WebSession.Page page = in("musterstadt").get("/");
		Element box = page.document().selectFirst("form[role=search]");
		assertThat(box.attr("action")).isEqualTo("/leistungen");
		assertThat(box.attr("method")).isEqualTo("get");
		assertThat(box.select("label[for=suche]").text()).isEqualTo("Was möchten Sie erledigen?");
		assertThat(box.select("input#suche").attr("name")).isEqualTo("q");
	}

}
