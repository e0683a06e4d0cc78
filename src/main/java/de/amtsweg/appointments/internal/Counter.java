package de.amtsweg.appointments.internal;

import java.util.UUID;

/**
 * A counter (or a clerk's desk): one appointment at a time.
 *
 * @param id identifier
 * @param calendarId its calendar
 * @param name name, e.g. "Schalter 1"
 * @param position order
 * @param active whether it takes appointments
 * @param feedToken secret part of its iCalendar feed address
 */
public record Counter(UUID id, UUID calendarId, String name, int position, boolean active, String feedToken) {
}
