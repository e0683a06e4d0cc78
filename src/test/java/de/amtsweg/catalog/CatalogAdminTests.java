package de.amtsweg.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue's admin pages: who may use them, and the GOV.UK form pattern. */
class CatalogAdminTests extends IntegrationTest {

	@Autowired
	ServiceCatalog catalog;

	@Autowired
	CatalogAdministration administration;

	@Autowired
	Municipalities municipalities;

	@Autowired
	OrgUnits orgUnits;

	@Autowired
	AuditLog auditLog;

	@Autowired
	RolloutDashboard dashboard;

	private WebSession admin(String municipality) {
		return CatalogFixtures.staff(newSession(), "admin@" + municipality + ".example");
	}

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aClerkCannotUseTheCatalogueAdministration() {
		WebSession clerk = CatalogFixtures.staff(newSession(), "steueramt@musterstadt.example");
		assertThat(clerk.get("/intern/admin/katalog").status()).isEqualTo(403);
		assertThat(clerk.get("/intern/admin/katalog/standorte").status()).isEqualTo(403);
		assertThat(clerk.post("/intern/admin/katalog/leistungen/neu", Map.of("name", "x")).status()).isEqualTo(403);
	}

	@Test
	void aClerkSeesTheDashboardButNotTheAdministration() {
		WebSession clerk = CatalogFixtures.staff(newSession(), "standesamt@musterstadt.example");
		WebSession.Page dashboard = clerk.get("/intern/ozg-dashboard");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.document().select("h1").text()).isEqualTo("OZG-Dashboard");
	}

	@Test
	void theAdminSeesTheMunicipalitysCatalogue() {
		WebSession.Page page = admin("musterstadt").get("/intern/admin/katalog");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select("main tbody th a").eachText()).contains("Hundesteuer", "Bewohnerparkausweis");
	}

	@Test
	void creatingAServiceWithoutNameExplainsTheProblemAndKeepsTheInput() {
		WebSession session = admin("musterstadt");
		session.get("/intern/admin/katalog/leistungen/neu");
		WebSession.Page page = session.submit("/intern/admin/katalog/leistungen/neu",
				Map.of("name", "", "summary", "Bleibt stehen", "leikaKey", "123", "kind", "SERVICE"));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.title()).startsWith("Fehler: ");
		String nameMessage = "Geben Sie den Namen der Leistung ein.";
		assertThat(page.document().select(".error-summary a[href=#name]").text()).isEqualTo(nameMessage);
		assertThat(page.document().select("#name-error").text()).contains(nameMessage);
		assertThat(page.document().select(".error-summary a[href=#leikaKey]").text())
			.isEqualTo("Der LeiKa-Schlüssel besteht aus genau 14 Ziffern, zum Beispiel 99102013000000.");
		assertThat(page.document().select(".error-summary a[href=#orgUnit]").text())
			.isEqualTo("Wählen Sie die zuständige Organisationseinheit.");
		assertThat(page.document().select("#summary").text()).isEqualTo("Bleibt stehen");
	}

	@Test
	void aNewLocalServiceIsFoundByCitizensOfItsMunicipalityOnly() {
		String name = unique("Laternenpatenschaft");
		WebSession session = admin("musterstadt");
		WebSession.Page form = session.get("/intern/admin/katalog/leistungen/neu");
		String orgUnit = form.document().select("input[name=orgUnit]").first().attr("value");
		Map<String, String> fields = new HashMap<>(Map.of("name", name, "summary", "Pflegen Sie eine Straßenlaterne.",
				"kind", "SERVICE", "orgUnit", orgUnit, "keywords", "Laterne, Licht", "lifeSituations", "verkehr"));
		WebSession.Page created = session.submit("/intern/admin/katalog/leistungen/neu", fields);
		assertThat(created.location())
			.hasValueSatisfying((location) -> assertThat(location).contains("/intern/admin/katalog/zustaendigkeiten/"));
		WebSession.Page responsibility = session.get(created.location().orElseThrow());
		assertThat(responsibility.document().select(".notification").text()).isEqualTo("Angelegt.");
		String slug = responsibility.document()
			.select("a:contains(Seite für Bürgerinnen und Bürger ansehen)")
			.attr("href");

		WebSession citizen = newSession();
		citizen.get("/gemeinde/musterstadt");
		assertThat(citizen.get(slug).document().select("h1").text()).isEqualTo(name);
		assertThat(citizen.get("/leistungen?q=Laternenpatenschaft").document().select("#ergebnisse li h2").eachText())
			.contains(name);
		WebSession other = newSession();
		other.get("/gemeinde/beispielheim");
		assertThat(other.get(slug).status()).isEqualTo(404);
	}

	@Test
	void theResponsibilityRefusesAnInvalidOnlineLinkAndSavesAValidOne() {
		UUID responsibilityId = this.catalog.offered(municipality("musterstadt"), "fischereischein")
			.orElseThrow()
			.responsibility()
			.id();
		WebSession session = admin("musterstadt");
		String path = "/intern/admin/katalog/zustaendigkeiten/" + responsibilityId;
		WebSession.Page page = session.get(path);
		String orgUnit = page.document().select("#orgUnit option[selected]").attr("value");
		WebSession.Page invalid = session.submit(path,
				Map.of("orgUnit", orgUnit, "maturity", "1", "onlineUrl", "javascript:alert(1)", "byVisit", "true"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.document().select(".error-summary a[href=#onlineUrl]").text())
			.startsWith("Geben Sie als Online-Antrag eine Adresse in diesem Portal wie /antrag/hundesteuer-anmeldung");
		assertThat(invalid.document().select("#onlineUrl").attr("value")).isEqualTo("javascript:alert(1)");
		WebSession.Page saved = session.submit(path, Map.of("orgUnit", orgUnit, "maturity", "1", "onlineUrl",
				"https://fischerei.example/antrag", "byVisit", "true", "note", "Prüfungen im März und September."));
		assertThat(saved.location()).hasValueSatisfying((location) -> assertThat(location).endsWith(path));
		WebSession citizen = newSession();
		citizen.get("/gemeinde/musterstadt");
		WebSession.Page publicPage = citizen.get("/leistungen/fischereischein");
		assertThat(publicPage.document().select("a.button").attr("href")).isEqualTo("https://fischerei.example/antrag");
		assertThat(publicPage.mainText()).contains("Prüfungen im März und September.");
		assertThat(this.auditLog.forRecord("catalog-responsibility", responsibilityId.toString()))
			.extracting((entry) -> entry.action())
			.contains("catalog.responsibility.updated");
	}

	@Test
	void aFeeWithAnUnreadableAmountIsExplainedAndAValidOneIsShown() {
		UUID responsibilityId = this.catalog.offered(municipality("beispielheim"), "lotterie")
			.orElseThrow()
			.responsibility()
			.id();
		WebSession session = admin("beispielheim");
		String path = "/intern/admin/katalog/zustaendigkeiten/" + responsibilityId + "/gebuehren/neu";
		session.get(path);
		WebSession.Page invalid = session.submit(path, Map.of("type", "FIXED", "amount", "zwölf"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.document().select(".error-summary a[href=#amount]").text())
			.isEqualTo("Geben Sie den Betrag in Euro mit höchstens zwei Nachkommastellen ein, zum Beispiel 12,50.");
		WebSession.Page range = session.submit(path, Map.of("type", "RANGE", "amount", "50", "maxAmount", "20"));
		assertThat(range.document().select(".error-summary a[href=#maxAmount]").text())
			.isEqualTo("Der Höchstbetrag muss größer sein als der Mindestbetrag.");
		session.submit(path, Map.of("type", "PER_UNIT", "amount", "1,50", "unit", "je Los", "label", "Losgebühr"));
		WebSession citizen = newSession();
		citizen.get("/gemeinde/beispielheim");
		assertThat(citizen.get("/leistungen/lotterie").mainText()).contains("Losgebühr: 1,50 € je Los");
	}

	@Test
	void anActivityGoesOnlineAndTheDashboardCountsIt() {
		UUID municipalityId = municipality("beispielheim");
		OfferedService offered = this.catalog.offered(municipalityId, "sondernutzung").orElseThrow();
		Activity activity = offered.service().activities().get(0);
		RolloutFigures before = rolloutOf(municipalityId);
		WebSession session = admin("beispielheim");
		String path = "/intern/admin/katalog/zustaendigkeiten/" + offered.responsibility().id() + "/taetigkeiten/"
				+ activity.id();
		session.get(path);
		WebSession.Page invalid = session.submit(path, Map.of("maturity", "7", "status", "COMPLETED"));
		assertThat(invalid.document().select(".error-summary a[href=#maturity]").text())
			.isEqualTo("Wählen Sie einen Reifegrad von 0 bis 4.");
		session.submit(path, Map.of("maturity", "3", "status", "COMPLETED", "onlineUrl", "/antrag/sondernutzung"));
		RolloutFigures after = rolloutOf(municipalityId);
		assertThat(after.activitiesOnline()).isEqualTo(before.activitiesOnline() + 1);
		assertThat(after.servicesOnline()).isEqualTo(before.servicesOnline() + 1);
	}

	@Test
	void anAdminCannotEditASharedServiceNorAnotherMunicipalitysResponsibility() {
		UUID shared = this.catalog.offered(municipality("musterstadt"), "personalausweis").orElseThrow().service().id();
		WebSession session = admin("musterstadt");
		assertThat(session.get("/intern/admin/katalog/leistungen/" + shared).status()).isEqualTo(403);
		UUID other = this.catalog.offered(municipality("beispielheim"), "personalausweis")
			.orElseThrow()
			.responsibility()
			.id();
		assertThat(session.get("/intern/admin/katalog/zustaendigkeiten/" + other).status()).isEqualTo(404);
		assertThat(session.get("/intern/admin/katalog/zustaendigkeiten/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void aMunicipalityAdoptsASharedServiceAndSupplementsIt() {
		String name = unique("Gemeinsamer Testdienst");
		UUID district = CatalogFixtures.musterkreis(this.municipalities).id();
		UUID serviceId = SystemActor.call(() -> this.administration.createSharedService(district,
				new ServiceContent("", "", ServiceKind.SERVICE, LocalizedText.of(name), LocalizedText.of("Für alle."),
						LocalizedText.EMPTY, List.of(), "", LocalizedText.EMPTY, List.of(), List.of(), null, "")));
		WebSession session = admin("beispielheim");
		WebSession.Page list = session.get("/intern/admin/katalog/kreis");
		assertThat(list.mainText()).contains(name);
		String path = "/intern/admin/katalog/kreis/" + serviceId + "/uebernehmen";
		WebSession.Page form = session.get(path);
		WebSession.Page missing = session.submit(path, Map.of());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.document().select(".error-summary a[href=#orgUnit]").text())
			.isEqualTo("Wählen Sie die zuständige Organisationseinheit.");
		String orgUnit = form.document().select("input[name=orgUnit]").first().attr("value");
		WebSession.Page adopted = session.submit(path, Map.of("orgUnit", orgUnit));
		assertThat(adopted.location())
			.hasValueSatisfying((location) -> assertThat(location).contains("/intern/admin/katalog/zustaendigkeiten/"));
		assertThat(this.catalog.responsibilityFor(municipality("beispielheim"), serviceId)).isPresent();
		assertThat(this.catalog.responsibilityFor(municipality("musterstadt"), serviceId)).isEmpty();
	}

	@Test
	void thePortalOperatorMaintainsSharedServices() {
		WebSession session = CatalogFixtures.staff(newSession(), "betrieb@musterkreis.example");
		session.get("/gemeinde/musterstadt");
		String name = unique("Kreisweite Leistung");
		session.get("/intern/admin/katalog/kreis/neu");
		WebSession.Page created = session.submit("/intern/admin/katalog/kreis/neu",
				Map.of("name", name, "kind", "INFORMATION", "summary", "Gilt im ganzen Kreis."));
		assertThat(created.location())
			.hasValueSatisfying((location) -> assertThat(location).contains("/intern/admin/katalog/leistungen/"));
		assertThat(this.catalog.sharedServices(CatalogFixtures.musterkreis(this.municipalities).id()))
			.extracting((service) -> service.name().de())
			.contains(name);
	}

	@Test
	void aLocationWithUnreadableOpeningHoursNamesTheLine() {
		WebSession session = admin("beispielheim");
		session.get("/intern/admin/katalog/standorte/neu");
		String name = unique("Bürgerhaus");
		WebSession.Page invalid = session.submit("/intern/admin/katalog/standorte/neu",
				Map.of("name", name, "openingHours", "Montag 08:00–12:00\nirgendwann", "postcode", "319"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.document().select(".error-summary a[href=#openingHours]").text())
			.startsWith("Zeile 2 der Öffnungszeiten ist nicht lesbar.");
		assertThat(invalid.document().select(".error-summary a[href=#postcode]").text())
			.isEqualTo("Die Postleitzahl besteht aus fünf Ziffern.");
		WebSession.Page created = session.submit("/intern/admin/katalog/standorte/neu",
				Map.of("name", name, "openingHours", "Mo 08:00-12:00, 14:00-16:00\nDonnerstag 9-18", "postcode",
						"31998", "latitude", "52,29", "longitude", "9,12"));
		String path = created.location().orElseThrow().replace(baseUrl(), "");
		WebSession.Page page = session.get(path);
		assertThat(page.document().select("#openingHours").text())
			.isEqualTo("Montag 08:00–12:00, 14:00–16:00\nDonnerstag 09:00–18:00");
		WebSession.Page exception = session.submit(path + "/ausnahmen",
				Map.of("date", "24.12.2030", "closed", "true", "note", "Heiligabend"));
		assertThat(exception.isRedirect()).isTrue();
		assertThat(session.get(path).mainText()).contains("24.12.2030", "geschlossen", "Heiligabend");
	}

	@Test
	void aContactPersonIsAddedAndShownToCitizens() {
		UUID responsibilityId = this.catalog.offered(municipality("beispielheim"), "fischereischein")
			.orElseThrow()
			.responsibility()
			.id();
		WebSession session = admin("beispielheim");
		String path = "/intern/admin/katalog/zustaendigkeiten/" + responsibilityId + "/kontakte/neu";
		session.get(path);
		WebSession.Page invalid = session.submit(path, Map.of("name", "", "email", "keine-adresse"));
		assertThat(invalid.document().select(".error-summary a").eachText()).containsExactly(
				"Geben Sie den Namen der Ansprechperson ein.",
				"Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.");
		String name = unique("Frieda Fisch");
		session.submit(path, Map.of("name", name, "role", "Fischereischeine", "email", "fisch@beispielheim.example"));
		WebSession citizen = newSession();
		citizen.get("/gemeinde/beispielheim");
		assertThat(citizen.get("/leistungen/fischereischein").mainText()).contains(name, "fisch@beispielheim.example");
	}

	private UUID municipality(String slug) {
		return this.municipalities.bySlug(slug).orElseThrow().id();
	}

	private RolloutFigures rolloutOf(UUID municipalityId) {
		return this.dashboard.figures(municipalityId);
	}

}
