package de.amtsweg.appointments.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.appointments.internal.BookableService;
import de.amtsweg.appointments.internal.Calendar;
import de.amtsweg.appointments.internal.Calendars;
import de.amtsweg.appointments.internal.Counter;
import de.amtsweg.appointments.web.AdminForms.BlockForm;
import de.amtsweg.appointments.web.AdminForms.CalendarForm;
import de.amtsweg.appointments.web.AdminForms.CounterForm;
import de.amtsweg.appointments.web.AdminForms.ServiceForm;
import de.amtsweg.catalog.Location;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.catalog.ServiceSummary;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Admin pages of the appointment calendars: a calendar per location and org unit with its
 * slot grid, lead time, horizon, buffer and daily release time; its counters, bookable
 * services with durations, and blocked times.
 */
@Controller
@RequestMapping(CalendarAdminController.BASE)
class CalendarAdminController {

	static final String BASE = "/intern/admin/termine";

	private static final String NOTICE = "notice";

	private static final String NOTICE_NAME = "noticeName";

	private static final String SAVED = "appointments.admin.notice.saved";

	private final CalendarAccess access;

	private final Calendars calendars;

	private final ServiceCatalog catalog;

	private final OrgUnits orgUnits;

	private final Municipalities municipalities;

	private final Clock clock;

	CalendarAdminController(CalendarAccess access, Calendars calendars, ServiceCatalog catalog, OrgUnits orgUnits,
			Municipalities municipalities, Clock clock) {
		this.access = access;
		this.calendars = calendars;
		this.catalog = catalog;
		this.orgUnits = orgUnits;
		this.municipalities = municipalities;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(name = "gemeinde", required = false) @Nullable String slug, Model model) {
		Municipality municipality = this.access.adminMunicipality(slug);
		model.addAttribute("portalAdmin", this.access.portalAdmin());
		model.addAttribute("municipalities", this.access.choosableMunicipalities());
		model.addAttribute("municipality", municipality);
		if (municipality != null) {
			Map<UUID, String> locations = new LinkedHashMap<>();
			this.catalog.locations(municipality.id()).forEach((l) -> locations.put(l.id(), l.name()));
			Map<UUID, String> units = new LinkedHashMap<>();
			this.orgUnits.of(municipality.id()).forEach((u) -> units.put(u.id(), u.name()));
			model.addAttribute("calendars", this.calendars.of(municipality.id()));
			model.addAttribute("locationNames", locations);
			model.addAttribute("unitNames", units);
		}
		return "appointments/admin/calendars";
	}

	@GetMapping("/neu")
	String newCalendar(@RequestParam(name = "gemeinde", required = false) @Nullable String slug, Model model) {
		Municipality municipality = required(slug);
		return calendarForm(model, municipality, null, CalendarForm.empty());
	}

	@PostMapping("/neu")
	String create(@RequestParam(name = "gemeinde", required = false) @Nullable String slug,
			@ModelAttribute("form") CalendarForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Municipality municipality = required(slug);
		try {
			InvalidInputException.Collector problems = new InvalidInputException.Collector();
			UUID location = AdminForms.uuid(form.location());
			if (location == null || this.catalog.location(municipality.id(), location).isEmpty()) {
				problems.add("location", "appointments.admin.error.location");
			}
			UUID unit = AdminForms.uuid(form.orgUnit());
			if (unit == null || this.orgUnits.byId(unit)
				.filter((found) -> found.municipalityId().equals(municipality.id()))
				.isEmpty()) {
				problems.add("orgUnit", "appointments.admin.error.orgUnit");
			}
			Calendars.Settings settings = form.settings(problems);
			UUID id = this.calendars.create(municipality.id(), location, unit, settings);
			redirect.addFlashAttribute(NOTICE, "appointments.admin.notice.created");
			redirect.addFlashAttribute(NOTICE_NAME, settings.name().trim());
			return "redirect:" + BASE + "/" + id;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return calendarForm(model, municipality, null, form);
		}
	}

	@GetMapping("/{calendarId}")
	String edit(@PathVariable UUID calendarId, Model model) {
		Calendar calendar = this.access.administered(calendarId);
		return calendarForm(model, this.municipalities.get(calendar.municipalityId()), calendar,
				CalendarForm.of(calendar));
	}

	@PostMapping("/{calendarId}")
	String update(@PathVariable UUID calendarId, @ModelAttribute("form") CalendarForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Calendar calendar = this.access.administered(calendarId);
		try {
			Calendars.Settings settings = form.settings(new InvalidInputException.Collector());
			this.calendars.update(calendar.municipalityId(), calendarId, settings);
			redirect.addFlashAttribute(NOTICE, SAVED);
			redirect.addFlashAttribute(NOTICE_NAME, settings.name().trim());
			return "redirect:" + BASE + "/" + calendarId;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return calendarForm(model, this.municipalities.get(calendar.municipalityId()), calendar, form);
		}
	}

	@GetMapping("/{calendarId}/schalter/neu")
	String newCounter(@PathVariable UUID calendarId, Model model) {
		return counterForm(model, this.access.administered(calendarId), new CounterForm(""));
	}

	@PostMapping("/{calendarId}/schalter/neu")
	String addCounter(@PathVariable UUID calendarId, @ModelAttribute("form") CounterForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Calendar calendar = this.access.administered(calendarId);
		try {
			this.calendars.addCounter(calendar.municipalityId(), calendarId, form.name());
			redirect.addFlashAttribute(NOTICE, "appointments.admin.notice.counterAdded");
			redirect.addFlashAttribute(NOTICE_NAME, form.name());
			return "redirect:" + BASE + "/" + calendarId + "#schalter";
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return counterForm(model, calendar, form);
		}
	}

	@PostMapping("/{calendarId}/schalter/{counterId}")
	String setCounterActive(@PathVariable UUID calendarId, @PathVariable UUID counterId,
			@RequestParam(name = "aktiv", defaultValue = "false") boolean active, RedirectAttributes redirect) {
		Calendar calendar = this.access.administered(calendarId);
		this.calendars.setCounterActive(calendar.municipalityId(), calendarId, counterId, active);
		redirect.addFlashAttribute(NOTICE, SAVED);
		redirect.addFlashAttribute(NOTICE_NAME, calendar.name());
		return "redirect:" + BASE + "/" + calendarId + "#schalter";
	}

	@GetMapping("/{calendarId}/dienste/neu")
	String newService(@PathVariable UUID calendarId, Model model, Locale locale) {
		return serviceForm(model, this.access.administered(calendarId), null, ServiceForm.empty(), locale);
	}

	@PostMapping("/{calendarId}/dienste/neu")
	String addService(@PathVariable UUID calendarId, @ModelAttribute("form") ServiceForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
		Calendar calendar = this.access.administered(calendarId);
		try {
			InvalidInputException.Collector problems = new InvalidInputException.Collector();
			UUID responsibility = AdminForms.uuid(form.responsibility());
			if (responsibility == null
					|| this.catalog.responsibility(calendar.municipalityId(), responsibility).isEmpty()) {
				problems.add("responsibility", "appointments.admin.error.responsibility");
			}
			Calendars.ServiceSettings settings = form.settings(problems);
			this.calendars.addService(calendar.municipalityId(), calendarId, responsibility, settings);
			redirect.addFlashAttribute(NOTICE, "appointments.admin.notice.serviceAdded");
			redirect.addFlashAttribute(NOTICE_NAME, form.nameDe());
			return "redirect:" + BASE + "/" + calendarId + "#dienste";
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return serviceForm(model, calendar, null, form, locale);
		}
	}

	@GetMapping("/{calendarId}/dienste/{serviceId}")
	String editService(@PathVariable UUID calendarId, @PathVariable UUID serviceId, Model model, Locale locale) {
		Calendar calendar = this.access.administered(calendarId);
		BookableService service = service(calendar, serviceId);
		return serviceForm(model, calendar, service, ServiceForm.of(service), locale);
	}

	@PostMapping("/{calendarId}/dienste/{serviceId}")
	String updateService(@PathVariable UUID calendarId, @PathVariable UUID serviceId,
			@ModelAttribute("form") ServiceForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Locale locale) {
		Calendar calendar = this.access.administered(calendarId);
		BookableService service = service(calendar, serviceId);
		try {
			this.calendars.updateService(calendar.municipalityId(), calendarId, serviceId,
					form.settings(new InvalidInputException.Collector()));
			redirect.addFlashAttribute(NOTICE, SAVED);
			redirect.addFlashAttribute(NOTICE_NAME, form.nameDe());
			return "redirect:" + BASE + "/" + calendarId + "#dienste";
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return serviceForm(model, calendar, service, form, locale);
		}
	}

	@GetMapping("/{calendarId}/sperrzeiten/neu")
	String newBlock(@PathVariable UUID calendarId, Model model) {
		Calendar calendar = this.access.administered(calendarId);
		return blockForm(model, calendar, BlockForm.on(LocalDate.now(this.clock)));
	}

	@PostMapping("/{calendarId}/sperrzeiten/neu")
	String addBlock(@PathVariable UUID calendarId, @ModelAttribute("form") BlockForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Calendar calendar = this.access.administered(calendarId);
		try {
			BlockForm.Times times = form.times();
			this.calendars.block(calendar.municipalityId(), calendarId, counter(calendar, form.counter()), times.from(),
					times.until(), form.reason());
			redirect.addFlashAttribute(NOTICE, "appointments.admin.notice.blocked");
			redirect.addFlashAttribute(NOTICE_NAME, calendar.name());
			return "redirect:" + BASE + "/" + calendarId + "#sperrzeiten";
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return blockForm(model, calendar, form);
		}
	}

	@PostMapping("/{calendarId}/sperrzeiten/{blockId}/loeschen")
	String unblock(@PathVariable UUID calendarId, @PathVariable UUID blockId, RedirectAttributes redirect) {
		Calendar calendar = this.access.administered(calendarId);
		this.calendars.unblock(calendar.municipalityId(), calendarId, blockId);
		redirect.addFlashAttribute(NOTICE, "appointments.admin.notice.unblocked");
		redirect.addFlashAttribute(NOTICE_NAME, calendar.name());
		return "redirect:" + BASE + "/" + calendarId + "#sperrzeiten";
	}

	/** The counter chosen in a form (empty: all), one of the calendar's. */
	static @Nullable UUID counter(Calendar calendar, String chosen) {
		if (chosen.isBlank()) {
			return null;
		}
		UUID id = AdminForms.uuid(chosen);
		if (id == null) {
			throw InvalidInputException.of("counter", "appointments.staff.error.counter");
		}
		return id;
	}

	private Municipality required(@Nullable String slug) {
		Municipality municipality = this.access.adminMunicipality(slug);
		if (municipality == null) {
			throw new NotFoundException("No municipality chosen");
		}
		return municipality;
	}

	private BookableService service(Calendar calendar, UUID serviceId) {
		return this.calendars.services(calendar.id())
			.stream()
			.filter((s) -> s.id().equals(serviceId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Service " + serviceId));
	}

	private String calendarForm(Model model, Municipality municipality, @Nullable Calendar calendar,
			CalendarForm form) {
		model.addAttribute("municipality", municipality);
		model.addAttribute("calendar", calendar);
		model.addAttribute("form", form);
		if (calendar == null) {
			Map<String, String> locations = new LinkedHashMap<>();
			for (Location location : this.catalog.locations(municipality.id())) {
				locations.put(location.id().toString(), location.name());
			}
			Map<String, String> units = new LinkedHashMap<>();
			for (OrgUnit unit : this.orgUnits.of(municipality.id())) {
				units.put(unit.id().toString(), unit.name());
			}
			model.addAttribute("locations", locations);
			model.addAttribute("orgUnits", units);
			model.addAttribute("action",
					UriComponentsBuilder.fromPath(BASE + "/neu")
						.queryParam("gemeinde", municipality.slug())
						.build()
						.toUriString());
			model.addAttribute("back", backToList(municipality));
		}
		else {
			Instant now = this.clock.instant();
			model.addAttribute("location",
					this.catalog.location(municipality.id(), calendar.locationId()).map(Location::name).orElse(""));
			model.addAttribute("orgUnit", this.orgUnits.byId(calendar.orgUnitId()).map(OrgUnit::name).orElse(""));
			List<Counter> counters = this.calendars.counters(calendar.id());
			model.addAttribute("counters", counters);
			model.addAttribute("services", this.calendars.services(calendar.id()));
			model.addAttribute("blocks", BlockRow.of(
					this.calendars.blocks(calendar.id(), now, now.plus(Duration.ofDays(calendar.horizonDays() + 30L))),
					counters));
			model.addAttribute("action", BASE + "/" + calendar.id());
			model.addAttribute("back", backToList(municipality));
		}
		return "appointments/admin/calendar";
	}

	private String backToList(Municipality municipality) {
		return this.access.portalAdmin()
				? UriComponentsBuilder.fromPath(BASE).queryParam("gemeinde", municipality.slug()).build().toUriString()
				: BASE;
	}

	private String counterForm(Model model, Calendar calendar, CounterForm form) {
		model.addAttribute("calendar", calendar);
		model.addAttribute("form", form);
		return "appointments/admin/counter-form";
	}

	private String serviceForm(Model model, Calendar calendar, @Nullable BookableService service, ServiceForm form,
			Locale locale) {
		model.addAttribute("calendar", calendar);
		model.addAttribute("service", service);
		model.addAttribute("form", form);
		if (service == null) {
			Map<String, String> offered = new LinkedHashMap<>();
			for (ServiceSummary summary : this.catalog.offeredServices(calendar.municipalityId(), null, null)) {
				offered.put(summary.responsibilityId().toString(), summary.name().in(locale));
			}
			model.addAttribute("responsibilities", offered);
		}
		model.addAttribute("action",
				BASE + "/" + calendar.id() + "/dienste/" + ((service != null) ? service.id() : "neu"));
		return "appointments/admin/service-form";
	}

	private String blockForm(Model model, Calendar calendar, BlockForm form) {
		model.addAttribute("calendar", calendar);
		model.addAttribute("form", form);
		model.addAttribute("counters", counterOptions(calendar));
		model.addAttribute("action", BASE + "/" + calendar.id() + "/sperrzeiten/neu");
		model.addAttribute("back", BASE + "/" + calendar.id() + "#sperrzeiten");
		return "appointments/block-form";
	}

	Map<String, String> counterOptions(Calendar calendar) {
		Map<String, String> options = new LinkedHashMap<>();
		this.calendars.counters(calendar.id()).forEach((c) -> options.put(c.id().toString(), c.name()));
		return options;
	}

}
