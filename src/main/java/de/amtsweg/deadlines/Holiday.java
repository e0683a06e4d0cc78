package de.amtsweg.deadlines;

import java.time.LocalDate;

/**
 * A statutory public holiday.
 *
 * @param date the day
 * @param key stable name, e.g. {@code reformationstag}; the message key
 * {@code holiday.<key>} of the deadlines bundle names it in German and English
 */
public record Holiday(LocalDate date, String key) {

	/** The message key of the holiday's name. */
	public String messageKey() {
		return "holiday." + this.key;
	}

}
