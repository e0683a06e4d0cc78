package de.amtsweg.platform;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One period of a weekly opening plan, e.g. Monday 08:00–12:00.
 *
 * @param day the weekday
 * @param opens opening time
 * @param closes closing time, after {@code opens}
 */
public record OpeningPeriod(DayOfWeek day, LocalTime opens, LocalTime closes) {

	public OpeningPeriod {
		if (!opens.isBefore(closes)) {
			throw new IllegalArgumentException("An opening period must close after it opens");
		}
	}

}
