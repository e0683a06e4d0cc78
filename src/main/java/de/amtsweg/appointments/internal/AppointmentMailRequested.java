package de.amtsweg.appointments.internal;

import java.util.UUID;

/**
 * A mail about an appointment is due; sent after commit by {@link AppointmentMails}.
 *
 * @param appointmentId the appointment
 * @param kind which mail
 */
public record AppointmentMailRequested(UUID appointmentId, Kind kind) {

	/** The mails about an appointment. */
	public enum Kind {

		/** Please confirm the hold by the link. */
		CONFIRM_HOLD,
		/** Confirmed, with the calendar file and the check-in code. */
		CONFIRMED,
		/** Moved to another time, with the new calendar file. */
		MOVED,
		/** Cancelled. */
		CANCELLED,
		/** Tomorrow is the day. */
		REMINDER

	}

}
