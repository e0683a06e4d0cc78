package de.amtsweg.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A day a deadline's end was moved over (BGB §193): a Saturday, a Sunday or a public
 * holiday of the state.
 *
 * @param date the day
 * @param holiday the public holiday on that day, if it is one
 */
public record SkippedDay(LocalDate date, @Nullable Holiday holiday) {

	/**
	 * The message key of the day's name in the deadlines bundle: the holiday's, else the
	 * weekday's (e.g. {@code deadlines.weekday.saturday}).
	 */
	public String messageKey() {
		return (this.holiday != null) ? this.holiday.messageKey() : weekdayKey(this.date.getDayOfWeek());
	}

	static String weekdayKey(DayOfWeek day) {
		return "deadlines.weekday." + day.name().toLowerCase(Locale.ROOT);
	}

}
