package de.amtsweg.catalog;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Import and export: LeiKa files from the OZG database, the row-by-row report, all or
 * nothing, and round trips through CSV and JSON.
 */
class CatalogTransferTests extends IntegrationTest {

	@Autowired
	CatalogTransfer transfer;

	@Autowired
	ServiceCatalog catalog;

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
	MessageSource messages;

	private ImportReport importInto(CatalogScope scope, String name, byte[] content) {
		return SystemActor.call(() -> this.transfer.importCatalog(scope, name, content, null));
	}

	@Test
	void aLeikaExcerptImportsAsSharedServicesWithTheirActivities() {
		UUID district = CatalogFixtures.district(this.municipalities);
		ImportReport report = importInto(CatalogScope.district(district), "leika.csv",
				CatalogFixtures.resource("leika-excerpt.csv"));
		assertThat(report.problems()).isEmpty();
		assertThat(report.servicesCreated()).isEqualTo(8);
		assertThat(report.activitiesCreated()).isEqualTo(13);
		List<CatalogService> services = this.catalog.sharedServices(district);
		CatalogService dogTax = services.stream()
			.filter((s) -> "99102013000000".equals(s.leikaKey()))
			.findFirst()
			.orElseThrow();
		assertThat(dogTax.slug()).isEqualTo("hundesteuer");
		assertThat(dogTax.leikaType()).isEqualTo("4");
		assertThat(dogTax.ozgId()).isEqualTo(10160);
		assertThat(dogTax.activities()).extracting((a) -> a.leikaKey(), (a) -> a.name().de())
			.containsExactly(tuple("99102013010000", "Hundesteuer Befreiung"),
					tuple("99102013002000", "Hundesteuer Festsetzung"));
		// two LeiKa services share the name "Veranstaltung": the key tells their
		// addresses apart
		assertThat(services).filteredOn((s) -> s.name().de().equals("Veranstaltung"))
			.extracting(CatalogService::slug)
			.containsExactlyInAnyOrder("veranstaltung", "veranstaltung-99050032000000");
		// "nicht im LeiKa" is a service without key
		assertThat(services).filteredOn((s) -> s.name().de().equals("Kita-Gutschein beantragen"))
			.singleElement()
			.satisfies((s) -> assertThat(s.leikaKey()).isNull());
		assertThat(services).filteredOn((s) -> "99089017000000".equals(s.leikaKey()))
			.singleElement()
			.satisfies((s) -> assertThat(s.legalBasis()).startsWith("§§ 965 ff. Bürgerliches Gesetzbuch (BGB)"));
	}

	@Test
	void aFileWithBrokenRowsIsRefusedWholeWithARowByRowReport() {
		UUID district = CatalogFixtures.district(this.municipalities);
		ImportReport report = importInto(CatalogScope.district(district), "leika.csv",
				CatalogFixtures.resource("leika-excerpt-with-errors.csv"));
		assertThat(report.stored()).isFalse();
		assertThat(report.problems()).extracting(ImportProblem::row, ImportProblem::column, this::german)
			.containsExactly(tuple(10, "leistung",
					"Zu dieser Tätigkeit gibt es keine Leistung „99143001000000“, weder in der Datei noch im Katalog."),
					tuple(11, "leika_schluessel",
							"Der LeiKa-Schlüssel besteht aus genau 14 Ziffern, zum Beispiel 99102013000000."),
					tuple(12, "leika_schluessel",
							"Der LeiKa-Schlüssel besteht aus genau 14 Ziffern, zum Beispiel 99102013000000."),
					tuple(13, "leistung",
							"Diese Leistung hat schon eine Tätigkeit mit diesem Namen oder LeiKa-Schlüssel."));
		// all or nothing: the good rows were not stored either
		assertThat(this.catalog.sharedServices(district)).isEmpty();
	}

	@Test
	void unknownColumnsAndUnreadableJsonAreReportedForTheWholeFile() {
		UUID district = CatalogFixtures.district(this.municipalities);
		ImportReport columns = importInto(CatalogScope.district(district), "x.csv",
				"leistung;farbe\nHundesteuer;blau\n".getBytes(StandardCharsets.UTF_8));
		assertThat(columns.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::messageKey)
			.containsExactly(tuple(1, "farbe", "catalog.import.column.unknown"));
		ImportReport json = importInto(CatalogScope.district(district), "x.json",
				"{\"services\": [ {\"name\": ".getBytes(StandardCharsets.UTF_8));
		assertThat(json.problems()).extracting(ImportProblem::messageKey)
			.containsExactly("catalog.import.json.invalid");
		assertThat(this.catalog.sharedServices(district)).isEmpty();
	}

	@Test
	void aMunicipalityImportNamesRowsWithUnknownOrgUnitsAndFees() {
		Municipality municipality = CatalogFixtures.municipality(this.municipalities, this.orgUnits,
				CatalogFixtures.district(this.municipalities));
		String csv = """
				leistung;zustaendig;gebuehren;reifegrad
				Ratskeller mieten;hauptamt;Vereine: kostenlos | Privat: 120,00;1
				Bücherei-Ausweis;bibliothek;5,00 je Jahr;1
				Marktstand;ordnungsamt;irgendwas;9
				""";
		ImportReport report = importInto(CatalogScope.municipality(municipality.id()), "lokal.csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(report.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::messageKey)
			.containsExactly(tuple(3, "zustaendig", "catalog.import.orgUnit.unknown"),
					tuple(4, "gebuehren", "catalog.import.fees.invalid"),
					tuple(4, "reifegrad", "catalog.maturity.invalid"));
		assertThat(this.catalog.localServices(municipality.id())).isEmpty();
		ImportReport fixed = importInto(CatalogScope.municipality(municipality.id()), "lokal.csv",
				csv.replace("bibliothek", "hauptamt")
					.replace("irgendwas", "2,50 je Meter")
					.replace(";9", ";2")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(fixed.problems()).isEmpty();
		assertThat(fixed.servicesCreated()).isEqualTo(3);
		CatalogService hall = this.catalog.localServices(municipality.id())
			.stream()
			.filter((s) -> s.slug().equals("ratskeller-mieten"))
			.findFirst()
			.orElseThrow();
		assertThat(hall.fees()).extracting((fee) -> fee.label().de(), Fee::type)
			.containsExactly(tuple("Vereine", FeeType.FREE), tuple("Privat", FeeType.FIXED));
	}

	@Test
	void aMunicipalitysCatalogueSurvivesAJsonRoundTripIntoAnotherMunicipality() {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		String original = SystemActor.call(() -> this.transfer.exportJson(CatalogScope.municipality(musterstadt.id())));
		Municipality copy = CatalogFixtures.municipality(this.municipalities, this.orgUnits, musterstadt.districtId());
		// other tests add org units to Musterstadt; the copy gets the same ones
		SystemActor.run(() -> this.orgUnits.of(musterstadt.id())
			.stream()
			.filter((unit) -> this.orgUnits.byKey(copy.id(), unit.key()).isEmpty())
			.forEach((unit) -> this.orgUnits.create(copy.id(), unit.key(), unit.name(), "", "")));
		CatalogScope copyScope = CatalogScope.municipality(copy.id());
		ImportReport report = importInto(copyScope, "musterstadt.json", original.getBytes(StandardCharsets.UTF_8));
		assertThat(report.problems()).isEmpty();
		assertThat(report.locationsStored()).isEqualTo(this.catalog.locations(musterstadt.id()).size());
		String exported = SystemActor.call(() -> this.transfer.exportJson(copyScope));
		assertThat(exported).isEqualTo(original);

		// the CSV export of the original, imported again, changes nothing
		String csv = SystemActor.call(() -> this.transfer.exportCsv(CatalogScope.municipality(musterstadt.id())));
		ImportReport again = importInto(copyScope, "musterstadt.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(again.problems()).isEmpty();
		assertThat(again.servicesCreated()).isZero();
		assertThat(again.activitiesCreated()).isZero();
		assertThat(SystemActor.call(() -> this.transfer.exportCsv(copyScope))).isEqualTo(csv);
		assertThat(SystemActor.call(() -> this.transfer.exportJson(copyScope))).isEqualTo(original);
	}

	@Test
	void aDistrictsSharedCatalogueSurvivesACsvRoundTrip() {
		UUID musterkreis = CatalogFixtures.musterkreis(this.municipalities).id();
		String csv = SystemActor.call(() -> this.transfer.exportCsv(CatalogScope.district(musterkreis)));
		assertThat(csv).startsWith("leika_schluessel,leistung,leika_typ,ozg_id,rechtsgrundlage,");
		UUID other = CatalogFixtures.district(this.municipalities);
		ImportReport report = importInto(CatalogScope.district(other), "kreis.csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(report.problems()).isEmpty();
		assertThat(report.servicesCreated()).isEqualTo(this.catalog.sharedServices(musterkreis).size());
		assertThat(SystemActor.call(() -> this.transfer.exportCsv(CatalogScope.district(other)))).isEqualTo(csv);
	}

	private String german(ImportProblem problem) {
		return this.messages.getMessage(problem.messageKey(), problem.arguments().toArray(), java.util.Locale.GERMAN);
	}

}
