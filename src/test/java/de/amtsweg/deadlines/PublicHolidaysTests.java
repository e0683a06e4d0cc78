package de.amtsweg.deadlines;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import de.amtsweg.platform.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Holidays per state, checked against the published calendars of those years. */
class PublicHolidaysTests {

	private final PublicHolidays holidays = new PublicHolidays();

	@Test
	void easterSundayFallsOnTheKnownDates() {
		assertThat(PublicHolidays.easterSunday(1991)).isEqualTo("1991-03-31");
		assertThat(PublicHolidays.easterSunday(2000)).isEqualTo("2000-04-23");
		assertThat(PublicHolidays.easterSunday(2019)).isEqualTo("2019-04-21");
		assertThat(PublicHolidays.easterSunday(2024)).isEqualTo("2024-03-31");
		assertThat(PublicHolidays.easterSunday(2025)).isEqualTo("2025-04-20");
		assertThat(PublicHolidays.easterSunday(2026)).isEqualTo("2026-04-05");
		assertThat(PublicHolidays.easterSunday(2038)).isEqualTo("2038-04-25");
		assertThat(PublicHolidays.easterSunday(2285)).isEqualTo("2285-03-22");
	}

	@Test
	void lowerSaxonyHasTenHolidaysIn2026IncludingReformationDay() {
		assertThat(dates(State.NI, 2026)).containsExactly("2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01",
				"2026-05-14", "2026-05-25", "2026-10-03", "2026-10-31", "2026-12-25", "2026-12-26");
	}

	@Test
	void bavariaHasItsStatewideCatholicHolidaysButNotTheMunicipalOnes() {
		assertThat(dates(State.BY, 2026)).containsExactly("2026-01-01", "2026-01-06", "2026-04-03", "2026-04-06",
				"2026-05-01", "2026-05-14", "2026-05-25", "2026-06-04", "2026-10-03", "2026-11-01", "2026-12-25",
				"2026-12-26");
		// Mariä Himmelfahrt and the Augsburger Friedensfest hold only in some
		// municipalities
		assertThat(this.holidays.isHoliday(State.BY, LocalDate.of(2026, 8, 15))).isFalse();
		assertThat(this.holidays.isHoliday(State.BY, LocalDate.of(2026, 8, 8))).isFalse();
		assertThat(this.holidays.isHoliday(State.SL, LocalDate.of(2026, 8, 15))).isTrue();
	}

	@Test
	void corpusChristiAndAllSaintsHoldInTheStatesThatKeepThem() {
		LocalDate corpusChristi = LocalDate.of(2025, 6, 19);
		LocalDate allSaints = LocalDate.of(2025, 11, 1);
		assertThat(statesWithHoliday(corpusChristi)).containsExactlyInAnyOrder(State.BW, State.BY, State.HE, State.NW,
				State.RP, State.SL);
		assertThat(statesWithHoliday(allSaints)).containsExactlyInAnyOrder(State.BW, State.BY, State.NW, State.RP,
				State.SL);
		assertThat(statesWithHoliday(LocalDate.of(2025, 1, 6))).containsExactlyInAnyOrder(State.BW, State.BY, State.ST);
	}

	@Test
	void repentanceDayIsTheWednesdayBeforeTheTwentyThirdOfNovemberInSaxonyOnly() {
		assertThat(this.holidays.holiday(State.SN, LocalDate.of(2024, 11, 20))).map(Holiday::key)
			.contains("buss-und-bettag");
		assertThat(this.holidays.isHoliday(State.SN, LocalDate.of(2025, 11, 19))).isTrue();
		assertThat(this.holidays.isHoliday(State.SN, LocalDate.of(2026, 11, 18))).isTrue();
		assertThat(this.holidays.isHoliday(State.SN, LocalDate.of(2027, 11, 17))).isTrue();
		assertThat(statesWithHoliday(LocalDate.of(2025, 11, 19))).containsExactly(State.SN);
		// until 1994 it was a holiday in the whole country
		assertThat(statesWithHoliday(LocalDate.of(1994, 11, 16))).hasSize(16);
	}

	@Test
	void reformationDaySpreadToTheNorthernStatesIn2018AndWasEverywhereIn2017() {
		assertThat(statesWithHoliday(LocalDate.of(2016, 10, 31))).containsExactlyInAnyOrder(State.BB, State.MV,
				State.SN, State.ST, State.TH);
		assertThat(statesWithHoliday(LocalDate.of(2017, 10, 31))).hasSize(16);
		assertThat(statesWithHoliday(LocalDate.of(2018, 10, 31))).containsExactlyInAnyOrder(State.BB, State.MV,
				State.SN, State.ST, State.TH, State.HB, State.HH, State.NI, State.SH);
	}

	@Test
	void womensDayHoldsInBerlinSince2019AndInMecklenburgWesternPomeraniaSince2023() {
		assertThat(this.holidays.isHoliday(State.BE, LocalDate.of(2018, 3, 8))).isFalse();
		assertThat(this.holidays.isHoliday(State.BE, LocalDate.of(2019, 3, 8))).isTrue();
		assertThat(this.holidays.isHoliday(State.MV, LocalDate.of(2022, 3, 8))).isFalse();
		assertThat(this.holidays.isHoliday(State.MV, LocalDate.of(2023, 3, 8))).isTrue();
		assertThat(statesWithHoliday(LocalDate.of(2026, 3, 8))).containsExactlyInAnyOrder(State.BE, State.MV);
	}

	@Test
	void berlinHadLiberationDayIn2020And2025Only() {
		assertThat(this.holidays.isHoliday(State.BE, LocalDate.of(2020, 5, 8))).isTrue();
		assertThat(this.holidays.isHoliday(State.BE, LocalDate.of(2025, 5, 8))).isTrue();
		assertThat(this.holidays.isHoliday(State.BE, LocalDate.of(2026, 5, 8))).isFalse();
		assertThat(this.holidays.isHoliday(State.BB, LocalDate.of(2025, 5, 8))).isFalse();
	}

	@Test
	void thuringiaKeepsWorldChildrensDaySince2019() {
		assertThat(this.holidays.isHoliday(State.TH, LocalDate.of(2018, 9, 20))).isFalse();
		assertThat(this.holidays.isHoliday(State.TH, LocalDate.of(2019, 9, 20))).isTrue();
		assertThat(statesWithHoliday(LocalDate.of(2026, 9, 21))).isEmpty();
	}

	@Test
	void brandenburgAndHesseNameEasterAndWhitSunday() {
		assertThat(statesWithHoliday(LocalDate.of(2026, 4, 5))).containsExactlyInAnyOrder(State.BB, State.HE);
		assertThat(statesWithHoliday(LocalDate.of(2026, 5, 24))).containsExactlyInAnyOrder(State.BB, State.HE);
	}

	@Test
	void everyStateHasTheNineNationalHolidays() {
		for (State state : State.values()) {
			assertThat(this.holidays.holidays(state, 2026)).extracting(Holiday::key)
				.as(state.name())
				.contains("neujahr", "karfreitag", "ostermontag", "tag-der-arbeit", "christi-himmelfahrt",
						"pfingstmontag", "tag-der-deutschen-einheit", "erster-weihnachtstag", "zweiter-weihnachtstag");
		}
	}

	@Test
	void workingDaysSkipWeekendsAndHolidays() {
		assertThat(this.holidays.isWorkingDay(State.NI, LocalDate.of(2026, 10, 30))).isTrue();
		assertThat(this.holidays.isWorkingDay(State.NI, LocalDate.of(2026, 10, 31))).isFalse();
		assertThat(this.holidays.isWorkingDay(State.BY, LocalDate.of(2026, 6, 4))).isFalse();
		assertThat(this.holidays.isWorkingDay(State.NI, LocalDate.of(2026, 6, 4))).isTrue();
	}

	@Test
	void holidaysBetweenTwoDaysCrossTheTurnOfTheYear() {
		assertThat(this.holidays.between(State.NI, LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 2)))
			.extracting(Holiday::date)
			.containsExactly(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26), LocalDate.of(2027, 1, 1));
	}

	@Test
	void yearsBeforeReunificationAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.holidays.holidays(State.NI, 1990));
	}

	private List<String> dates(State state, int year) {
		return this.holidays.holidays(state, year).stream().map((holiday) -> holiday.date().toString()).toList();
	}

	private Set<State> statesWithHoliday(LocalDate date) {
		Set<State> states = EnumSet.noneOf(State.class);
		for (State state : State.values()) {
			if (this.holidays.isHoliday(state, date)) {
				states.add(state);
			}
		}
		return states;
	}

}
