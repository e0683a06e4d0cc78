package de.amtsweg.appointments.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.appointments.AppointmentStatus;
import de.amtsweg.appointments.internal.AppointmentView;
import de.amtsweg.appointments.internal.AppointmentViews;
import de.amtsweg.appointments.internal.Bookings;
import de.amtsweg.appointments.internal.ICalendar;
import de.amtsweg.appointments.internal.LinkSigner;
import de.amtsweg.platform.QrCodes;
import de.amtsweg.appointments.internal.SlotFinder;
import de.amtsweg.appointments.internal.SlotTakenException;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the links in appointment mails open, without signing in: confirm a hold, see the
 * appointment with its check-in code, cancel or move it. Each link carries a signature of
 * the appointment's id; without the right one the appointment does not exist.
 */
@Controller
class ManageController {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final String MANAGE = "manage";

	private static final String CONFIRM = "confirm";

	private final AppointmentViews views;

	private final Bookings bookings;

	private final LinkSigner signer;

	private final SlotFinder slots;

	private final Clock clock;

	ManageController(AppointmentViews views, Bookings bookings, LinkSigner signer, SlotFinder slots, Clock clock) {
		this.views = views;
		this.bookings = bookings;
		this.signer = signer;
		this.slots = slots;
		this.clock = clock;
	}

	@GetMapping("/termine/bestaetigen/{id}")
	String confirmPage(@PathVariable UUID id, @RequestParam("s") String signature, Model model) {
		AppointmentView view = view(id, CONFIRM, signature);
		model.addAttribute("view", view);
		model.addAttribute("signature", signature);
		return "appointments/confirm";
	}

	@PostMapping("/termine/bestaetigen/{id}")
	String confirm(@PathVariable UUID id, @RequestParam("s") String signature, RedirectAttributes redirect) {
		view(id, CONFIRM, signature);
		if (!this.bookings.confirm(id)) {
			return "redirect:/termine/abgelaufen";
		}
		redirect.addFlashAttribute("notice", "appointments.manage.confirmed");
		return "redirect:" + manageLink(id);
	}

	@GetMapping("/termine/abgelaufen")
	String lapsed() {
		return "appointments/lapsed";
	}

	@GetMapping("/termine/verwalten/{id}")
	String manage(@PathVariable UUID id, @RequestParam("s") String signature, Model model) {
		AppointmentView view = view(id, MANAGE, signature);
		model.addAttribute("view", view);
		model.addAttribute("signature", signature);
		model.addAttribute("open", view.appointment().open());
		model.addAttribute("held", view.appointment().status() == AppointmentStatus.HELD);
		return "appointments/manage";
	}

	@GetMapping(value = "/termine/verwalten/{id}/qr.svg", produces = "image/svg+xml")
	ResponseEntity<String> qr(@PathVariable UUID id, @RequestParam("s") String signature) {
		AppointmentView view = view(id, MANAGE, signature);
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.body(QrCodes.svg(view.appointment().code()));
	}

	@GetMapping("/termine/verwalten/{id}/termin.ics")
	ResponseEntity<byte[]> ics(@PathVariable UUID id, @RequestParam("s") String signature, Locale locale) {
		AppointmentView view = view(id, MANAGE, signature);
		String ics = ICalendar.calendar(view.location().name(), this.clock.instant(),
				List.of(new ICalendar.Event(id, view.appointment().startsAt(), view.appointment().endsAt(),
						view.serviceNames(locale), view.address(), view.appointment().code(),
						!view.appointment().status().occupies())));
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"termin.ics\"")
			.contentType(MediaType.valueOf("text/calendar; charset=UTF-8"))
			.body(ics.getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/termine/verwalten/{id}/absagen")
	String cancel(@PathVariable UUID id, @RequestParam("s") String signature, RedirectAttributes redirect) {
		view(id, MANAGE, signature);
		this.bookings.cancel(id);
		redirect.addFlashAttribute("notice", "appointments.manage.cancelled");
		return "redirect:" + manageLink(id);
	}

	@GetMapping("/termine/verwalten/{id}/verschieben")
	String movePage(@PathVariable UUID id, @RequestParam("s") String signature,
			@RequestParam(name = "tag", required = false) @Nullable LocalDate day, Model model) {
		AppointmentView view = view(id, MANAGE, signature);
		if (!view.appointment().open()) {
			return "redirect:" + manageLink(id);
		}
		int minutes = (int) Duration.between(view.appointment().startsAt(), view.appointment().endsAt()).toMinutes();
		Map<LocalDate, List<SlotFinder.Slot>> free = this.slots.freeSlots(view.calendar(), minutes,
				LocalDate.now(this.clock), this.slots.lastBookableDay(view.calendar()), false);
		LocalDate shown = (day != null && free.containsKey(day)) ? day
				: free.keySet().stream().findFirst().orElse(null);
		model.addAttribute("view", view);
		model.addAttribute("signature", signature);
		model.addAttribute("days", free.keySet());
		model.addAttribute("day", shown);
		model.addAttribute("slots", (shown != null) ? free.get(shown) : List.of());
		return "appointments/move";
	}

	@PostMapping("/termine/verwalten/{id}/verschieben")
	String move(@PathVariable UUID id, @RequestParam("s") String signature,
			@RequestParam(name = "beginn", required = false) @Nullable String start, RedirectAttributes redirect) {
		view(id, MANAGE, signature);
		try {
			if (start == null) {
				throw new SlotTakenException();
			}
			this.bookings.move(id, LocalDateTime.parse(start).atZone(BERLIN).toInstant());
			redirect.addFlashAttribute("notice", "appointments.manage.moved");
			return "redirect:" + manageLink(id);
		}
		catch (SlotTakenException | DateTimeParseException ex) {
			redirect.addFlashAttribute("problem", "appointments.error.slotTaken");
			return "redirect:/termine/verwalten/" + id + "/verschieben?s=" + signature;
		}
	}

	private String manageLink(UUID id) {
		return "/termine/verwalten/" + id + "?s=" + this.signer.sign(MANAGE, id);
	}

	private AppointmentView view(UUID id, String purpose, String signature) {
		if (!this.signer.verify(purpose, id, signature)) {
			throw new NotFoundException("Appointment " + id);
		}
		return this.views.read(id).orElseThrow(() -> new NotFoundException("Appointment " + id));
	}

}
