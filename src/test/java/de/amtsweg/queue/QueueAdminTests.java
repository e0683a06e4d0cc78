package de.amtsweg.queue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.catalog.CatalogAdministration;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.queue.QueueFixtures.Office;
import de.amtsweg.queue.internal.Counter;
import de.amtsweg.queue.internal.CounterDesk;
import de.amtsweg.queue.internal.QueueSetup;
import de.amtsweg.queue.internal.TicketLine;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Setting up the call system, and the office manager's dashboard with its CSV export. */
class QueueAdminTests extends IntegrationTest {

	@Autowired
	Municipalities municipalities;

	@Autowired
	CatalogAdministration catalog;

	@Autowired
	QueueSetup setup;

	@Autowired
	TicketLine line;

	@Autowired
	CounterDesk desk;

	private Office office;

	@BeforeEach
	void office() {
		this.office = QueueFixtures.office(this.municipalities, this.catalog, this.setup);
	}

	private String adminPage() {
		return "/intern/admin/aufruf/" + this.office.locationId();
	}

	@Test
	void aClerkCannotSetUpTheCallSystem() {
		WebSession clerk = QueueFixtures.staff(newSession(), QueueFixtures.CLERK);
		assertThat(clerk.get("/intern/admin/aufruf").status()).isEqualTo(403);
		assertThat(clerk.get(adminPage()).status()).isEqualTo(403);
	}

	@Test
	void theAdminSeesGroupsCountersAndTheSecretDeviceAddresses() {
		WebSession admin = QueueFixtures.staff(newSession(), "admin@musterstadt.example");
		WebSession.Page page = admin.get(adminPage());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.mainText()).contains("Ausweise und Pässe", "Meldewesen", "Schalter 1", "Schalter 3")
			.contains(this.office.kioskPath(), this.office.boardPath());
	}

	@Test
	void anAdminOfAnotherMunicipalityFindsNothing() {
		WebSession stranger = QueueFixtures.staff(newSession(), "admin@beispielheim.example");
		assertThat(stranger.get(adminPage()).status()).isEqualTo(404);
	}

	@Test
	void addingAGroupWithABadPrefixExplainsTheProblemAndKeepsTheInput() {
		WebSession admin = QueueFixtures.staff(newSession(), "admin@musterstadt.example");
		admin.get(adminPage());
		WebSession.Page page = admin.submit(adminPage() + "/gruppen",
				Map.of("name", "Fundsachen", "nameEn", "", "prefix", "F1", "keywords", "", "minutes", "5"));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.title()).startsWith("Fehler: ");
		String message = "Geben Sie als Kürzel ein oder zwei Großbuchstaben ein.";
		assertThat(page.document().select(".error-summary a").text()).isEqualTo(message);
		assertThat(page.document().select("#prefix-error").text()).contains(message);
		assertThat(page.document().select("#name").val()).isEqualTo("Fundsachen");
	}

	@Test
	void aPrefixIsUniqueAtALocation() {
		WebSession admin = QueueFixtures.staff(newSession(), "admin@musterstadt.example");
		admin.get(adminPage());
		WebSession.Page page = admin.submit(adminPage() + "/gruppen",
				Map.of("name", "Auch A", "nameEn", "", "prefix", "a", "keywords", "", "minutes", "5"));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.document().select(".error-summary a").text())
			.isEqualTo("Dieses Kürzel hat schon ein anderes Anliegen hier.");
	}

	@Test
	void theAdminAddsAGroupACounterAndADisplayBoard() {
		WebSession admin = QueueFixtures.staff(newSession(), "admin@musterstadt.example");
		admin.get(adminPage());
		assertThat(admin
			.submit(adminPage() + "/gruppen",
					Map.of("name", "Fundsachen", "nameEn", "Lost property", "prefix", "f", "keywords", "", "minutes",
							"5"))
			.isRedirect()).isTrue();
		UUID lost = this.setup.groups(this.office.locationId())
			.stream()
			.filter((group) -> group.prefix().equals("F"))
			.findFirst()
			.orElseThrow()
			.id();
		admin.get(adminPage());
		assertThat(admin.submit(adminPage() + "/schalter", Map.of("name", "Schalter 4", "groups", lost.toString()))
			.isRedirect()).isTrue();
		admin.get(adminPage());
		assertThat(admin.submit(adminPage() + "/geraete", Map.of("kind", "BOARD", "name", "Flur")).isRedirect())
			.isTrue();
		Counter fourth = this.setup.counters(this.office.locationId())
			.stream()
			.filter((counter) -> counter.name().equals("Schalter 4"))
			.findFirst()
			.orElseThrow();
		assertThat(fourth.groupIds()).containsExactly(lost);
		assertThat(this.setup.devices(this.office.locationId())).anySatisfy((device) -> {
			assertThat(device.name()).isEqualTo("Flur");
			assertThat(device.token()).hasSizeGreaterThanOrEqualTo(32);
		});
	}

	@Test
	void theDashboardShowsTheLineAndTheDayAndExportsIt() {
		for (int i = 0; i < 3; i++) {
			this.line.draw(this.office.kiosk(), this.office.ids(), UUID.randomUUID().toString());
		}
		this.line.draw(this.office.kiosk(), this.office.registration(), UUID.randomUUID().toString());
		Counter counter = this.setup.counter(this.office.municipalityId(), this.office.counter2()).orElseThrow();
		UUID clerk = UUID.randomUUID();
		this.desk.open(counter, clerk, false);
		this.desk.callNext(counter, clerk);
		this.desk.callNext(counter, clerk);

		WebSession manager = QueueFixtures.staff(newSession(), QueueFixtures.CLERK);
		WebSession.Page dashboard = manager.get("/intern/aufruf/uebersicht/" + this.office.locationId());
		assertThat(dashboard.status()).isEqualTo(200);
		List<String> idRow = dashboard.document().select("#live tbody tr").get(0).select("th, td").eachText();
		// A: three drawn, two called, one waiting; one open counter serves A
		assertThat(idRow.get(0)).isEqualTo("A Ausweise und Pässe");
		assertThat(idRow.get(1)).isEqualTo("1");
		assertThat(idRow.get(6)).isEqualTo("1");
		assertThat(dashboard.mainText()).contains("Jetzt: 1 Schalter geöffnet").contains("geöffnet, bedient A002");

		HttpResponse<byte[]> csv = manager
			.download("/intern/aufruf/uebersicht/" + this.office.locationId() + "/statistik.csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
		String text = new String(csv.body(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFTag;Kürzel;Anliegen;Ausgegeben;Bedient;Nicht erschienen");
		// A: 3 issued, 1 done (A001, finished by the second call)
		assertThat(text).containsPattern("\\d{4}-\\d{2}-\\d{2};\"A\";\"Ausweise und Pässe\";3;1;0;")
			.containsPattern(";\"M\";\"Meldewesen\";1;0;0;");
	}

	@Test
	void csvCellsAreNeverReadAsFormulas() {
		WebSession admin = QueueFixtures.staff(newSession(), "admin@musterstadt.example");
		admin.get(adminPage());
		admin.submit(adminPage() + "/gruppen",
				Map.of("name", "=HYPERLINK(\"x\")", "nameEn", "", "prefix", "X", "keywords", "", "minutes", "5"));
		UUID group = this.setup.groups(this.office.locationId())
			.stream()
			.filter((found) -> found.prefix().equals("X"))
			.findFirst()
			.orElseThrow()
			.id();
		this.line.draw(this.office.kiosk(), group, UUID.randomUUID().toString());
		String text = new String(QueueFixtures.staff(newSession(), QueueFixtures.CLERK)
			.download("/intern/aufruf/uebersicht/" + this.office.locationId() + "/statistik.csv")
			.body(), StandardCharsets.UTF_8);
		assertThat(text).contains(";\"'=HYPERLINK(\"\"x\"\")\";");
	}

}
