package de.amtsweg.appointments.internal;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import de.amtsweg.catalog.Location;

/**
 * An appointment with what pages and mails show of it.
 *
 * @param appointment the appointment
 * @param calendar its calendar
 * @param location where it takes place
 * @param services the booked services
 * @param counterName the counter
 */
public record AppointmentView(Appointment appointment, Calendar calendar, Location location,
		List<BookableService> services, String counterName) {

	public LocalDateTime start() {
		return LocalDateTime.ofInstant(this.appointment.startsAt(), SlotFinder.BERLIN);
	}

	public LocalDateTime end() {
		return LocalDateTime.ofInstant(this.appointment.endsAt(), SlotFinder.BERLIN);
	}

	public String serviceNames(Locale locale) {
		return String.join(", ", this.services.stream().map((service) -> service.name(locale)).toList());
	}

	public String address() {
		return this.location.name() + ", " + this.location.street() + ", " + this.location.postcode() + " "
				+ this.location.city();
	}

}
