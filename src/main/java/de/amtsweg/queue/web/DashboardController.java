package de.amtsweg.queue.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import de.amtsweg.catalog.Location;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.platform.Municipality;
import de.amtsweg.queue.internal.QueueAccess;
import de.amtsweg.queue.internal.QueueSetup;
import de.amtsweg.queue.internal.QueueStatistics;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The office manager's view: the line right now (refreshing itself) and the daily
 * statistics with a CSV export.
 */
@Controller
@RequestMapping("/intern/aufruf/uebersicht")
class DashboardController {

	private static final int MAX_DAYS = 366;

	private final ServiceCatalog catalog;

	private final QueueSetup setup;

	private final QueueStatistics statistics;

	private final QueueAccess access;

	private final MessageSource messages;

	DashboardController(ServiceCatalog catalog, QueueSetup setup, QueueStatistics statistics, QueueAccess access,
			MessageSource messages) {
		this.catalog = catalog;
		this.setup = setup;
		this.statistics = statistics;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping
	String locations(Municipality municipality, Model model) {
		this.access.requireStaffOf(municipality.id());
		List<Location> locations = new ArrayList<>();
		for (Location location : this.catalog.locations(municipality.id())) {
			if (!this.setup.groups(location.id()).isEmpty()) {
				locations.add(location);
			}
		}
		model.addAttribute("locations", locations);
		return "queue/dashboard-locations";
	}

	@GetMapping("/{locationId}")
	String dashboard(Municipality municipality, @PathVariable UUID locationId,
			@RequestParam(name = "von", required = false) @Nullable String from,
			@RequestParam(name = "bis", required = false) @Nullable String to, Model model, Locale locale) {
		this.access.requireStaffOf(municipality.id());
		Location location = this.setup.location(municipality.id(), locationId);
		Range range = range(from, to);
		model.addAttribute("location", location);
		model.addAttribute("now", this.statistics.now(locationId));
		model.addAttribute("daily", this.statistics.daily(locationId, range.from(), range.to()));
		model.addAttribute("from", range.from());
		model.addAttribute("to", range.to());
		model.addAttribute("locale", locale);
		return "queue/dashboard";
	}

	@GetMapping("/{locationId}/statistik.csv")
	ResponseEntity<byte[]> csv(Municipality municipality, @PathVariable UUID locationId,
			@RequestParam(name = "von", required = false) @Nullable String from,
			@RequestParam(name = "bis", required = false) @Nullable String to, Locale locale) {
		this.access.requireStaffOf(municipality.id());
		Location location = this.setup.location(municipality.id(), locationId);
		Range range = range(from, to);
		StringBuilder csv = new StringBuilder();
		csv.append(this.messages.getMessage("queue.csv.header", null, locale)).append("\r\n");
		for (QueueStatistics.DayFigures day : this.statistics.daily(locationId, range.from(), range.to())) {
			csv.append(day.day())
				.append(';')
				.append(cell(day.group().prefix()))
				.append(';')
				.append(cell(day.group().name(locale)))
				.append(';')
				.append(day.issued())
				.append(';')
				.append(day.served())
				.append(';')
				.append(day.noShows())
				.append(';')
				.append(minutes(day.averageWait()))
				.append(';')
				.append(minutes(day.longestWait()))
				.append(';')
				.append(minutes(day.averageServiceTime()))
				.append("\r\n");
		}
		String fileName = "aufruf-" + location.key() + "-" + range.from() + "-" + range.to() + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.body(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A range of days; today by default.
	 *
	 * @param from first day
	 * @param to last day
	 */
	record Range(LocalDate from, LocalDate to) {

	}

	private Range range(@Nullable String from, @Nullable String to) {
		LocalDate today = this.statistics.today();
		LocalDate start = parse(from, today);
		LocalDate end = parse(to, today);
		if (end.isBefore(start)) {
			LocalDate swap = start;
			start = end;
			end = swap;
		}
		if (start.plusDays(MAX_DAYS).isBefore(end)) {
			start = end.minusDays(MAX_DAYS);
		}
		return new Range(start, end);
	}

	private static LocalDate parse(@Nullable String day, LocalDate fallback) {
		if (day == null || day.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(day.strip());
		}
		catch (DateTimeParseException ex) {
			return fallback;
		}
	}

	static String minutes(Duration duration) {
		return String.format(Locale.ROOT, "%.1f", duration.toSeconds() / 60.0);
	}

	/** A text cell: quoted, and never read as a formula by a spreadsheet. */
	static String cell(String text) {
		String safe = (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) ? "'" + text : text;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

}
