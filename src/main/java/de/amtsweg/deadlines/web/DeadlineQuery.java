package de.amtsweg.deadlines.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import de.amtsweg.deadlines.Deadlines;
import de.amtsweg.deadlines.DeadlinePeriod;
import de.amtsweg.deadlines.PublicHolidays;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.State;
import org.jspecify.annotations.Nullable;

/**
 * Reads the parameters of the deadline API and page, with one message per bad parameter.
 */
final class DeadlineQuery {

	private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("d.M.uuuu")
		.withResolverStyle(java.time.format.ResolverStyle.STRICT);

	private DeadlineQuery() {
	}

	static @Nullable State state(@Nullable String code, String field, InvalidInputException.Collector problems) {
		if (code == null || code.isBlank()) {
			problems.add(field, "deadlines.error.state.missing");
			return null;
		}
		Optional<State> state = State.fromCode(code.strip());
		if (state.isEmpty()) {
			problems.add(field, "deadlines.error.state.unknown", code.strip());
			return null;
		}
		return state.get();
	}

	static @Nullable LocalDate date(@Nullable String text, String field, InvalidInputException.Collector problems) {
		if (text == null || text.isBlank()) {
			problems.add(field, "deadlines.error.date.missing");
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			try {
				date = LocalDate.parse(text.strip(), GERMAN);
			}
			catch (DateTimeParseException again) {
				problems.add(field, "deadlines.error.date.invalid", text.strip());
				return null;
			}
		}
		if (date.getYear() < PublicHolidays.FIRST_YEAR || date.getYear() > Deadlines.LAST_YEAR - 100) {
			problems.add(field, "deadlines.error.date.range", PublicHolidays.FIRST_YEAR, Deadlines.LAST_YEAR - 100);
			return null;
		}
		return date;
	}

	static @Nullable DeadlinePeriod period(@Nullable String text, String field,
			InvalidInputException.Collector problems) {
		if (text == null || text.isBlank()) {
			problems.add(field, "deadlines.error.period.missing");
			return null;
		}
		String normalised = text.strip().toUpperCase(Locale.ROOT);
		if (normalised.startsWith("-") || normalised.startsWith("P-") || normalised.matches("P0+[DWMY]")) {
			problems.add(field, "deadlines.error.period.notPositive", text.strip());
			return null;
		}
		Optional<DeadlinePeriod> period = DeadlinePeriod.parse(normalised);
		if (period.isEmpty()) {
			problems.add(field, "deadlines.error.period.invalid", text.strip(), DeadlinePeriod.MAX_AMOUNT);
			return null;
		}
		return period.get();
	}

}
