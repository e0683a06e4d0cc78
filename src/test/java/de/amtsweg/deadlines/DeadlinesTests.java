package de.amtsweg.deadlines;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import de.amtsweg.platform.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BGB §§187–193, table-driven: {@code deadlines/bgb-deadlines.csv} lists state, event
 * day, period, start, the expected end and the days the end moves over, with the rule
 * each row checks. Holiday dates are those of the published state calendars.
 */
class DeadlinesTests {

	private final Deadlines deadlines = new Deadlines(new PublicHolidays());

	@ParameterizedTest(name = "{0} {1} + {2} ({3}) ends {4}: {6}")
	@CsvFileSource(resources = "/deadlines/bgb-deadlines.csv", numLinesToSkip = 1)
	void theEndFollowsTheBgb(String state, LocalDate from, String period, String start, LocalDate end, String skipped,
			String why) {
		DeadlineResult result = this.deadlines.end(State.valueOf(state), from,
				DeadlinePeriod.parse(period).orElseThrow(),
				"day".equals(start) ? PeriodStart.BEGINNING_OF_DAY : PeriodStart.AFTER_EVENT_DAY, true);

		assertThat(result.end()).as(why).isEqualTo(end);
		List<LocalDate> expectedSkipped = (skipped == null) ? List.of()
				: Arrays.stream(skipped.split(" ")).map(LocalDate::parse).toList();
		assertThat(result.shiftedOver()).extracting(SkippedDay::date).as(why).isEqualTo(expectedSkipped);
		assertThat(result.calculatedEnd()).isEqualTo(expectedSkipped.isEmpty() ? end : expectedSkipped.get(0));
	}

	@Test
	void theDaysMovedOverAreNamedByWeekdayOrHoliday() {
		DeadlineResult result = this.deadlines.end(State.NI, LocalDate.of(2026, 3, 5), DeadlinePeriod.months(1));

		assertThat(result.shiftedOver()).extracting(SkippedDay::messageKey)
			.containsExactly("deadlines.weekday.sunday", "holiday.ostermontag");
		assertThat(this.deadlines.end(State.NI, LocalDate.of(2026, 1, 31), DeadlinePeriod.months(1)).shiftedOver())
			.extracting(SkippedDay::messageKey)
			.containsExactly("deadlines.weekday.saturday", "deadlines.weekday.sunday");
	}

	@Test
	void withoutTheShiftOfSection193TheCalculatedEndStands() {
		DeadlineResult age = this.deadlines.end(State.NI, LocalDate.of(2008, 2, 29), DeadlinePeriod.years(18),
				PeriodStart.BEGINNING_OF_DAY, false);

		// §188(3): born on 29 February, of age with the end of 28 February, a Saturday
		assertThat(age.end()).isEqualTo("2026-02-28");
		assertThat(age.shifted()).isFalse();
	}

	@Test
	void periodsAreWholeDaysWeeksMonthsOrYears() {
		assertThat(DeadlinePeriod.parse("P10D")).contains(DeadlinePeriod.days(10));
		assertThat(DeadlinePeriod.parse("p2w")).contains(DeadlinePeriod.weeks(2));
		assertThat(DeadlinePeriod.parse("P1M").orElseThrow().toString()).isEqualTo("P1M");
		assertThat(DeadlinePeriod.parse("P1Y")).contains(DeadlinePeriod.years(1));
		assertThat(DeadlinePeriod.parse("P0D")).isEmpty();
		assertThat(DeadlinePeriod.parse("P-1D")).isEmpty();
		assertThat(DeadlinePeriod.parse("-P1D")).isEmpty();
		assertThat(DeadlinePeriod.parse("P1M10D")).isEmpty();
		assertThat(DeadlinePeriod.parse("1M")).isEmpty();
		assertThat(DeadlinePeriod.parse("P99999999D")).isEmpty();
	}

}
