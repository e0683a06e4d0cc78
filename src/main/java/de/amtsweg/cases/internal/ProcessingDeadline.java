package de.amtsweg.cases.internal;

import java.time.LocalDate;

import de.amtsweg.deadlines.PublicHolidays;
import de.amtsweg.platform.State;

import org.springframework.stereotype.Component;

/**
 * The end of a case's legal processing time: the day of submission plus the processing
 * days in calendar days; an end on a Saturday, Sunday or public holiday of the state
 * moves to the next working day. Simple calendar arithmetic until the {@code deadlines}
 * module offers the BGB rules.
 */
@Component
class ProcessingDeadline {

	private final PublicHolidays holidays;

	ProcessingDeadline(PublicHolidays holidays) {
		this.holidays = holidays;
	}

	LocalDate end(State state, LocalDate submittedOn, int processingDays) {
		LocalDate end = submittedOn.plusDays(processingDays);
		while (!this.holidays.isWorkingDay(state, end)) {
			end = end.plusDays(1);
		}
		return end;
	}

}
