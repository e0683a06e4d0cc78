package de.amtsweg.appointments;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.appointments.internal.Bookings;
import de.amtsweg.appointments.internal.CalendarRepository;
import de.amtsweg.appointments.internal.Calendars;
import de.amtsweg.appointments.internal.SlotFinder;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A citizen's appointment appears on the account's timeline and links to its page. */
class AppointmentTimelineTests extends IntegrationTest {

	private static final String MAX = "max.mustermann@example.org";

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
	Bookings bookings;

	@Autowired
	CalendarRepository calendarRepository;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aConfirmedAppointmentIsOnTheTimelineWithItsDayAndLinksToItsManagePage() {
		AppointmentsTestSupport.TestCalendar test = AppointmentsTestSupport.calendar(this.municipalities, this.orgUnits,
				this.catalog, this.calendars, this.slots, 1, 15);
		SlotFinder.Slot slot = test.firstDay().get(0);
		UUID max = this.jdbc.sql("select id from citizen_account where email = :e")
			.param("e", MAX)
			.query(UUID.class)
			.single();
		UUID id = SystemActor.call(() -> {
			UUID booked = this.bookings.book(new Bookings.BookingRequest(test.municipality().id(), test.calendar().id(),
					List.of(test.serviceId()), 1, slot.start(), "Max Mustermann",
					"timeline-" + UUID.randomUUID() + "@example.org", "", max, Locale.GERMAN, null,
					Bookings.Channel.ONLINE));
			this.bookings.confirm(booked);
			return booked;
		});
		String service = this.calendarRepository.service(test.serviceId()).orElseThrow().nameDe();

		WebSession session = newSession();
		session.get("/anmelden");
		session.submit("/anmelden", Map.of("email", MAX, "passwort", DemoData.PASSWORD));
		WebSession.Page home = session.get("/konto");

		assertThat(home.status()).isEqualTo(200);
		Element entry = home.document()
			.select("main li")
			.stream()
			.filter((li) -> li.text().contains(service))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no entry for " + service + " in\n" + home.mainText()));
		assertThat(entry.text()).contains("Termin", "bestätigt", "fällig am",
				slot.local().toLocalDate().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
		String link = entry.selectFirst("a[href*=/termine/verwalten/" + id + "]").attr("href");
		assertThat(newSession().get(link).status()).isEqualTo(200);
	}

}
