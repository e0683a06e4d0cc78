package de.amtsweg.appointments;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.appointments.internal.Calendar;
import de.amtsweg.appointments.internal.Calendars;
import de.amtsweg.appointments.internal.SlotFinder;
import de.amtsweg.catalog.OfferedService;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.SystemActor;

/**
 * Makes a fresh calendar for a test: at Musterstadt's citizens' office (its catalogue
 * opening hours), for a new org unit, so tests never share slots.
 */
final class AppointmentsTestSupport {

	private AppointmentsTestSupport() {
	}

	static TestCalendar calendar(Municipalities municipalities, OrgUnits orgUnits, ServiceCatalog catalog,
			Calendars calendars, SlotFinder slots, int counters, int minutes) {
		return SystemActor.call(() -> {
			Municipality musterstadt = municipalities.bySlug("musterstadt").orElseThrow();
			String key = "test-" + UUID.randomUUID().toString().substring(0, 8);
			UUID orgUnit = orgUnits.create(musterstadt.id(), key, "Testamt " + key, key + "@musterstadt.example", "");
			OfferedService offered = catalog.offered(musterstadt.id(), "personalausweis").orElseThrow();
			UUID calendarId = calendars.create(musterstadt.id(), offered.locations().get(0).id(), orgUnit,
					new Calendars.Settings("Test " + key, minutes, 0, 42, LocalTime.of(0, 0), 0, true));
			for (int i = 1; i <= counters; i++) {
				calendars.addCounter(musterstadt.id(), calendarId, "Schalter " + i);
			}
			UUID serviceId = calendars.addService(musterstadt.id(), calendarId, offered.responsibility().id(),
					new Calendars.ServiceSettings("Personalausweis " + key, "", minutes, minutes, 2, 1, true));
			Calendar calendar = calendars.get(musterstadt.id(), calendarId);
			Map<LocalDate, List<SlotFinder.Slot>> free = slots.freeSlots(calendar, minutes, LocalDate.now().plusDays(2),
					LocalDate.now().plusDays(20), false);
			return new TestCalendar(musterstadt, calendar, serviceId, free);
		});
	}

	record TestCalendar(Municipality municipality, Calendar calendar, UUID serviceId,
			Map<LocalDate, List<SlotFinder.Slot>> free) {

		List<SlotFinder.Slot> firstDay() {
			return this.free.values().iterator().next();
		}

	}

}
