package de.amtsweg.appointments.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * iCalendar (RFC 5545) for appointments: the file in the confirmation mail and the feed
 * of a counter. Times in UTC, texts escaped, lines folded at 75 octets.
 */
public final class ICalendar {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private ICalendar() {
	}

	/**
	 * One event.
	 *
	 * @param id stable id (becomes the UID)
	 * @param start start
	 * @param end end
	 * @param summary title
	 * @param location address
	 * @param description details
	 * @param cancelled whether it was cancelled
	 */
	public record Event(UUID id, Instant start, Instant end, String summary, String location, String description,
			boolean cancelled) {
	}

	public static String calendar(String name, Instant stamp, List<Event> events) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Amtsweg//Termine//DE");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:PUBLISH");
		line(out, "X-WR-CALNAME:" + text(name));
		for (Event event : events) {
			line(out, "BEGIN:VEVENT");
			line(out, "UID:" + event.id() + "@amtsweg");
			line(out, "DTSTAMP:" + UTC.format(stamp));
			line(out, "DTSTART:" + UTC.format(event.start()));
			line(out, "DTEND:" + UTC.format(event.end()));
			line(out, "SUMMARY:" + text(event.summary()));
			if (!event.location().isBlank()) {
				line(out, "LOCATION:" + text(event.location()));
			}
			if (!event.description().isBlank()) {
				line(out, "DESCRIPTION:" + text(event.description()));
			}
			line(out, "STATUS:" + (event.cancelled() ? "CANCELLED" : "CONFIRMED"));
			line(out, "END:VEVENT");
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	static String text(String value) {
		return value.replace("\\", "\\\\")
			.replace(";", "\\;")
			.replace(",", "\\,")
			.replace("\r\n", "\\n")
			.replace("\n", "\\n");
	}

	/** Appends a content line, folded so that no line is longer than 75 octets. */
	private static void line(StringBuilder out, String content) {
		int octets = 0;
		int limit = 75;
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			String character = new String(Character.toChars(codePoint));
			int size = character.getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				out.append("\r\n ");
				octets = 1;
			}
			out.append(character);
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append("\r\n");
	}

}
