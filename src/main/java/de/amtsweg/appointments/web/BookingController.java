package de.amtsweg.appointments.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.CitizenAccounts;
import de.amtsweg.accounts.CitizenPrincipal;
import de.amtsweg.appointments.internal.AppointmentsProperties;
import de.amtsweg.appointments.internal.BookableService;
import de.amtsweg.appointments.internal.BookingLimitException;
import de.amtsweg.appointments.internal.BookingRateLimits;
import de.amtsweg.appointments.internal.Bookings;
import de.amtsweg.appointments.internal.Calendar;
import de.amtsweg.appointments.internal.Calendars;
import de.amtsweg.appointments.internal.SlotFinder;
import de.amtsweg.appointments.internal.SlotTakenException;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.ProofOfWork;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Booking an appointment: services at one location, number of persons, a free slot,
 * contact data; held until the citizen confirms by the e-mail link. The steps before the
 * last carry the choice in the address, so every page can be bookmarked and works without
 * JavaScript.
 */
@Controller
class BookingController {

	static final String POW_PURPOSE = "appointments.booking";

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private final Calendars calendars;

	private final SlotFinder slots;

	private final Bookings bookings;

	private final ServiceCatalog catalog;

	private final ProofOfWork proofOfWork;

	private final BookingRateLimits rateLimits;

	private final AppointmentsProperties properties;

	private final CitizenAccounts accounts;

	private final Clock clock;

	BookingController(Calendars calendars, SlotFinder slots, Bookings bookings, ServiceCatalog catalog,
			ProofOfWork proofOfWork, BookingRateLimits rateLimits, AppointmentsProperties properties,
			CitizenAccounts accounts, Clock clock) {
		this.calendars = calendars;
		this.slots = slots;
		this.bookings = bookings;
		this.catalog = catalog;
		this.proofOfWork = proofOfWork;
		this.rateLimits = rateLimits;
		this.properties = properties;
		this.accounts = accounts;
		this.clock = clock;
	}

	@GetMapping("/termine")
	String start(Municipality municipality, Model model) {
		List<CalendarChoice> choices = new ArrayList<>();
		for (Calendar calendar : this.calendars.of(municipality.id())) {
			List<BookableService> services = this.calendars.services(calendar.id())
				.stream()
				.filter(BookableService::active)
				.toList();
			if (calendar.active() && !services.isEmpty()) {
				choices.add(new CalendarChoice(calendar,
						this.catalog.location(municipality.id(), calendar.locationId())
							.map((location) -> location.name())
							.orElse(calendar.name()),
						services));
			}
		}
		model.addAttribute("municipality", municipality);
		model.addAttribute("choices", choices);
		return "appointments/start";
	}

	@GetMapping("/termine/zeiten")
	String times(Municipality municipality,
			@RequestParam(name = "kalender", required = false) @Nullable UUID calendarId,
			@RequestParam(name = "dienst", required = false) @Nullable List<UUID> serviceIds,
			@RequestParam(name = "personen", defaultValue = "1") int persons,
			@RequestParam(name = "tag", required = false) @Nullable LocalDate day, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (calendarId == null || serviceIds == null || serviceIds.isEmpty()) {
			redirect.addFlashAttribute("problem", "appointments.error.services.required");
			return "redirect:/termine";
		}
		Calendar calendar = this.calendars.get(municipality.id(), calendarId);
		List<BookableService> services = services(calendar, serviceIds);
		int minutes;
		try {
			minutes = minutes(services, persons);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", "appointments.error.persons.tooMany");
			return "redirect:/termine";
		}
		LocalDate today = LocalDate.now(this.clock);
		Map<LocalDate, List<SlotFinder.Slot>> free = this.slots.freeSlots(calendar, minutes, today,
				this.slots.lastBookableDay(calendar), false);
		LocalDate shown = (day != null && free.containsKey(day)) ? day
				: free.keySet().stream().findFirst().orElse(null);
		model.addAttribute("municipality", municipality);
		model.addAttribute("calendar", calendar);
		model.addAttribute("locationName", locationName(municipality, calendar));
		model.addAttribute("services", services);
		model.addAttribute("serviceNames", String.join(", ", services.stream().map((s) -> s.name(locale)).toList()));
		model.addAttribute("persons", persons);
		model.addAttribute("minutes", minutes);
		model.addAttribute("days", free.keySet());
		model.addAttribute("earliest", free.values().stream().findFirst().map((list) -> list.get(0)).orElse(null));
		model.addAttribute("day", shown);
		model.addAttribute("slots", (shown != null) ? free.get(shown) : List.of());
		model.addAttribute("nextDay", (shown != null)
				? free.keySet().stream().filter((d) -> d.isAfter(shown)).findFirst().orElse(null) : null);
		model.addAttribute("query", query(calendarId, serviceIds, persons));
		return "appointments/times";
	}

	@GetMapping("/termine/angaben")
	String details(Municipality municipality, @RequestParam("kalender") UUID calendarId,
			@RequestParam("dienst") List<UUID> serviceIds,
			@RequestParam(name = "personen", defaultValue = "1") int persons, @RequestParam("beginn") String start,
			@Nullable Authentication authentication, Model model, Locale locale) {
		Calendar calendar = this.calendars.get(municipality.id(), calendarId);
		String name = "";
		String email = "";
		if (authentication != null && authentication.getPrincipal() instanceof CitizenPrincipal citizen) {
			var profile = this.accounts.profile(citizen.accountId());
			if (profile.isPresent()) {
				name = (profile.get().givenName() + " " + profile.get().familyName()).trim();
				email = profile.get().email();
			}
		}
		DetailsForm form = new DetailsForm(calendarId, serviceIds, persons, start, name, email, "",
				UUID.randomUUID().toString(), this.proofOfWork.issue(POW_PURPOSE).token(), null);
		return detailsPage(model, municipality, calendar, form, locale);
	}

	@PostMapping("/termine/buchen")
	String book(Municipality municipality, @ModelAttribute("form") DetailsForm form, BindingResult result,
			@Nullable Authentication authentication, HttpServletRequest request, HttpServletResponse response,
			Model model, Locale locale, RedirectAttributes redirect) {
		if (form.kalender() == null) {
			throw new NotFoundException("Calendar");
		}
		Calendar calendar = this.calendars.get(municipality.id(), form.kalender());
		Instant start = start(form.beginn());
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (form.nameOrEmpty().isEmpty()) {
			problems.add("name", "appointments.error.name.required");
		}
		else if (form.nameOrEmpty().length() > 200) {
			problems.add("name", "appointments.error.name.tooLong");
		}
		if (form.emailOrEmpty().isEmpty()) {
			problems.add("email", "appointments.error.email.required");
		}
		else if (!form.emailOrEmpty().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || form.emailOrEmpty().length() > 254) {
			problems.add("email", "appointments.error.email.invalid");
		}
		if (form.phoneOrEmpty().length() > 40) {
			problems.add("telefon", "appointments.error.phone.tooLong");
		}
		String client = request.getRemoteAddr();
		ProofOfWork.Verdict verdict = this.proofOfWork.verify(POW_PURPOSE, form.powChallenge(), form.powSolution());
		try {
			problems.throwIfAny();
			if (verdict == ProofOfWork.Verdict.INVALID || verdict == ProofOfWork.Verdict.EXPIRED
					|| verdict == ProofOfWork.Verdict.REPLAYED) {
				throw InvalidInputException.of("", "appointments.error.proofOfWork");
			}
			boolean allowed = (verdict == ProofOfWork.Verdict.SOLVED)
					? this.rateLimits.attempt("booking", client, this.properties.bookingsPerClientPerHour())
					: this.rateLimits.attempt("booking-without-proof", client,
							this.properties.bookingsWithoutProofPerClientPerHour());
			if (!allowed) {
				throw InvalidInputException.of("", "appointments.error.rateLimited");
			}
			UUID accountId = (authentication != null
					&& authentication.getPrincipal() instanceof CitizenPrincipal citizen) ? citizen.accountId() : null;
			this.bookings.book(new Bookings.BookingRequest(municipality.id(), calendar.id(), form.services(),
					form.persons(), start, form.nameOrEmpty(), form.emailOrEmpty(), form.phoneOrEmpty(), accountId,
					locale, form.schluessel(), Bookings.Channel.ONLINE));
			redirect.addFlashAttribute("email", form.emailOrEmpty());
			return "redirect:/termine/vorgemerkt";
		}
		catch (SlotTakenException ex) {
			redirect.addFlashAttribute("problem", "appointments.error.slotTaken");
			return "redirect:/termine/zeiten" + query(calendar.id(), form.services(), form.persons());
		}
		catch (BookingLimitException ex) {
			result.reject("appointments.error.limit", new Object[] { ex.limit() }, "appointments.error.limit");
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("hasErrors", true);
		// a fresh challenge: the old one may be used up
		return detailsPage(model, municipality, calendar,
				form.withChallenge(this.proofOfWork.issue(POW_PURPOSE).token()), locale);
	}

	@GetMapping("/termine/vorgemerkt")
	String held(Model model) {
		model.addAttribute("minutes", this.properties.holdTime().toMinutes());
		return "appointments/held";
	}

	private String detailsPage(Model model, Municipality municipality, Calendar calendar, DetailsForm form,
			Locale locale) {
		List<BookableService> services = services(calendar, form.services());
		Instant start = start(form.beginn());
		model.addAttribute("municipality", municipality);
		model.addAttribute("form", form);
		model.addAttribute("calendar", calendar);
		model.addAttribute("locationName", locationName(municipality, calendar));
		model.addAttribute("serviceNames", String.join(", ", services.stream().map((s) -> s.name(locale)).toList()));
		model.addAttribute("start", LocalDateTime.ofInstant(start, BERLIN));
		model.addAttribute("minutes", minutes(services, form.persons()));
		model.addAttribute("difficulty", this.proofOfWork.difficulty());
		model.addAttribute("holdMinutes", this.properties.holdTime().toMinutes());
		model.addAttribute("back", "/termine/zeiten" + query(calendar.id(), form.services(), form.persons()));
		return "appointments/details";
	}

	private static Instant start(@Nullable String value) {
		try {
			if (value == null) {
				throw new NotFoundException("Slot");
			}
			return LocalDateTime.parse(value).atZone(BERLIN).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new NotFoundException("Slot " + value);
		}
	}

	private String locationName(Municipality municipality, Calendar calendar) {
		return this.catalog.location(municipality.id(), calendar.locationId())
			.map((location) -> location.name() + ", " + location.street() + ", " + location.postcode() + " "
					+ location.city())
			.orElse(calendar.name());
	}

	private List<BookableService> services(Calendar calendar, List<UUID> serviceIds) {
		Map<UUID, BookableService> offered = new LinkedHashMap<>();
		this.calendars.services(calendar.id())
			.stream()
			.filter(BookableService::active)
			.forEach((s) -> offered.put(s.id(), s));
		List<BookableService> chosen = serviceIds.stream().distinct().map(offered::get).toList();
		if (chosen.isEmpty() || chosen.contains(null)) {
			throw new NotFoundException("Service");
		}
		return chosen;
	}

	private static int minutes(List<BookableService> services, int persons) {
		int most = services.stream().mapToInt(BookableService::maxPersons).min().orElse(1);
		if (persons < 1 || persons > most) {
			throw InvalidInputException.of("personen", "appointments.error.persons.range", most);
		}
		return services.stream().mapToInt((service) -> service.minutesFor(persons)).sum();
	}

	static String query(UUID calendarId, List<UUID> serviceIds, int persons) {
		UriComponentsBuilder builder = UriComponentsBuilder.newInstance().queryParam("kalender", calendarId);
		serviceIds.forEach((id) -> builder.queryParam("dienst", id));
		return builder.queryParam("personen", persons).build().toUriString();
	}

	/**
	 * A location's calendar with its services, on the first page.
	 *
	 * @param calendar the calendar
	 * @param locationName the location
	 * @param services its bookable services
	 */
	record CalendarChoice(Calendar calendar, String locationName, List<BookableService> services) {
	}

}
