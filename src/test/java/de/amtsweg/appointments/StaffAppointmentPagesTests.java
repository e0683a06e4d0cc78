package de.amtsweg.appointments;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.appointments.internal.AppointmentRepository;
import de.amtsweg.appointments.internal.Calendars;
import de.amtsweg.appointments.internal.SlotFinder;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff pages over real HTTP: booking for a caller, the day list (page, CSV, PDF),
 * arrival, statistics, a block, and the counter's iCalendar feed; staff of other org
 * units and municipalities get 404.
 */
class StaffAppointmentPagesTests extends IntegrationTest {

	@Autowired
	Municipalities municipalities;

	@Autowired
	OrgUnits orgUnits;

	@Autowired
	ServiceCatalog catalog;

	@Autowired
	Calendars calendars;

	@Autowired
	SlotFinder slots;

	@Autowired
	AppointmentRepository appointments;

	private WebSession staff(String email) {
		WebSession session = newSession();
		session.get("/intern/anmelden");
		WebSession.Page signedIn = session.submit("/intern/anmelden",
				Map.of("email", email, "passwort", DemoData.PASSWORD));
		assertThat(signedIn.location().orElse("")).doesNotContain("anmelden");
		return session;
	}

	@Test
	void staffBookForACallerSeeTheDayListMarkArrivalAndCountIt() throws Exception {
		AppointmentsTestSupport.TestCalendar test = AppointmentsTestSupport.calendar(this.municipalities, this.orgUnits,
				this.catalog, this.calendars, this.slots, 2, 15);
		SlotFinder.Slot slot = test.firstDay().get(0);
		LocalDate day = slot.local().toLocalDate();
		String base = "/intern/termine/" + test.calendar().id();
		String caller = "Anrufer " + UUID.randomUUID().toString().substring(0, 6);
		WebSession clerk = staff("admin@musterstadt.example");

		assertThat(clerk.get("/intern/termine").mainText()).contains(test.calendar().name());
		WebSession.Page form = clerk.get(base + "/buchen?tag=" + day);
		assertThat(form.mainText()).contains(slot.local().toLocalTime().toString());
		WebSession.Page missing = clerk.submit(base + "/buchen",
				Map.of("dienst", test.serviceId().toString(), "persons", "1", "day", day.toString(), "time", "", "name",
						caller, "email", "", "phone", "0151 1234567"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.title()).startsWith("Fehler: ");
		assertThat(missing.document().select("#name").attr("value")).isEqualTo(caller);
		WebSession.Page booked = clerk.submit(base + "/buchen",
				Map.of("dienst", test.serviceId().toString(), "persons", "1", "day", day.toString(), "time",
						slot.local().toLocalTime().toString(), "name", caller, "email", "", "phone", "0151 1234567"));
		assertThat(booked.isRedirect()).isTrue();

		WebSession.Page list = clerk.get(base + "?tag=" + day);
		assertThat(list.mainText()).contains(caller, "bestätigt");
		HttpResponse<byte[]> csv = clerk.download(base + "/tagesliste.csv?tag=" + day);
		assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("beginn;ende;schalter;name")
			.contains(caller + ";0151 1234567");
		HttpResponse<byte[]> pdf = clerk.download(base + "/tagesliste.pdf?tag=" + day);
		assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(clerk.get(base + "/woche?tag=" + day).status()).isEqualTo(200);

		list = clerk.get(base + "?tag=" + day);
		String arrived = list.document().select("form[action$='/angekommen']").first().attr("action");
		assertThat(clerk.submit(arrived, Map.of()).isRedirect()).isTrue();
		assertThat(clerk.get(base + "?tag=" + day).mainText()).contains("erschienen");

		WebSession.Page statistics = clerk.get(base + "/statistik?von=" + day + "&bis=" + day);
		assertThat(statistics.document().select("#gebucht").text()).isEqualTo("1");
		assertThat(statistics.document().select("#auslastung").text()).contains("15 von");

		UUID counter = this.appointments.ofCalendar(test.calendar().id(), slot.start(), slot.start().plusSeconds(60))
			.get(0)
			.counterId();
		String token = this.calendars.counters(test.calendar().id())
			.stream()
			.filter((c) -> c.id().equals(counter))
			.findFirst()
			.orElseThrow()
			.feedToken();
		WebSession anonymous = newSession();
		HttpResponse<byte[]> feed = anonymous.download("/termine/feed/" + token + ".ics");
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(new String(feed.body(), StandardCharsets.UTF_8)).contains("BEGIN:VEVENT", caller);
		assertThat(anonymous.download("/termine/feed/" + token.substring(1) + "x.ics").statusCode()).isEqualTo(404);
	}

	@Test
	void staffBlockATimeAndItIsNoLongerFree() {
		AppointmentsTestSupport.TestCalendar test = AppointmentsTestSupport.calendar(this.municipalities, this.orgUnits,
				this.catalog, this.calendars, this.slots, 1, 15);
		SlotFinder.Slot slot = test.firstDay().get(0);
		String base = "/intern/termine/" + test.calendar().id();
		WebSession clerk = staff("admin@musterstadt.example");
		clerk.get(base + "/sperren");
		String from = slot.local().toLocalTime().toString();
		String until = slot.local().toLocalTime().plusMinutes(30).toString();
		assertThat(clerk
			.submit(base + "/sperren", Map.of("counter", "", "day", slot.local().toLocalDate().toString(), "from", from,
					"until", until, "reason", "Schulung"))
			.isRedirect()).isTrue();
		assertThat(
				this.slots.freeSlots(test.calendar(), 15, slot.local().toLocalDate(), slot.local().toLocalDate(), false)
					.getOrDefault(slot.local().toLocalDate(), java.util.List.of()))
			.noneMatch((s) -> s.start().equals(slot.start()));
	}

	@Test
	void staffOfOtherUnitsAndMunicipalitiesGetNotFound() {
		AppointmentsTestSupport.TestCalendar test = AppointmentsTestSupport.calendar(this.municipalities, this.orgUnits,
				this.catalog, this.calendars, this.slots, 1, 15);
		String base = "/intern/termine/" + test.calendar().id();
		WebSession otherUnit = staff("buergerbuero@musterstadt.example");
		assertThat(otherUnit.get(base).status()).isEqualTo(404);
		assertThat(otherUnit.get(base + "/tagesliste.csv").status()).isEqualTo(404);
		assertThat(otherUnit.get("/intern/termine").mainText()).doesNotContain(test.calendar().name());
		WebSession otherMunicipality = staff("admin@beispielheim.example");
		assertThat(otherMunicipality.get(base).status()).isEqualTo(404);
		assertThat(otherMunicipality.get(base + "/statistik").status()).isEqualTo(404);
	}

}
