package de.amtsweg.platform.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.amtsweg.platform.InvalidInputException.FieldProblem;
import de.amtsweg.platform.OpeningPeriod;
import org.jspecify.annotations.Nullable;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The weekly opening plan as an admin types it without JavaScript: for each weekday up to
 * {@value #PERIODS} periods, each an opening and a closing time such as {@code 08:00}.
 * Fields are named {@code hours[MONDAY-1-opens]}; an error names the day and the period,
 * so the error summary says which of the many time fields is meant.
 */
final class OpeningHoursInput {

	static final int PERIODS = 2;

	static final List<DayOfWeek> DAYS = List.of(DayOfWeek.values());

	private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3]):([0-5][0-9])");

	private OpeningHoursInput() {
	}

	/** The key of one time field, e.g. {@code MONDAY-1-opens}. */
	static String key(DayOfWeek day, int period, String edge) {
		return day.name() + "-" + period + "-" + edge;
	}

	/**
	 * The fields for a stored plan. A day with more periods than the editor has shows the
	 * first ones only.
	 */
	static Map<String, String> fields(List<OpeningPeriod> periods) {
		Map<String, String> fields = new HashMap<>();
		for (DayOfWeek day : DAYS) {
			List<OpeningPeriod> ofDay = periods.stream()
				.filter((period) -> period.day() == day)
				.sorted(Comparator.comparing(OpeningPeriod::opens))
				.toList();
			for (int i = 0; i < Math.min(PERIODS, ofDay.size()); i++) {
				fields.put(key(day, i + 1, "opens"), format(ofDay.get(i).opens()));
				fields.put(key(day, i + 1, "closes"), format(ofDay.get(i).closes()));
			}
		}
		return fields;
	}

	/** Reads the fields: the periods they describe, or why they describe none. */
	static Parsed parse(Map<String, String> fields) {
		List<OpeningPeriod> periods = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (DayOfWeek day : DAYS) {
			@Nullable OpeningPeriod before = null;
			for (int period = 1; period <= PERIODS; period++) {
				String opensKey = key(day, period, "opens");
				String closesKey = key(day, period, "closes");
				String opensText = fields.getOrDefault(opensKey, "").trim();
				String closesText = fields.getOrDefault(closesKey, "").trim();
				if (opensText.isEmpty() && closesText.isEmpty()) {
					continue;
				}
				Object[] arguments = { new DefaultMessageSourceResolvable("day." + day.name()), period };
				@Nullable LocalTime opens = parseTime(opensText);
				@Nullable LocalTime closes = parseTime(closesText);
				if (opens == null) {
					problems.add(new FieldProblem(field(opensKey),
							opensText.isEmpty() ? "admin.hours.opens.missing" : "admin.hours.opens.invalid",
							arguments));
				}
				if (closes == null) {
					problems.add(new FieldProblem(field(closesKey),
							closesText.isEmpty() ? "admin.hours.closes.missing" : "admin.hours.closes.invalid",
							arguments));
				}
				if (opens == null || closes == null) {
					continue;
				}
				if (!closes.isAfter(opens)) {
					problems.add(new FieldProblem(field(closesKey), "admin.hours.closes.notAfterOpens", arguments));
					continue;
				}
				if (before != null && opens.isBefore(before.closes())) {
					problems.add(new FieldProblem(field(opensKey), "admin.hours.overlap", arguments));
					continue;
				}
				before = new OpeningPeriod(day, opens, closes);
				periods.add(before);
			}
		}
		return new Parsed(periods, problems);
	}

	/** The form field of a key, as the page and the binding result name it. */
	static String field(String key) {
		return "hours[" + key + "]";
	}

	private static @Nullable LocalTime parseTime(String text) {
		Matcher matcher = TIME.matcher(text);
		if (!matcher.matches()) {
			return null;
		}
		return LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
	}

	private static String format(LocalTime time) {
		return String.format("%02d:%02d", time.getHour(), time.getMinute());
	}

	/**
	 * What the fields say.
	 *
	 * @param periods the valid periods
	 * @param problems one per field that is wrong
	 */
	record Parsed(List<OpeningPeriod> periods, List<FieldProblem> problems) {
	}

}
