package de.amtsweg.appointments;

/** Where an appointment stands. */
public enum AppointmentStatus {

	/** Booked online, waiting for the confirmation by e-mail link; lapses otherwise. */
	HELD,
	/** Confirmed; the time is the citizen's. */
	CONFIRMED,
	/** The citizen came (checked in at the kiosk or marked by staff). */
	ARRIVED,
	/** The citizen did not come. */
	NO_SHOW,
	/** Cancelled by the citizen or by staff; the time is free again. */
	CANCELLED,
	/** Not confirmed in time; the time is free again. */
	LAPSED;

	/** Whether the appointment still takes its time on a counter. */
	public boolean occupies() {
		return this == HELD || this == CONFIRMED || this == ARRIVED || this == NO_SHOW;
	}

}
