package de.amtsweg.appointments.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A time in which a calendar (or one counter) takes no appointments.
 *
 * @param id identifier
 * @param calendarId the calendar
 * @param counterId the counter, or null for all
 * @param startsAt start
 * @param endsAt end
 * @param reason why, for staff
 */
public record Block(UUID id, UUID calendarId, @Nullable UUID counterId, Instant startsAt, Instant endsAt,
		String reason) {
}
