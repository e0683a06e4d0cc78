package de.amtsweg.appointments.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.appointments.AppointmentStatus;
import de.amtsweg.appointments.internal.Appointment;
import de.amtsweg.appointments.internal.AppointmentRepository;
import de.amtsweg.appointments.internal.BookableService;
import de.amtsweg.appointments.internal.BookingLimitException;
import de.amtsweg.appointments.internal.Bookings;
import de.amtsweg.appointments.internal.Calendar;
import de.amtsweg.appointments.internal.Calendars;
import de.amtsweg.appointments.internal.Counter;
import de.amtsweg.appointments.internal.ICalendar;
import de.amtsweg.appointments.internal.SlotFinder;
import de.amtsweg.appointments.internal.SlotTakenException;
import de.amtsweg.appointments.web.AdminForms.BlockForm;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.PdfRenderer;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff's appointment pages: the day list of a calendar per counter and a week
 * overview, blocking times, booking for a caller, arrivals and no-shows, the day list as
 * CSV and PDF, statistics; and the iCalendar feed of a counter (public, secret address).
 * Staff see only the calendars of their org units in their municipality; any other is
 * answered with 404.
 */
@Controller
class StaffAppointmentsController {

	static final String BASE = "/intern/termine";

	private static final String RECORD = "appointment-calendar";

	private static final String NOTICE = "notice";

	private static final String NOTICE_NAME = "noticeName";

	private final CalendarAccess access;

	private final Calendars calendars;

	private final AppointmentRepository appointments;

	private final Bookings bookings;

	private final SlotFinder slots;

	private final AuditLog auditLog;

	private final PdfRenderer pdf;

	private final Clock clock;

	StaffAppointmentsController(CalendarAccess access, Calendars calendars, AppointmentRepository appointments,
			Bookings bookings, SlotFinder slots, AuditLog auditLog, PdfRenderer pdf, Clock clock) {
		this.access = access;
		this.calendars = calendars;
		this.appointments = appointments;
		this.bookings = bookings;
		this.slots = slots;
		this.auditLog = auditLog;
		this.pdf = pdf;
		this.clock = clock;
	}

	@GetMapping(BASE)
	String calendars(Model model) {
		model.addAttribute("calendars", this.access.workedCalendars());
		return "appointments/staff/calendars";
	}

	@GetMapping(BASE + "/{calendarId}")
	@Transactional
	String day(@PathVariable UUID calendarId, @RequestParam(name = "tag", required = false) @Nullable String day,
			Model model, Locale locale) {
		Calendar calendar = this.access.worked(calendarId);
		LocalDate date = day(day);
		DayList list = dayList(calendar, date, locale);
		model.addAttribute("calendar", calendar);
		model.addAttribute("day", date);
		model.addAttribute("list", list);
		model.addAttribute("blocks",
				BlockRow.of(this.calendars.blocks(calendarId, start(date), start(date.plusDays(1))), list.counters()));
		model.addAttribute("previous", date.minusDays(1));
		model.addAttribute("next", date.plusDays(1));
		return "appointments/staff/day";
	}

	@GetMapping(BASE + "/{calendarId}/woche")
	@Transactional(readOnly = true)
	String week(@PathVariable UUID calendarId, @RequestParam(name = "tag", required = false) @Nullable String day,
			Model model) {
		Calendar calendar = this.access.worked(calendarId);
		LocalDate monday = day(day).with(java.time.DayOfWeek.MONDAY);
		List<Counter> counters = this.calendars.counters(calendarId);
		List<Appointment> booked = this.appointments.ofCalendar(calendarId, start(monday), start(monday.plusDays(7)));
		List<WeekDay> days = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			LocalDate date = monday.plusDays(i);
			Map<UUID, Integer> perCounter = new HashMap<>();
			booked.stream()
				.filter((a) -> local(a.startsAt()).toLocalDate().equals(date))
				.forEach((a) -> perCounter.merge(a.counterId(), 1, Integer::sum));
			int free = this.slots.freeSlots(calendar, calendar.slotMinutes(), date, date, true)
				.values()
				.stream()
				.mapToInt(List::size)
				.sum();
			days.add(
					new WeekDay(date, counters.stream().map((c) -> perCounter.getOrDefault(c.id(), 0)).toList(), free));
		}
		model.addAttribute("calendar", calendar);
		model.addAttribute("counters", counters);
		model.addAttribute("days", days);
		model.addAttribute("monday", monday);
		model.addAttribute("previous", monday.minusDays(7));
		model.addAttribute("next", monday.plusDays(7));
		return "appointments/staff/week";
	}

	@PostMapping(BASE + "/{calendarId}/termine/{appointmentId}/{mark}")
	String mark(@PathVariable UUID calendarId, @PathVariable UUID appointmentId, @PathVariable String mark,
			RedirectAttributes redirect) {
		Calendar calendar = this.access.worked(calendarId);
		Appointment appointment = this.appointments.find(appointmentId)
			.filter((a) -> a.calendarId().equals(calendar.id()))
			.orElseThrow(() -> new NotFoundException("Appointment " + appointmentId));
		AppointmentStatus status = switch (mark) {
			case "angekommen" -> AppointmentStatus.ARRIVED;
			case "nicht-erschienen" -> AppointmentStatus.NO_SHOW;
			default -> throw new NotFoundException("Mark " + mark);
		};
		this.bookings.mark(appointmentId, status);
		redirect.addFlashAttribute(NOTICE, "appointments.staff.notice." + status.name());
		redirect.addFlashAttribute(NOTICE_NAME, appointment.name());
		return "redirect:" + BASE + "/" + calendarId + "?tag=" + local(appointment.startsAt()).toLocalDate();
	}

	@GetMapping(BASE + "/{calendarId}/sperren")
	String newBlock(@PathVariable UUID calendarId, @RequestParam(name = "tag", required = false) @Nullable String day,
			Model model) {
		Calendar calendar = this.access.worked(calendarId);
		return blockForm(model, calendar, BlockForm.on(day(day)));
	}

	@PostMapping(BASE + "/{calendarId}/sperren")
	String block(@PathVariable UUID calendarId, @ModelAttribute("form") BlockForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Calendar calendar = this.access.worked(calendarId);
		try {
			BlockForm.Times times = form.times();
			this.calendars.block(calendar.municipalityId(), calendarId,
					CalendarAdminController.counter(calendar, form.counter()), times.from(), times.until(),
					form.reason());
			redirect.addFlashAttribute(NOTICE, "appointments.admin.notice.blocked");
			redirect.addFlashAttribute(NOTICE_NAME, calendar.name());
			return "redirect:" + BASE + "/" + calendarId + "?tag=" + local(times.from()).toLocalDate();
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return blockForm(model, calendar, form);
		}
	}

	@PostMapping(BASE + "/{calendarId}/sperrzeiten/{blockId}/loeschen")
	String unblock(@PathVariable UUID calendarId, @PathVariable UUID blockId, RedirectAttributes redirect) {
		Calendar calendar = this.access.worked(calendarId);
		this.calendars.unblock(calendar.municipalityId(), calendarId, blockId);
		redirect.addFlashAttribute(NOTICE, "appointments.admin.notice.unblocked");
		redirect.addFlashAttribute(NOTICE_NAME, calendar.name());
		return "redirect:" + BASE + "/" + calendarId;
	}

	@GetMapping(BASE + "/{calendarId}/buchen")
	String newBooking(@PathVariable UUID calendarId, @RequestParam(name = "tag", required = false) @Nullable String day,
			Model model, Locale locale) {
		Calendar calendar = this.access.worked(calendarId);
		return bookingForm(model, calendar, CallerForm.on(day(day)), locale);
	}

	@PostMapping(BASE + "/{calendarId}/buchen")
	String book(@PathVariable UUID calendarId, @ModelAttribute("form") CallerForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
		Calendar calendar = this.access.worked(calendarId);
		try {
			InvalidInputException.Collector problems = new InvalidInputException.Collector();
			LocalDate date = AdminForms.date(form.day());
			LocalTime time = AdminForms.time(form.time());
			if (form.services().isEmpty()) {
				problems.add("dienst", "appointments.error.services.required");
			}
			if (date == null) {
				problems.add("day", "appointments.staff.error.day");
			}
			if (time == null) {
				problems.add("time", "appointments.staff.error.time");
			}
			if (form.name().isBlank()) {
				problems.add("name", "appointments.staff.error.name");
			}
			if (!form.email().isBlank() && !form.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
				problems.add("email", "appointments.staff.error.email");
			}
			problems.throwIfAny();
			Instant start = date.atTime(time).atZone(AdminForms.BERLIN).toInstant();
			this.bookings.book(new Bookings.BookingRequest(calendar.municipalityId(), calendarId, form.services(),
					AdminForms.number(form.persons()), start, form.name(), form.email(), form.phone(), null, locale,
					null, Bookings.Channel.STAFF));
			redirect.addFlashAttribute(NOTICE, "appointments.staff.notice.booked");
			redirect.addFlashAttribute(NOTICE_NAME, form.name());
			return "redirect:" + BASE + "/" + calendarId + "?tag=" + date;
		}
		catch (SlotTakenException ex) {
			result.rejectValue("time", "appointments.staff.error.notFree");
		}
		catch (BookingLimitException ex) {
			result.rejectValue("email", "appointments.staff.error.notFree");
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return bookingForm(model, calendar, form, locale);
	}

	@GetMapping(BASE + "/{calendarId}/tagesliste.csv")
	@Transactional
	ResponseEntity<byte[]> csv(@PathVariable UUID calendarId,
			@RequestParam(name = "tag", required = false) @Nullable String day, Locale locale) {
		Calendar calendar = this.access.worked(calendarId);
		LocalDate date = day(day);
		DayList list = dayList(calendar, date, locale);
		StringBuilder csv = new StringBuilder();
		csv.append(csvLine(List.of("beginn", "ende", "schalter", "name", "telefon", "email", "anliegen", "personen",
				"code", "stand")));
		for (DayRow row : list.rows()) {
			Appointment a = row.appointment();
			csv.append(csvLine(List.of(row.start().toLocalTime().toString(), row.end().toLocalTime().toString(),
					row.counter(), a.name(), a.phone(), a.email(), row.services(), Integer.toString(a.persons()),
					a.code(), a.status().name())));
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"termine-" + date + ".csv\"")
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping(BASE + "/{calendarId}/tagesliste.pdf")
	@Transactional
	ResponseEntity<byte[]> pdf(@PathVariable UUID calendarId,
			@RequestParam(name = "tag", required = false) @Nullable String day, Locale locale) {
		Calendar calendar = this.access.worked(calendarId);
		LocalDate date = day(day);
		Map<String, Object> variables = new HashMap<>();
		variables.put("calendar", calendar);
		variables.put("day", AdminForms.germanDate(date));
		variables.put("list", dayList(calendar, date, locale));
		variables.put("language", locale.getLanguage());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"termine-" + date + ".pdf\"")
			.body(this.pdf.render("appointments/staff/day-pdf", locale, variables));
	}

	@GetMapping(BASE + "/{calendarId}/statistik")
	@Transactional(readOnly = true)
	String statistics(@PathVariable UUID calendarId,
			@RequestParam(name = "von", required = false) @Nullable String from,
			@RequestParam(name = "bis", required = false) @Nullable String to, Model model) {
		Calendar calendar = this.access.worked(calendarId);
		LocalDate today = LocalDate.now(this.clock);
		LocalDate first = (from != null && AdminForms.date(from) != null) ? AdminForms.date(from)
				: today.withDayOfMonth(1);
		LocalDate last = (to != null && AdminForms.date(to) != null) ? AdminForms.date(to)
				: first.plusMonths(1).minusDays(1);
		boolean invalid = last.isBefore(first) || first.plusDays(366).isBefore(last);
		if (invalid) {
			last = first;
		}
		AppointmentRepository.Statistics figures = this.appointments.statistics(calendarId, start(first),
				start(last.plusDays(1)));
		long offered = this.slots.counterMinutes(calendar, first, last);
		model.addAttribute("calendar", calendar);
		model.addAttribute("from", AdminForms.germanDate(first));
		model.addAttribute("to", AdminForms.germanDate(last));
		model.addAttribute("invalid", invalid);
		model.addAttribute("figures", figures);
		model.addAttribute("offeredMinutes", offered);
		model.addAttribute("utilisation", (offered == 0) ? 0 : Math.round(100.0 * figures.bookedMinutes() / offered));
		return "appointments/staff/statistics";
	}

	/** A counter's appointments as iCalendar, for the staff's calendar programs. */
	@GetMapping("/termine/feed/{token}.ics")
	@Transactional
	ResponseEntity<byte[]> feed(@PathVariable String token, Locale locale) {
		Counter counter = this.calendars.counterByFeedToken(token).orElseThrow(() -> new NotFoundException("Feed"));
		Calendar calendar = this.calendars.find(counter.calendarId()).orElseThrow();
		Instant now = this.clock.instant();
		Map<UUID, BookableService> services = services(calendar);
		List<ICalendar.Event> events = this.appointments
			.ofCounter(counter.id(), now.minus(Duration.ofDays(30)),
					now.plus(Duration.ofDays(calendar.horizonDays() + 1L)))
			.stream()
			.map((a) -> new ICalendar.Event(a.id(), a.startsAt(), a.endsAt(),
					a.name() + " – " + serviceNames(a, services, locale), counter.name(),
					a.code() + ((a.phone().isBlank()) ? "" : ", " + a.phone()), false))
			.toList();
		this.auditLog.record("appointments.feed.read", RECORD, calendar.id().toString(), calendar.municipalityId(),
				"counter " + counter.id() + ", " + events.size() + " appointments");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(ICalendar.calendar(calendar.name() + " – " + counter.name(), now, events)
				.getBytes(StandardCharsets.UTF_8));
	}

	private DayList dayList(Calendar calendar, LocalDate date, Locale locale) {
		List<Counter> counters = this.calendars.counters(calendar.id());
		Map<UUID, String> counterNames = new HashMap<>();
		counters.forEach((c) -> counterNames.put(c.id(), c.name()));
		Map<UUID, BookableService> services = services(calendar);
		List<DayRow> rows = this.appointments.ofCalendar(calendar.id(), start(date), start(date.plusDays(1)))
			.stream()
			.map((a) -> new DayRow(a, local(a.startsAt()), local(a.endsAt()),
					counterNames.getOrDefault(a.counterId(), ""), serviceNames(a, services, locale)))
			.toList();
		this.auditLog.record("appointments.day-list.read", RECORD, calendar.id().toString(), calendar.municipalityId(),
				date + ", " + rows.size() + " appointments");
		return new DayList(counters, rows);
	}

	private Map<UUID, BookableService> services(Calendar calendar) {
		Map<UUID, BookableService> services = new LinkedHashMap<>();
		this.calendars.services(calendar.id()).forEach((s) -> services.put(s.id(), s));
		return services;
	}

	private static String serviceNames(Appointment appointment, Map<UUID, BookableService> services, Locale locale) {
		return String.join(", ",
				appointment.serviceIds()
					.stream()
					.map((id) -> (services.containsKey(id)) ? services.get(id).name(locale) : "")
					.toList());
	}

	private String bookingForm(Model model, Calendar calendar, CallerForm form, Locale locale) {
		model.addAttribute("calendar", calendar);
		model.addAttribute("form", form);
		model.addAttribute("services",
				this.calendars.services(calendar.id()).stream().filter(BookableService::active).toList());
		LocalDate date = AdminForms.date(form.day());
		if (date != null) {
			List<String> free = new ArrayList<>();
			this.slots.freeSlots(calendar, calendar.slotMinutes(), date, date, true)
				.values()
				.forEach((list) -> list.forEach((slot) -> free.add(slot.local().toLocalTime().toString())));
			model.addAttribute("freeTimes", free);
		}
		return "appointments/staff/book";
	}

	private String blockForm(Model model, Calendar calendar, BlockForm form) {
		Map<String, String> counters = new LinkedHashMap<>();
		this.calendars.counters(calendar.id()).forEach((c) -> counters.put(c.id().toString(), c.name()));
		model.addAttribute("calendar", calendar);
		model.addAttribute("form", form);
		model.addAttribute("counters", counters);
		model.addAttribute("action", BASE + "/" + calendar.id() + "/sperren");
		model.addAttribute("back", BASE + "/" + calendar.id());
		return "appointments/block-form";
	}

	private LocalDate day(@Nullable String day) {
		if (day == null || day.isBlank()) {
			return LocalDate.now(this.clock);
		}
		LocalDate date = AdminForms.date(day);
		if (date == null) {
			throw new NotFoundException("Day " + day);
		}
		return date;
	}

	private static Instant start(LocalDate date) {
		return date.atStartOfDay(AdminForms.BERLIN).toInstant();
	}

	private static LocalDateTime local(Instant instant) {
		return LocalDateTime.ofInstant(instant, AdminForms.BERLIN);
	}

	/**
	 * One CSV line (semicolon, as spreadsheets in Germany expect); quotes where needed.
	 */
	static String csvLine(List<String> values) {
		List<String> cells = new ArrayList<>();
		for (String value : values) {
			// a leading formula character would run in a spreadsheet (CSV injection)
			String safe = (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
			cells.add((safe.contains(";") || safe.contains("\"") || safe.contains("\n"))
					? "\"" + safe.replace("\"", "\"\"") + "\"" : safe);
		}
		return String.join(";", cells) + "\r\n";
	}

	static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

	/**
	 * A day's appointments.
	 *
	 * @param counters the calendar's counters
	 * @param rows the appointments by start
	 */
	record DayList(List<Counter> counters, List<DayRow> rows) {

		public List<DayRow> of(Counter counter) {
			return this.rows.stream().filter((row) -> row.appointment().counterId().equals(counter.id())).toList();
		}

	}

	/**
	 * One appointment of a day list.
	 *
	 * @param appointment the appointment
	 * @param start local start
	 * @param end local end
	 * @param counter counter name
	 * @param services service names
	 */
	record DayRow(Appointment appointment, LocalDateTime start, LocalDateTime end, String counter, String services) {

		public boolean markable() {
			AppointmentStatus status = this.appointment.status();
			return status == AppointmentStatus.CONFIRMED || status == AppointmentStatus.ARRIVED
					|| status == AppointmentStatus.NO_SHOW;
		}

	}

	/**
	 * A day of the week overview.
	 *
	 * @param date the day
	 * @param perCounter appointments per counter, in the counters' order
	 * @param freeSlots free slot starts (of one grid length) over all counters
	 */
	record WeekDay(LocalDate date, List<Integer> perCounter, int freeSlots) {
	}

	/**
	 * Booking for a caller.
	 *
	 * @param dienst services
	 * @param persons persons
	 * @param day day
	 * @param time start, HH:mm
	 * @param name caller's name
	 * @param email e-mail address (optional)
	 * @param phone phone (optional)
	 */
	record CallerForm(List<UUID> dienst, String persons, String day, String time, String name, String email,
			String phone) {

		CallerForm(@Nullable List<UUID> dienst, @Nullable String persons, @Nullable String day, @Nullable String time,
				@Nullable String name, @Nullable String email, @Nullable String phone) {
			this.dienst = (dienst != null) ? List.copyOf(dienst) : List.of();
			this.persons = AdminForms.text(persons).isEmpty() ? "1" : AdminForms.text(persons);
			this.day = AdminForms.text(day);
			this.time = AdminForms.text(time);
			this.name = AdminForms.text(name);
			this.email = AdminForms.text(email);
			this.phone = AdminForms.text(phone);
		}

		static CallerForm on(LocalDate day) {
			return new CallerForm(List.of(), "1", AdminForms.germanDate(day), "", "", "", "");
		}

		public List<UUID> services() {
			return this.dienst;
		}

	}

}
