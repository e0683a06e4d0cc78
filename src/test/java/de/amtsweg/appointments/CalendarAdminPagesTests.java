package de.amtsweg.appointments;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.appointments.internal.Calendar;
import de.amtsweg.appointments.internal.Calendars;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar admin pages over real HTTP: a municipality's admin sets up a calendar with
 * counters, services and a block; errors re-render the form with the input kept; other
 * municipalities' admins and clerks do not see it.
 */
class CalendarAdminPagesTests extends IntegrationTest {

	@Autowired
	Municipalities municipalities;

	@Autowired
	OrgUnits orgUnits;

	@Autowired
	ServiceCatalog catalog;

	@Autowired
	Calendars calendars;

	private WebSession staff(String email) {
		WebSession session = newSession();
		session.get("/intern/anmelden");
		WebSession.Page signedIn = session.submit("/intern/anmelden",
				Map.of("email", email, "passwort", DemoData.PASSWORD));
		assertThat(signedIn.location().orElse("")).doesNotContain("anmelden");
		return session;
	}

	@Test
	void anAdminSetsUpACalendarWithCountersServicesAndABlock() {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		String key = "termine-" + UUID.randomUUID().toString().substring(0, 8);
		UUID orgUnit = SystemActor
			.call(() -> this.orgUnits.create(musterstadt.id(), key, "Amt " + key, key + "@musterstadt.example", ""));
		UUID location = this.catalog.locations(musterstadt.id()).get(0).id();
		WebSession admin = staff("admin@musterstadt.example");

		WebSession.Page list = admin.get("/intern/admin/termine");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.mainText()).contains("Bürgerbüro");

		admin.get("/intern/admin/termine/neu");
		Map<String, String> fields = new HashMap<>(Map.of("name", "Kalender " + key, "location", location.toString(),
				"orgUnit", orgUnit.toString(), "slotMinutes", "zehn", "leadMinutes", "60", "horizonDays", "30",
				"releaseTime", "7 Uhr", "bufferMinutes", "5", "active", "true"));
		WebSession.Page invalid = admin.submit("/intern/admin/termine/neu?gemeinde=musterstadt", fields);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.title()).startsWith("Fehler: ");
		assertThat(invalid.document().select(".error-summary").text()).contains(
				"Geben Sie als Raster eine Zahl von 5 bis 120 Minuten ein.",
				"Geben Sie die Uhrzeit der Freigabe als Stunden und Minuten ein");
		assertThat(invalid.document().select("#name").attr("value")).isEqualTo("Kalender " + key);

		fields.put("slotMinutes", "10");
		fields.put("releaseTime", "07:30");
		WebSession.Page created = admin.submit("/intern/admin/termine/neu?gemeinde=musterstadt", fields);
		assertThat(created.isRedirect()).isTrue();
		String calendarPath = java.net.URI.create(created.location().orElseThrow()).getPath();
		UUID calendarId = UUID.fromString(calendarPath.substring(calendarPath.lastIndexOf('/') + 1));
		Calendar calendar = this.calendars.find(calendarId).orElseThrow();
		assertThat(calendar.slotMinutes()).isEqualTo(10);
		assertThat(calendar.releaseTime()).hasToString("07:30");
		assertThat(calendar.bufferMinutes()).isEqualTo(5);
		assertThat(admin.get(calendarPath).mainText()).contains("Kalender " + key + " wurde angelegt.");

		admin.get(calendarPath + "/schalter/neu");
		assertThat(admin.submit(calendarPath + "/schalter/neu", Map.of("name", "")).status()).isEqualTo(400);
		assertThat(admin.submit(calendarPath + "/schalter/neu", Map.of("name", "Zimmer 3")).isRedirect()).isTrue();
		assertThat(this.calendars.counters(calendarId)).extracting((c) -> c.name()).containsExactly("Zimmer 3");

		WebSession.Page serviceForm = admin.get(calendarPath + "/dienste/neu");
		String responsibility = serviceForm.document()
			.select("#responsibility option[value!='']")
			.first()
			.attr("value");
		Map<String, String> service = new HashMap<>(
				Map.of("responsibility", responsibility, "nameDe", "Beratung", "nameEn", "", "minutes", "500",
						"minutesPerExtraPerson", "5", "maxPersons", "2", "maxOpenPerPerson", "1", "active", "true"));
		WebSession.Page tooLong = admin.submit(calendarPath + "/dienste/neu", service);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.document().select(".error-summary").text())
			.contains("Geben Sie als Dauer eine Zahl von 5 bis 480 Minuten ein.");
		service.put("minutes", "20");
		assertThat(admin.submit(calendarPath + "/dienste/neu", service).isRedirect()).isTrue();
		assertThat(this.calendars.services(calendarId)).singleElement()
			.satisfies((s) -> assertThat(s.minutesFor(2)).isEqualTo(25));

		admin.get(calendarPath + "/sperrzeiten/neu");
		WebSession.Page badBlock = admin.submit(calendarPath + "/sperrzeiten/neu",
				Map.of("counter", "", "day", "1.12.2099", "from", "11:00", "until", "10:00", "reason", ""));
		assertThat(badBlock.status()).isEqualTo(400);
		assertThat(badBlock.document().select(".error-summary").text())
			.contains("Das Ende der Sperrzeit muss nach ihrem Beginn liegen.");
		assertThat(admin
			.submit(calendarPath + "/sperrzeiten/neu",
					Map.of("counter", "", "day", "1.12.2099", "from", "10:00", "until", "11:00", "reason", "Schulung"))
			.isRedirect()).isTrue();
	}

	@Test
	void adminsOfOtherMunicipalitiesAndClerksDoNotSeeACalendar() {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		Calendar calendar = this.calendars.of(musterstadt.id()).get(0);
		String path = "/intern/admin/termine/" + calendar.id();
		assertThat(staff("admin@musterstadt.example").get(path).status()).isEqualTo(200);
		assertThat(staff("admin@beispielheim.example").get(path).status()).isEqualTo(404);
		assertThat(staff("betrieb@musterkreis.example").get(path).status()).isEqualTo(200);
		WebSession.Page clerk = staff("buergerbuero@musterstadt.example").get(path);
		assertThat(clerk.status()).isIn(403, 404);
	}

	@Test
	void aPortalAdminChoosesTheMunicipalityFirst() {
		WebSession operator = staff("betrieb@musterkreis.example");
		WebSession.Page choose = operator.get("/intern/admin/termine");
		assertThat(choose.status()).isEqualTo(200);
		assertThat(choose.document().select("select#gemeinde option")).isNotEmpty();
		assertThat(operator.get("/intern/admin/termine?gemeinde=beispielheim").mainText())
			.contains("Die Terminkalender von");
	}

}
