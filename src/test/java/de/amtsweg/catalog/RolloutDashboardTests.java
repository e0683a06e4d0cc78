package de.amtsweg.catalog;

import java.util.List;
import java.util.UUID;

import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The OZG dashboard's figures and pages. */
class RolloutDashboardTests extends IntegrationTest {

	@Autowired
	RolloutDashboard dashboard;

	@Autowired
	CatalogAdministration administration;

	@Autowired
	Municipalities municipalities;

	@Autowired
	OrgUnits orgUnits;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void removeTestMunicipalities() {
		CatalogFixtures.removeTestMunicipalitiesAndDistricts(this.jdbc);
	}

	@Autowired
	ServiceCatalog catalog;

	@Test
	void figuresCountServicesAndActivitiesOnlineAndInProgress() {
		UUID district = CatalogFixtures.district(this.municipalities);
		Municipality municipality = CatalogFixtures.municipality(this.municipalities, this.orgUnits, district);
		UUID unit = this.orgUnits.byKey(municipality.id(), "buergerbuero").orElseThrow().id();
		SystemActor.run(() -> {
			UUID online = service(municipality, unit, "Online-Dienst", ServiceKind.SERVICE);
			activity(municipality, online, "Erstantrag", 3, RolloutStatus.COMPLETED);
			activity(municipality, online, "Änderung", 1, RolloutStatus.NOT_STARTED);
			UUID working = service(municipality, unit, "Baustelle", ServiceKind.SERVICE);
			activity(municipality, working, "Antrag", 1, RolloutStatus.IN_PROGRESS);
			service(municipality, unit, "Nur vor Ort", ServiceKind.SERVICE);
			service(municipality, unit, "Information", ServiceKind.INFORMATION);
		});
		RolloutFigures figures = this.dashboard.figures(municipality.id());
		assertThat(figures)
			.isEqualTo(new RolloutFigures(3, 1, 1, 3, 1, 1, List.of(0, 2, 0, 1, 0), List.of(0, 2, 0, 1, 0)));
		assertThat(figures.servicesOnlinePercent()).isEqualTo(33);
		assertThat(figures.servicesOffline()).isEqualTo(1);

		RolloutDashboard.DistrictFigures districtFigures = this.dashboard.district(district);
		assertThat(districtFigures.perMunicipality()).containsEntry(municipality, figures);
		assertThat(districtFigures.total()).isEqualTo(figures);
	}

	@Test
	void theStaffDashboardShowsTheSentenceChartAndTable() {
		WebSession staff = CatalogFixtures.staff(newSession(), "hauptamt@musterstadt.example");
		WebSession.Page page = staff.get("/intern/ozg-dashboard");
		assertThat(page.status()).isEqualTo(200);
		UUID musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow().id();
		RolloutFigures figures = this.dashboard.figures(musterstadt);
		Document document = page.document();
		assertThat(document.select("main p.lead").first().text()).isEqualTo(figures.servicesOnline() + " von "
				+ figures.services() + " Leistungen mit " + figures.activitiesOnline() + " von " + figures.activities()
				+ " Tätigkeiten online, " + figures.servicesInProgress() + " Leistungen mit "
				+ figures.activitiesInProgress() + " Tätigkeiten in Umsetzung.");
		assertThat(document.select("main svg[role=img] title").first().text()).isEqualTo(figures.servicesOnline()
				+ " online, " + figures.servicesInProgress() + " in Umsetzung, von " + figures.services());
		assertThat(document.select("main svg[role=img] rect[fill=#11663a]").first().attr("width"))
			.isEqualTo(Integer.toString(figures.servicesOnlinePercent()));
		assertThat(document.select("main table caption").eachText())
			.anyMatch((caption) -> caption.contains("Leistungen und Tätigkeiten nach Stand"));
		assertThat(document.select("main table").text()).contains("Stadt Musterstadt", "Gemeinde Beispielheim",
				"Kreis gesamt");
	}

	@Test
	void theCsvDownloadHasOneRowPerMunicipalityAndTheDistrict() {
		WebSession staff = CatalogFixtures.staff(newSession(), "admin@beispielheim.example");
		WebSession.Page csv = staff.get("/intern/ozg-dashboard.csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		RolloutFigures figures = this.dashboard.figures(this.municipalities.bySlug("beispielheim").orElseThrow().id());
		assertThat(csv.body().lines().toList()).first()
			.isEqualTo(
					"gebiet;ags;leistungen;leistungen_online;leistungen_in_umsetzung;taetigkeiten;taetigkeiten_online;"
							+ "taetigkeiten_in_umsetzung;reifegrad_0;reifegrad_1;reifegrad_2;reifegrad_3;reifegrad_4");
		assertThat(csv.body()).contains(
				"Gemeinde Beispielheim;03499002;" + figures.services() + ";" + figures.servicesOnline() + ";"
						+ figures.servicesInProgress() + ";",
				"Kreis gesamt;03499;", "leika_schluessel;leistung;zustaendig;reifegrad");
	}

	@Test
	void thePublicTransparencyPageNeedsNoSignIn() {
		WebSession citizen = newSession();
		citizen.get("/gemeinde/beispielheim");
		WebSession.Page page = citizen.get("/digitale-verwaltung");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select("h1").text()).isEqualTo("Digitale Verwaltung in Zahlen");
		assertThat(page.document().select("main p.lead").get(1).text()).contains("Leistungen mit");
		WebSession.Page csv = citizen.get("/digitale-verwaltung.csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains("Gemeinde Beispielheim").doesNotContain("leika_schluessel");
	}

	private UUID service(Municipality municipality, UUID unit, String name, ServiceKind kind) {
		return this.administration
			.createLocalService(
					municipality.id(), new ServiceContent("", "", kind, LocalizedText.of(name), LocalizedText.EMPTY,
							LocalizedText.EMPTY, List.of(), "", LocalizedText.EMPTY, List.of(), List.of(), null, ""),
					unit);
	}

	private void activity(Municipality municipality, UUID responsibilityId, String name, int maturity,
			RolloutStatus status) {
		UUID serviceId = serviceOf(municipality, responsibilityId);
		UUID activityId = this.administration.addActivity(serviceId, "", LocalizedText.of(name));
		this.administration.saveActivityState(municipality.id(), responsibilityId, activityId,
				new ActivityState(maturity, status, null));
	}

	private UUID serviceOf(Municipality municipality, UUID responsibilityId) {
		return this.catalog.responsibility(municipality.id(), responsibilityId).orElseThrow().serviceId();
	}

}
