package de.amtsweg.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import de.amtsweg.deadlines.Holiday;
import de.amtsweg.deadlines.PublicHolidays;
import de.amtsweg.platform.State;

import org.springframework.stereotype.Service;

/**
 * A location's opening hours on real days: the weekly plan, except on the state's public
 * holidays (closed) and on days the location set otherwise (an exception wins over a
 * holiday, e.g. a Saturday opening before an election).
 */
@Service
public class OpeningCalendar {

	private final PublicHolidays holidays;

	public OpeningCalendar(PublicHolidays holidays) {
		this.holidays = holidays;
	}

	public OpeningDay day(Location location, State state, LocalDate date) {
		Optional<OpeningException> exception = location.exceptions()
			.stream()
			.filter((candidate) -> candidate.day().equals(date))
			.findFirst();
		if (exception.isPresent()) {
			OpeningException found = exception.get();
			List<OpeningDay.Span> periods = found.closed() ? List.of()
					: List.of(new OpeningDay.Span(found.opens(), found.closes()));
			return new OpeningDay(date, periods, null, found.note(), true);
		}
		Optional<Holiday> holiday = this.holidays.holiday(state, date);
		if (holiday.isPresent()) {
			return new OpeningDay(date, List.of(), holiday.get().key(), LocalizedText.EMPTY, true);
		}
		List<OpeningDay.Span> periods = location.openingHours()
			.stream()
			.filter((period) -> period.day() == date.getDayOfWeek())
			.map((period) -> new OpeningDay.Span(period.opens(), period.closes()))
			.toList();
		return new OpeningDay(date, periods, null, LocalizedText.EMPTY, false);
	}

	/**
	 * The days from one date to another (both included) on which the location keeps other
	 * hours than its weekly plan: public holidays and its exceptions.
	 */
	public List<OpeningDay> deviations(Location location, State state, LocalDate from, LocalDate to) {
		List<OpeningDay> days = new ArrayList<>();
		for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
			OpeningDay day = day(location, state, date);
			java.time.DayOfWeek weekday = date.getDayOfWeek();
			boolean wouldBeOpen = location.openingHours().stream().anyMatch((period) -> period.day() == weekday);
			if (day.deviates() && (wouldBeOpen || !day.closed())) {
				days.add(day);
			}
		}
		return days;
	}

}
