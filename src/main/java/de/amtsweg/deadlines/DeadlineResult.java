package de.amtsweg.deadlines;

import java.time.LocalDate;
import java.util.List;

import de.amtsweg.platform.State;

/**
 * The end of a period.
 *
 * @param state the state whose public holidays count
 * @param from the event day (§187(1)) or the first day (§187(2))
 * @param period the period
 * @param start how the period begins
 * @param calculatedEnd the end by §188 before any shift
 * @param end the last day of the period after the shift of §193
 * @param shiftedOver the days the end was moved over, in order; empty when
 * {@code calculatedEnd} was a working day
 */
public record DeadlineResult(State state, LocalDate from, DeadlinePeriod period, PeriodStart start,
		LocalDate calculatedEnd, LocalDate end, List<SkippedDay> shiftedOver) {

	public DeadlineResult {
		shiftedOver = List.copyOf(shiftedOver);
	}

	public boolean shifted() {
		return !this.shiftedOver.isEmpty();
	}

}
