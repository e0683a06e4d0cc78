package de.amtsweg.queue.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A ticket (Wartemarke) of one day. It carries no name; the optional e-mail address is
 * only used for the "nearly your turn" message.
 *
 * @param id identifier
 * @param municipalityId the municipality
 * @param locationId the catalogue location
 * @param groupId the service group
 * @param serviceDay the day it was drawn
 * @param number the running number of the group and day
 * @param displayNumber prefix and number, e.g. {@code A007}
 * @param token the secret part of the ticket page's URL
 * @param issuedAt when it was drawn
 * @param appointmentId the appointment checked in with, if any
 * @param appointmentStart the appointment's time, if any
 * @param status where it stands
 * @param targetCounterId the counter it was transferred to, if any
 * @param counterId the counter it is (or was last) called to
 * @param calledAt when it was last called
 * @param callCount how often it was called (recalls included)
 * @param finishedAt when it was done or given up
 * @param email address for the "nearly your turn" message
 * @param nearlyDueSentAt when that message was triggered
 */
public record Ticket(UUID id, UUID municipalityId, UUID locationId, UUID groupId, LocalDate serviceDay, int number,
		String displayNumber, String token, Instant issuedAt, @Nullable UUID appointmentId,
		@Nullable Instant appointmentStart, TicketStatus status, @Nullable UUID targetCounterId,
		@Nullable UUID counterId, @Nullable Instant calledAt, int callCount, @Nullable Instant finishedAt,
		@Nullable String email, @Nullable Instant nearlyDueSentAt) {

	/** The time of day it was drawn, in the office's time zone. */
	public LocalTime issuedTime() {
		return this.issuedAt.atZone(TicketLine.ZONE).toLocalTime();
	}

	/** The appointment's time of day, if any. */
	public @Nullable LocalTime appointmentTime() {
		return (this.appointmentStart != null) ? this.appointmentStart.atZone(TicketLine.ZONE).toLocalTime() : null;
	}

	public boolean hasAppointment() {
		return this.appointmentId != null;
	}

	/**
	 * Since when the ticket counts as waiting: the appointment's time for appointment
	 * holders who came early, else the moment it was drawn.
	 */
	public Instant waitingSince() {
		return (this.appointmentStart != null && this.appointmentStart.isAfter(this.issuedAt)) ? this.appointmentStart
				: this.issuedAt;
	}

	public Duration waitedUntil(Instant now) {
		Duration waited = Duration.between(waitingSince(), now);
		return waited.isNegative() ? Duration.ZERO : waited;
	}

}
