package de.amtsweg.platform;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One thing on a citizen's timeline: a request, a message, an appointment, a payment.
 *
 * @param when when it last happened (orders the timeline, newest first)
 * @param kind what it is, e.g. {@code postbox}, {@code case}, {@code appointment}
 * @param title what the citizen recognises it by, in their language
 * @param status where it stands, in their language, e.g. "2 ungelesene Nachrichten"
 * @param link path of its page, e.g. {@code /konto/postfach/<id>}
 * @param dueDate a day by which the citizen has to do something, if any (such entries
 * come first while the day is ahead)
 */
public record TimelineEntry(Instant when, String kind, String title, String status, String link,
		@Nullable LocalDate dueDate) {
}
