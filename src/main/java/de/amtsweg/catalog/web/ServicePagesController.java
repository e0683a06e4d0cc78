package de.amtsweg.catalog.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.catalog.LifeSituation;
import de.amtsweg.catalog.Location;
import de.amtsweg.catalog.OfferedService;
import de.amtsweg.catalog.OpeningCalendar;
import de.amtsweg.catalog.OpeningDay;
import de.amtsweg.catalog.SearchResult;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.catalog.ServiceFinder;
import de.amtsweg.catalog.ServiceSummary;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The citizen's finder: search, browsing by life situation and A–Z, and a service's page
 * with the current municipality's responsibility.
 */
@Controller
class ServicePagesController {

	/** How many hits a results page shows. */
	static final int PAGE_SIZE = 20;

	/** How far ahead a service page lists days with other opening hours. */
	static final int DEVIATION_DAYS = 42;

	private final ServiceFinder finder;

	private final ServiceCatalog catalog;

	private final OpeningCalendar calendar;

	private final MessageSource messages;

	private final Clock clock;

	ServicePagesController(ServiceFinder finder, ServiceCatalog catalog, OpeningCalendar calendar,
			MessageSource messages, Clock clock) {
		this.finder = finder;
		this.catalog = catalog;
		this.calendar = calendar;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/leistungen")
	String search(Municipality municipality, @RequestParam(name = "q", required = false) @Nullable String query,
			@RequestParam(name = "lebenslage", required = false) @Nullable String lifeSituation,
			@RequestParam(name = "online", required = false) @Nullable String online, Model model, Locale locale,
			HttpServletResponse response) {
		List<LifeSituation> lifeSituations = this.catalog.lifeSituations();
		String situation = (lifeSituation != null
				&& lifeSituations.stream().anyMatch((candidate) -> candidate.slug().equals(lifeSituation)))
						? lifeSituation : null;
		boolean onlineOnly = "ja".equals(online);
		model.addAttribute("municipality", municipality);
		model.addAttribute("lifeSituations", lifeSituations);
		model.addAttribute("query", (query != null) ? query : "");
		model.addAttribute("lifeSituation", situation);
		model.addAttribute("onlineOnly", onlineOnly);
		if (query == null || query.isBlank()) {
			if (situation != null || onlineOnly) {
				model.addAttribute("results",
						this.catalog.offeredServices(municipality.id(), situation, null)
							.stream()
							.filter((summary) -> !onlineOnly || summary.rollout().online())
							.toList());
			}
			model.addAttribute("initials", this.catalog.initials(municipality.id()));
			return "catalog/services";
		}
		try {
			SearchResult result = this.finder.search(municipality.id(), query.strip(), situation, onlineOnly,
					PAGE_SIZE);
			model.addAttribute("result", result);
		}
		catch (InvalidInputException ex) {
			InvalidInputException.FieldProblem problem = ex.problems().get(0);
			model.addAttribute("queryError",
					this.messages.getMessage(problem.messageKey(), problem.arguments(), problem.messageKey(), locale));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		return "catalog/services";
	}

	@GetMapping("/leistungen/a-z")
	String alphabetical(Municipality municipality,
			@RequestParam(name = "buchstabe", required = false) @Nullable String letter, Model model) {
		List<String> initials = this.catalog.initials(municipality.id());
		String chosen = (letter != null && initials.contains(letter.toLowerCase(Locale.ROOT)))
				? letter.toLowerCase(Locale.ROOT) : null;
		Map<String, List<ServiceSummary>> byInitial = new LinkedHashMap<>();
		for (ServiceSummary summary : this.catalog.offeredServices(municipality.id(), null, chosen)) {
			String initial = summary.slug().isEmpty() ? "" : initialOf(summary);
			byInitial.computeIfAbsent(initial, (key) -> new ArrayList<>()).add(summary);
		}
		model.addAttribute("municipality", municipality);
		model.addAttribute("initials", initials);
		model.addAttribute("letter", chosen);
		model.addAttribute("byInitial", byInitial);
		return "catalog/a-z";
	}

	@GetMapping("/lebenslagen/{slug}")
	String lifeSituation(Municipality municipality, @PathVariable String slug, Model model) {
		LifeSituation situation = this.catalog.lifeSituation(slug)
			.orElseThrow(() -> new NotFoundException("Life situation " + slug));
		model.addAttribute("municipality", municipality);
		model.addAttribute("situation", situation);
		model.addAttribute("lifeSituations", this.catalog.lifeSituations());
		model.addAttribute("services", this.catalog.offeredServices(municipality.id(), slug, null));
		return "catalog/life-situation";
	}

	@GetMapping("/leistungen/{slug}")
	String service(Municipality municipality, @PathVariable String slug, Model model, Locale locale,
			HttpServletRequest request) {
		OfferedService offered = this.catalog.offered(municipality.id(), slug)
			.orElseThrow(() -> new NotFoundException("Service " + slug));
		LocalDate today = LocalDate.now(this.clock);
		List<LocationHours> hours = new ArrayList<>();
		for (Location location : offered.locations()) {
			hours
				.add(new LocationHours(location, this.calendar.day(location, municipality.state(), today), this.calendar
					.deviations(location, municipality.state(), today.plusDays(1), today.plusDays(DEVIATION_DAYS))));
		}
		String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
		model.addAttribute("municipality", municipality);
		model.addAttribute("offered", offered);
		model.addAttribute("service", offered.service());
		model.addAttribute("responsibility", offered.responsibility());
		model.addAttribute("hours", hours);
		model.addAttribute("lifeSituations",
				this.catalog.lifeSituations()
					.stream()
					.filter((situation) -> offered.service().lifeSituations().contains(situation.slug()))
					.toList());
		model.addAttribute("jsonLd", GovernmentServiceJsonLd.of(offered, municipality, base,
				base + request.getRequestURI(), locale, this.messages));
		return "catalog/service";
	}

	private static String initialOf(ServiceSummary summary) {
		String folded = de.amtsweg.catalog.internal.SearchText.fold(summary.name().de());
		return folded.isEmpty() ? "" : folded.substring(0, 1);
	}

	/**
	 * A location with today's hours and the coming days that differ from its weekly plan.
	 *
	 * @param location the location
	 * @param today today's hours
	 * @param deviations days that differ, soonest first
	 */
	record LocationHours(Location location, OpeningDay today, List<OpeningDay> deviations) {
	}

}
