package de.amtsweg.appointments.internal;

import java.util.Locale;
import java.util.UUID;

/**
 * A service that can be booked in a calendar.
 *
 * @param id identifier
 * @param calendarId its calendar
 * @param responsibilityId the catalogue's responsibility for the service
 * @param nameDe German name
 * @param nameEn English name, empty to use the German one
 * @param minutes duration for one person
 * @param minutesPerExtraPerson added for each further person or item
 * @param maxPersons most persons per appointment
 * @param maxOpenPerPerson open appointments one e-mail address may hold for it
 * @param position order
 * @param active whether it can be booked
 */
public record BookableService(UUID id, UUID calendarId, UUID responsibilityId, String nameDe, String nameEn,
		int minutes, int minutesPerExtraPerson, int maxPersons, int maxOpenPerPerson, int position, boolean active) {

	public String name(Locale locale) {
		return ("en".equals(locale.getLanguage()) && !this.nameEn.isBlank()) ? this.nameEn : this.nameDe;
	}

	/** Minutes for so many persons. */
	public int minutesFor(int persons) {
		return this.minutes + Math.max(0, persons - 1) * this.minutesPerExtraPerson;
	}

}
