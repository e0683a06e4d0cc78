package de.amtsweg.catalog;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * When a location is open on one day.
 *
 * @param date the day
 * @param periods opening periods, empty if closed
 * @param holidayKey the public holiday that closes it, if any (message key
 * {@code holiday.<key>})
 * @param note why the day differs from the weekly plan, from the location's exceptions
 * @param deviates whether the day differs from the weekly plan (holiday or exception)
 */
public record OpeningDay(LocalDate date, List<Span> periods, @Nullable String holidayKey, LocalizedText note,
		boolean deviates) {

	public boolean closed() {
		return this.periods.isEmpty();
	}

	/**
	 * One opening period of a day.
	 *
	 * @param opens opening time
	 * @param closes closing time
	 */
	public record Span(LocalTime opens, LocalTime closes) {
	}

}
