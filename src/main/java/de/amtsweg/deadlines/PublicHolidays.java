package de.amtsweg.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.amtsweg.platform.State;

import org.springframework.stereotype.Service;

/**
 * The statutory public holidays that hold in a whole state, computed (no table to keep up
 * to date), from 1991 on.
 * <p>
 * Holidays that hold only in some municipalities of a state are <em>not</em> part of the
 * state's list: the Augsburger Friedensfest (8 August, city of Augsburg), Mariä
 * Himmelfahrt in Bavaria (municipalities with a mainly Catholic population), Fronleichnam
 * in some municipalities of Saxony (Sorbian settlement area) and Thuringia (Eichsfeld). A
 * municipality closes on such a day through an exception in its opening hours
 * (catalogue). Easter Sunday and Whit Sunday are listed for Brandenburg and Hesse, whose
 * laws name them; being Sundays, they change no working day.
 */
@Service
public class PublicHolidays {

	/** The first year whose rules are known here (after German reunification). */
	public static final int FIRST_YEAR = 1991;

	private static final Set<State> ALL = EnumSet.allOf(State.class);

	private static final Set<State> REFORMATION_DAY_SINCE_1991 = EnumSet.of(State.BB, State.MV, State.SN, State.ST,
			State.TH);

	private static final Set<State> REFORMATION_DAY_SINCE_2018 = EnumSet.of(State.HB, State.HH, State.NI, State.SH);

	private static final Set<State> CORPUS_CHRISTI = EnumSet.of(State.BW, State.BY, State.HE, State.NW, State.RP,
			State.SL);

	private static final Set<State> ALL_SAINTS = EnumSet.of(State.BW, State.BY, State.NW, State.RP, State.SL);

	private static final Set<State> EPIPHANY = EnumSet.of(State.BW, State.BY, State.ST);

	private static final Set<State> EASTER_AND_WHIT_SUNDAY = EnumSet.of(State.BB, State.HE);

	private final Map<Key, List<Holiday>> cache = new ConcurrentHashMap<>();

	/** The holidays of the state in the year, in date order. */
	public List<Holiday> holidays(State state, int year) {
		if (year < FIRST_YEAR) {
			throw new IllegalArgumentException("Public holidays are known from " + FIRST_YEAR + " on, not for " + year);
		}
		return this.cache.computeIfAbsent(new Key(state, year), (key) -> compute(state, year));
	}

	public boolean isHoliday(State state, LocalDate date) {
		return holiday(state, date).isPresent();
	}

	/** The holiday on that day, if it is one. */
	public Optional<Holiday> holiday(State state, LocalDate date) {
		return holidays(state, date.getYear()).stream().filter((holiday) -> holiday.date().equals(date)).findFirst();
	}

	/** Monday to Friday and no public holiday: a day on which offices work. */
	public boolean isWorkingDay(State state, LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isHoliday(state, date);
	}

	/** The holidays from one day to another, both included, in date order. */
	public List<Holiday> between(State state, LocalDate from, LocalDate to) {
		List<Holiday> found = new ArrayList<>();
		for (int year = from.getYear(); year <= to.getYear(); year++) {
			for (Holiday holiday : holidays(state, year)) {
				if (!holiday.date().isBefore(from) && !holiday.date().isAfter(to)) {
					found.add(holiday);
				}
			}
		}
		return List.copyOf(found);
	}

	/**
	 * Easter Sunday of the Gregorian calendar (the anonymous algorithm published by
	 * Meeus, Jones and Butcher).
	 */
	public static LocalDate easterSunday(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = ((h + l - 7 * m + 114) % 31) + 1;
		return LocalDate.of(year, month, day);
	}

	private static List<Holiday> compute(State state, int year) {
		LocalDate easter = easterSunday(year);
		List<Holiday> holidays = new ArrayList<>();
		Adder add = (key, date, states) -> {
			if (states.contains(state)) {
				holidays.add(new Holiday(date, key));
			}
		};
		add.add("neujahr", LocalDate.of(year, Month.JANUARY, 1), ALL);
		add.add("heilige-drei-koenige", LocalDate.of(year, Month.JANUARY, 6), EPIPHANY);
		if (year >= 2019) {
			add.add("frauentag", LocalDate.of(year, Month.MARCH, 8),
					(year >= 2023) ? EnumSet.of(State.BE, State.MV) : EnumSet.of(State.BE));
		}
		add.add("karfreitag", easter.minusDays(2), ALL);
		add.add("ostersonntag", easter, EASTER_AND_WHIT_SUNDAY);
		add.add("ostermontag", easter.plusDays(1), ALL);
		add.add("tag-der-arbeit", LocalDate.of(year, Month.MAY, 1), ALL);
		if (year == 2020 || year == 2025) {
			// Anniversaries of the end of the Second World War, by one-off Berlin laws
			add.add("tag-der-befreiung", LocalDate.of(year, Month.MAY, 8), EnumSet.of(State.BE));
		}
		add.add("christi-himmelfahrt", easter.plusDays(39), ALL);
		add.add("pfingstsonntag", easter.plusDays(49), EASTER_AND_WHIT_SUNDAY);
		add.add("pfingstmontag", easter.plusDays(50), ALL);
		add.add("fronleichnam", easter.plusDays(60), CORPUS_CHRISTI);
		add.add("mariae-himmelfahrt", LocalDate.of(year, Month.AUGUST, 15), EnumSet.of(State.SL));
		if (year >= 2019) {
			add.add("weltkindertag", LocalDate.of(year, Month.SEPTEMBER, 20), EnumSet.of(State.TH));
		}
		add.add("tag-der-deutschen-einheit", LocalDate.of(year, Month.OCTOBER, 3), ALL);
		add.add("reformationstag", LocalDate.of(year, Month.OCTOBER, 31), reformationDayStates(year));
		add.add("allerheiligen", LocalDate.of(year, Month.NOVEMBER, 1), ALL_SAINTS);
		// Buß- und Bettag: the Wednesday before 23 November; a holiday everywhere until
		// 1994, since then only in Saxony
		add.add("buss-und-bettag",
				LocalDate.of(year, Month.NOVEMBER, 23).with(TemporalAdjusters.previous(DayOfWeek.WEDNESDAY)),
				(year <= 1994) ? ALL : EnumSet.of(State.SN));
		add.add("erster-weihnachtstag", LocalDate.of(year, Month.DECEMBER, 25), ALL);
		add.add("zweiter-weihnachtstag", LocalDate.of(year, Month.DECEMBER, 26), ALL);
		holidays.sort(Comparator.comparing(Holiday::date));
		return List.copyOf(holidays);
	}

	private static Set<State> reformationDayStates(int year) {
		if (year == 2017) {
			// 500 years of the Reformation: once a holiday in every state
			return ALL;
		}
		Set<State> states = EnumSet.copyOf(REFORMATION_DAY_SINCE_1991);
		if (year >= 2018) {
			states.addAll(REFORMATION_DAY_SINCE_2018);
		}
		return states;
	}

	@FunctionalInterface
	private interface Adder {

		void add(String key, LocalDate date, Set<State> states);

	}

	private record Key(State state, int year) {
	}

}
