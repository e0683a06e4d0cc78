package de.amtsweg.catalog.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.OpeningPeriod;

/**
 * A weekly opening plan as one text field: one line per day, e.g. "Montag 08:00–12:30,
 * 14:00–18:00" (days may be shortened to "Mo"). Simpler to fill in than 14 time fields,
 * and it reads the same way it is shown.
 */
public final class OpeningHoursText {

	private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(Map.entry("montag", DayOfWeek.MONDAY),
			Map.entry("mo", DayOfWeek.MONDAY), Map.entry("dienstag", DayOfWeek.TUESDAY),
			Map.entry("di", DayOfWeek.TUESDAY), Map.entry("mittwoch", DayOfWeek.WEDNESDAY),
			Map.entry("mi", DayOfWeek.WEDNESDAY), Map.entry("donnerstag", DayOfWeek.THURSDAY),
			Map.entry("do", DayOfWeek.THURSDAY), Map.entry("freitag", DayOfWeek.FRIDAY),
			Map.entry("fr", DayOfWeek.FRIDAY), Map.entry("samstag", DayOfWeek.SATURDAY),
			Map.entry("sa", DayOfWeek.SATURDAY), Map.entry("sonntag", DayOfWeek.SUNDAY),
			Map.entry("so", DayOfWeek.SUNDAY));

	private static final Map<DayOfWeek, String> NAMES = new EnumMap<>(Map.of(DayOfWeek.MONDAY, "Montag",
			DayOfWeek.TUESDAY, "Dienstag", DayOfWeek.WEDNESDAY, "Mittwoch", DayOfWeek.THURSDAY, "Donnerstag",
			DayOfWeek.FRIDAY, "Freitag", DayOfWeek.SATURDAY, "Samstag", DayOfWeek.SUNDAY, "Sonntag"));

	private OpeningHoursText() {
	}

	/**
	 * The periods of the text.
	 * @param field the form field the text came from, for the error message
	 * @throws InvalidInputException naming the first line that cannot be read, or two
	 * periods that overlap
	 */
	public static List<OpeningPeriod> parse(String text, String field) {
		List<OpeningPeriod> periods = new ArrayList<>();
		String[] lines = text.split("\\R");
		for (int number = 1; number <= lines.length; number++) {
			String line = lines[number - 1].strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] dayAndTimes = line.split("\\s+", 2);
			DayOfWeek day = DAYS.get(dayAndTimes[0].replace(":", "").replace(".", "").toLowerCase(Locale.GERMAN));
			if (day == null || dayAndTimes.length < 2) {
				throw InvalidInputException.of(field, "catalog.location.openingHours.invalid", number);
			}
			for (String span : dayAndTimes[1].split("[,;]")) {
				String[] times = span.strip().replace("Uhr", "").strip().split("\\s*[-–—]\\s*");
				if (times.length != 2) {
					throw InvalidInputException.of(field, "catalog.location.openingHours.invalid", number);
				}
				try {
					LocalTime opens = LocalTime.parse(pad(times[0]));
					LocalTime closes = LocalTime.parse(pad(times[1]));
					if (!opens.isBefore(closes)) {
						throw InvalidInputException.of(field, "catalog.location.openingHours.invalid", number);
					}
					periods.add(new OpeningPeriod(day, opens, closes));
				}
				catch (DateTimeParseException ex) {
					throw InvalidInputException.of(field, "catalog.location.openingHours.invalid", number);
				}
			}
		}
		periods.sort(Comparator.comparing(OpeningPeriod::day).thenComparing(OpeningPeriod::opens));
		for (int i = 1; i < periods.size(); i++) {
			OpeningPeriod before = periods.get(i - 1);
			OpeningPeriod period = periods.get(i);
			if (before.day() == period.day() && period.opens().isBefore(before.closes())) {
				throw InvalidInputException.of(field, "catalog.location.openingHours.overlap", NAMES.get(period.day()));
			}
		}
		return List.copyOf(periods);
	}

	/** The plan as text in the same form {@link #parse} reads. */
	public static String format(List<OpeningPeriod> periods) {
		Map<DayOfWeek, List<OpeningPeriod>> byDay = new EnumMap<>(DayOfWeek.class);
		periods.forEach((period) -> byDay.computeIfAbsent(period.day(), (day) -> new ArrayList<>()).add(period));
		return byDay.entrySet()
			.stream()
			.map((entry) -> NAMES.get(entry.getKey()) + " "
					+ entry.getValue()
						.stream()
						.map((period) -> period.opens() + "–" + period.closes())
						.collect(Collectors.joining(", ")))
			.collect(Collectors.joining("\n"));
	}

	private static String pad(String time) {
		String value = time.strip().replace('.', ':');
		if (value.matches("\\d{1,2}")) {
			value = value + ":00";
		}
		return (value.length() == 4) ? "0" + value : value;
	}

}
