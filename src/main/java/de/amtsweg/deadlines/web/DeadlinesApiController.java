package de.amtsweg.deadlines.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import de.amtsweg.deadlines.DeadlinePeriod;
import de.amtsweg.deadlines.DeadlineResult;
import de.amtsweg.deadlines.Deadlines;
import de.amtsweg.deadlines.PeriodStart;
import de.amtsweg.deadlines.PublicHolidays;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.State;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deadline arithmetic and public holidays as public JSON, for citizens and other systems.
 * Names come in German, or in English with {@code ?sprache=en}.
 */
@RestController
class DeadlinesApiController {

	static final String DEADLINES = "/api/v1/deadlines";

	static final String HOLIDAYS = "/api/v1/holidays";

	private final Deadlines deadlines;

	private final PublicHolidays holidays;

	private final MessageSource messages;

	DeadlinesApiController(Deadlines deadlines, PublicHolidays holidays, MessageSource messages) {
		this.deadlines = deadlines;
		this.holidays = holidays;
		this.messages = messages;
	}

	/**
	 * The end of a period: {@code state} (two letters), {@code from} (ISO date),
	 * {@code period} (P10D, P2W, P1M, P1Y), optionally {@code start=day} for a period
	 * that starts at the beginning of {@code from} (BGB §187(2)).
	 */
	@GetMapping(DEADLINES)
	Map<String, Object> deadline(@RequestParam(name = "state", required = false) @Nullable String state,
			@RequestParam(name = "from", required = false) @Nullable String from,
			@RequestParam(name = "period", required = false) @Nullable String period,
			@RequestParam(name = "start", required = false) @Nullable String start, Locale locale) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		State knownState = DeadlineQuery.state(state, "state", problems);
		LocalDate day = DeadlineQuery.date(from, "from", problems);
		DeadlinePeriod knownPeriod = DeadlineQuery.period(period, "period", problems);
		PeriodStart periodStart = PeriodStart.AFTER_EVENT_DAY;
		if (start != null && !start.isBlank()) {
			switch (start.strip()) {
				case "event" -> periodStart = PeriodStart.AFTER_EVENT_DAY;
				case "day" -> periodStart = PeriodStart.BEGINNING_OF_DAY;
				default -> problems.add("start", "deadlines.error.start.invalid", start.strip());
			}
		}
		problems.throwIfAny();
		DeadlineResult result = compute(this.deadlines, Objects.requireNonNull(knownState), Objects.requireNonNull(day),
				Objects.requireNonNull(knownPeriod), periodStart);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("state", result.state().name());
		body.put("from", result.from().toString());
		body.put("period", result.period().toString());
		body.put("end", result.end().toString());
		body.put("shiftedBecause", result.shiftedOver()
			.stream()
			.map((skipped) -> skipped.date() + " " + this.messages.getMessage(skipped.messageKey(), null, locale))
			.toList());
		body.put("start", (result.start() == PeriodStart.BEGINNING_OF_DAY) ? "day" : "event");
		body.put("calculatedEnd", result.calculatedEnd().toString());
		return body;
	}

	/** The statewide public holidays of a year: {@code state}, {@code year}. */
	@GetMapping(HOLIDAYS)
	Map<String, Object> holidays(@RequestParam(name = "state", required = false) @Nullable String state,
			@RequestParam(name = "year", required = false) @Nullable String year, Locale locale) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		State knownState = DeadlineQuery.state(state, "state", problems);
		Integer knownYear = null;
		try {
			knownYear = Integer.valueOf(Objects.requireNonNullElse(year, "").strip());
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		if (knownYear == null || knownYear < PublicHolidays.FIRST_YEAR || knownYear > Deadlines.LAST_YEAR) {
			problems.add("year", "deadlines.error.year", PublicHolidays.FIRST_YEAR, Deadlines.LAST_YEAR);
		}
		problems.throwIfAny();
		List<Map<String, String>> days = this.holidays.holidays(Objects.requireNonNull(knownState), knownYear)
			.stream()
			.map((holiday) -> Map.of("date", holiday.date().toString(), "name",
					this.messages.getMessage(holiday.messageKey(), null, locale), "key", holiday.key()))
			.toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("state", knownState.name());
		body.put("year", knownYear);
		body.put("holidays", days);
		return body;
	}

	/** The deadline, or a problem with the period when it reaches too far. */
	static DeadlineResult compute(Deadlines deadlines, State state, LocalDate from, DeadlinePeriod period,
			PeriodStart start) {
		try {
			return deadlines.end(state, from, period, start, true);
		}
		catch (IllegalArgumentException | DateTimeException | ArithmeticException ex) {
			throw InvalidInputException.of("period", "deadlines.error.period.tooLong", Deadlines.LAST_YEAR);
		}
	}

}
