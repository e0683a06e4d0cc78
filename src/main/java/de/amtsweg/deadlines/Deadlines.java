package de.amtsweg.deadlines;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import de.amtsweg.platform.State;

import org.springframework.stereotype.Service;

/**
 * The end of a period by BGB §§187–193:
 * <ul>
 * <li>§187(1): a period that starts with an event during a day does not count that day;
 * §187(2): a period that starts at the beginning of a day counts it (age, contracts
 * "from" a day).</li>
 * <li>§188(1): a period of days ends with the last day. §188(2): a period of weeks,
 * months or years ends with the day whose name (weeks) or number (months, years) matches
 * the event day (§187(1)), or with the day before the matching day (§187(2)).</li>
 * <li>§188(3): if that day does not exist in the last month, the period ends with the
 * last day of that month (31 January + 1 month → 28/29 February).</li>
 * <li>§193: if the last day is a Saturday, a Sunday or a public holiday where the
 * declaration is to be made (here: the state), the period ends on the next working
 * day.</li>
 * </ul>
 * Only statewide public holidays count; holidays of single municipalities (Augsburger
 * Friedensfest, Mariä Himmelfahrt in Catholic Bavarian municipalities) are not known
 * here, see {@link PublicHolidays}.
 */
@Service
public class Deadlines {

	/** The last year whose deadlines are computed. */
	public static final int LAST_YEAR = 2199;

	private final PublicHolidays holidays;

	public Deadlines(PublicHolidays holidays) {
		this.holidays = holidays;
	}

	/**
	 * The end of a deadline that starts with an event on that day (§187(1)), moved to the
	 * next working day of the state (§193).
	 * @throws IllegalArgumentException for days before {@link PublicHolidays#FIRST_YEAR}
	 * or ends after {@link #LAST_YEAR}
	 */
	public DeadlineResult end(State state, LocalDate eventDay, DeadlinePeriod period) {
		return end(state, eventDay, period, PeriodStart.AFTER_EVENT_DAY, true);
	}

	/**
	 * The end of a period.
	 * @param state whose public holidays count
	 * @param from the event day or the first day, by {@code start}
	 * @param period the period
	 * @param start whether {@code from} counts (§187(2)) or not (§187(1))
	 * @param shiftToWorkingDay whether §193 applies (deadlines for declarations and
	 * performances); not for e.g. reaching an age
	 */
	public DeadlineResult end(State state, LocalDate from, DeadlinePeriod period, PeriodStart start,
			boolean shiftToWorkingDay) {
		if (from.getYear() < PublicHolidays.FIRST_YEAR) {
			throw new IllegalArgumentException("Deadlines are computed from " + PublicHolidays.FIRST_YEAR + " on");
		}
		LocalDate calculated = calculatedEnd(from, period, start);
		if (calculated.getYear() > LAST_YEAR) {
			throw new IllegalArgumentException("Deadlines are computed until " + LAST_YEAR);
		}
		List<SkippedDay> skipped = new ArrayList<>();
		LocalDate end = calculated;
		if (shiftToWorkingDay) {
			while (!this.holidays.isWorkingDay(state, end)) {
				skipped.add(skipped(state, end));
				end = end.plusDays(1);
			}
		}
		return new DeadlineResult(state, from, period, start, calculated, end, skipped);
	}

	/** The end by §§187, 188 before the shift of §193. */
	static LocalDate calculatedEnd(LocalDate from, DeadlinePeriod period, PeriodStart start) {
		boolean countsFirstDay = start == PeriodStart.BEGINNING_OF_DAY;
		return switch (period.unit()) {
			case D -> from.plusDays(period.amount() - (countsFirstDay ? 1L : 0L));
			case W -> from.plusWeeks(period.amount()).minusDays(countsFirstDay ? 1 : 0);
			case M -> monthEnd(from, period.amount(), countsFirstDay);
			case Y -> monthEnd(from, Math.multiplyExact(period.amount(), 12), countsFirstDay);
		};
	}

	/**
	 * §188(2) and (3) for months: the day with the same number, or the month's last day
	 * when it has no such day; by §187(2) the day before the matching day (a missing
	 * matching day makes the month's last day the end, as §188(3) says).
	 */
	private static LocalDate monthEnd(LocalDate from, int months, boolean countsFirstDay) {
		YearMonth target = YearMonth.from(from).plusMonths(months);
		if (from.getDayOfMonth() > target.lengthOfMonth()) {
			return target.atEndOfMonth();
		}
		LocalDate matching = target.atDay(from.getDayOfMonth());
		return countsFirstDay ? matching.minusDays(1) : matching;
	}

	private SkippedDay skipped(State state, LocalDate day) {
		Optional<Holiday> holiday = this.holidays.holiday(state, day);
		return new SkippedDay(day, holiday.orElse(null));
	}

}
