package de.amtsweg.appointments;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import de.amtsweg.appointments.internal.AppointmentRepository;
import de.amtsweg.appointments.internal.Bookings;
import de.amtsweg.appointments.internal.Calendars;
import de.amtsweg.appointments.internal.SlotFinder;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.queue.AppointmentCheckIns;
import de.amtsweg.queue.ScheduledVisit;
import de.amtsweg.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call system's kiosk checks in holders of a confirmed appointment through the
 * appointments module: once, and only while the appointment is confirmed.
 */
class QueueCheckInTests extends IntegrationTest {

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
	AppointmentRepository appointments;

	@Autowired
	List<AppointmentCheckIns> checkIns;

	@Test
	void aConfirmedAppointmentIsFoundByItsCodeOnceAndNotAfterArrival() {
		assertThat(this.checkIns).hasSize(1);
		AppointmentCheckIns checkIn = this.checkIns.get(0);
		AppointmentsTestSupport.TestCalendar test = AppointmentsTestSupport.calendar(this.municipalities, this.orgUnits,
				this.catalog, this.calendars, this.slots, 1, 15);
		UUID appointment = this.bookings.book(new Bookings.BookingRequest(test.municipality().id(),
				test.calendar().id(), List.of(test.serviceId()), 2, test.firstDay().get(0).start(), "Erika Test",
				UUID.randomUUID() + "@example.org", "", null, Locale.GERMAN, null, Bookings.Channel.ONLINE));
		String code = this.appointments.find(appointment).orElseThrow().code();
		UUID municipality = test.municipality().id();

		// held, not yet confirmed by the mail link: not queued
		assertThat(SystemActor.call(() -> checkIn.find(municipality, code))).isEmpty();

		this.bookings.confirm(appointment);
		ScheduledVisit visit = SystemActor.call(() -> checkIn.find(municipality, " " + code.toLowerCase(Locale.ROOT)))
			.orElseThrow();
		assertThat(visit.appointmentId()).isEqualTo(appointment);
		assertThat(visit.locationId()).isEqualTo(test.calendar().locationId());
		assertThat(visit.persons()).isEqualTo(2);
		assertThat(visit.serviceNames()).isNotEmpty();

		// another municipality's kiosk does not know the code
		UUID other = this.municipalities.bySlug("beispielheim").orElseThrow().id();
		assertThat(SystemActor.call(() -> checkIn.find(other, code))).isEmpty();

		SystemActor.run(() -> checkIn.markArrived(appointment));
		assertThat(this.appointments.find(appointment).orElseThrow().status()).isEqualTo(AppointmentStatus.ARRIVED);
		assertThat(SystemActor.call(() -> checkIn.find(municipality, code))).isEmpty();
	}

}
