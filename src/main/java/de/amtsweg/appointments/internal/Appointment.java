package de.amtsweg.appointments.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import de.amtsweg.appointments.AppointmentStatus;
import org.jspecify.annotations.Nullable;

/**
 * A booked appointment.
 *
 * @param id identifier
 * @param municipalityId the municipality
 * @param calendarId the calendar
 * @param counterId the counter it takes
 * @param startsAt start
 * @param endsAt end
 * @param persons persons (or items)
 * @param status where it stands
 * @param heldUntil until when an unconfirmed hold lasts
 * @param name the citizen's name
 * @param email e-mail address (empty if a caller gave none)
 * @param phone phone number, may be empty
 * @param accountId the citizen's account, if booked signed in
 * @param channel ONLINE or STAFF
 * @param code check-in code
 * @param locale language of the mails
 * @param serviceIds the booked services
 */
public record Appointment(UUID id, UUID municipalityId, UUID calendarId, UUID counterId, Instant startsAt,
		Instant endsAt, int persons, AppointmentStatus status, @Nullable Instant heldUntil, String name, String email,
		String phone, @Nullable UUID accountId, String channel, String code, Locale locale, List<UUID> serviceIds) {

	public boolean open() {
		return this.status == AppointmentStatus.HELD || this.status == AppointmentStatus.CONFIRMED;
	}

}
