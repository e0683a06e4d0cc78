package de.amtsweg.queue.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.QrCodes;
import de.amtsweg.queue.internal.Device;
import de.amtsweg.queue.internal.QueueSetup;
import de.amtsweg.queue.internal.Ticket;
import de.amtsweg.queue.internal.TicketLine;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The kiosk at the entrance, reached by its secret URL without sign-in: choose the
 * concern and get a ticket, or check in with an appointment code. Every form carries a
 * one-time request key, so a double tap never draws two tickets.
 */
@Controller
@RequestMapping("/aufruf/kiosk/{token}")
class KioskController {

	private final QueueSetup setup;

	private final TicketLine line;

	private final String baseUrl;

	KioskController(QueueSetup setup, TicketLine line, @Value("${amtsweg.base-url}") String baseUrl) {
		this.setup = setup;
		this.line = line;
		this.baseUrl = baseUrl;
	}

	/**
	 * The appointment code form.
	 *
	 * @param code what the visitor typed or scanned
	 * @param requestKey the form's one-time key
	 */
	record CheckInForm(@Nullable String code, @Nullable String requestKey) {

	}

	@GetMapping
	String start(@PathVariable String token, Model model, Locale locale) {
		Device kiosk = kiosk(token);
		model.addAttribute("kiosk", kiosk);
		model.addAttribute("location", this.setup.location(kiosk.municipalityId(), kiosk.locationId()));
		model.addAttribute("groups", this.setup.groups(kiosk.locationId()));
		model.addAttribute("requestKey", UUID.randomUUID().toString());
		model.addAttribute("locale", locale);
		return "queue/kiosk";
	}

	@PostMapping
	String draw(@PathVariable String token, @RequestParam(defaultValue = "") String group,
			@RequestParam(defaultValue = "") String requestKey) {
		Device kiosk = kiosk(token);
		UUID groupId;
		try {
			groupId = UUID.fromString(group);
		}
		catch (IllegalArgumentException ex) {
			return "redirect:/aufruf/kiosk/" + token;
		}
		Ticket ticket = this.line.draw(kiosk, groupId, requestKey);
		return "redirect:/aufruf/kiosk/" + token + "/wartemarke/" + ticket.token();
	}

	@GetMapping("/wartemarke/{ticketToken}")
	String ticket(@PathVariable String token, @PathVariable String ticketToken, Model model, Locale locale) {
		Device kiosk = kiosk(token);
		Ticket ticket = ticketAt(kiosk, ticketToken);
		model.addAttribute("kiosk", kiosk);
		model.addAttribute("place", this.line.place(ticket));
		model.addAttribute("ticketPath", "/aufruf/wartemarke/" + ticket.token());
		model.addAttribute("ticketUrl", this.baseUrl + "/aufruf/wartemarke/" + ticket.token());
		model.addAttribute("locale", locale);
		return "queue/kiosk-ticket";
	}

	/**
	 * The ticket page's link as a QR code, so the visitor takes the ticket to the phone.
	 */
	@GetMapping(value = "/wartemarke/{ticketToken}/qr.svg", produces = "image/svg+xml")
	ResponseEntity<String> ticketQr(@PathVariable String token, @PathVariable String ticketToken) {
		Ticket ticket = ticketAt(kiosk(token), ticketToken);
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.body(QrCodes.svg(this.baseUrl + "/aufruf/wartemarke/" + ticket.token()));
	}

	private Ticket ticketAt(Device kiosk, String ticketToken) {
		Ticket ticket = this.line.ticket(ticketToken);
		if (!ticket.locationId().equals(kiosk.locationId())) {
			throw new NotFoundException("Ticket");
		}
		return ticket;
	}

	@GetMapping("/termin")
	String checkInForm(@PathVariable String token, Model model) {
		return checkInPage(kiosk(token), new CheckInForm("", null), model);
	}

	@PostMapping("/termin")
	String checkIn(@PathVariable String token, @ModelAttribute("form") CheckInForm form, BindingResult result,
			Model model, HttpServletResponse response) {
		Device kiosk = kiosk(token);
		String code = (form.code() != null) ? form.code() : "";
		if (code.isBlank()) {
			result.rejectValue("code", "queue.checkIn.code.missing");
		}
		else {
			TicketLine.CheckIn outcome = this.line.checkIn(kiosk, code,
					(form.requestKey() != null) ? form.requestKey() : "");
			if (outcome instanceof TicketLine.CheckedIn checkedIn) {
				return "redirect:/aufruf/kiosk/" + token + "/wartemarke/" + checkedIn.ticket().token();
			}
			result.rejectValue("code", ((TicketLine.Refused) outcome).messageKey());
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return checkInPage(kiosk, form, model);
	}

	private String checkInPage(Device kiosk, CheckInForm form, Model model) {
		model.addAttribute("kiosk", kiosk);
		model.addAttribute("form", form);
		// a new key each time: a refused attempt drew no ticket, the next one may
		model.addAttribute("requestKey", UUID.randomUUID().toString());
		return "queue/kiosk-check-in";
	}

	private Device kiosk(String token) {
		return this.setup.device(token, Device.Kind.KIOSK).orElseThrow(() -> new NotFoundException("Kiosk"));
	}

	/** A tampered or stale form: back to the kiosk's choice. */
	@ExceptionHandler(InvalidInputException.class)
	ModelAndView invalid(InvalidInputException ex, HttpServletRequest request, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		String[] parts = request.getRequestURI().substring(request.getContextPath().length()).split("/");
		// /aufruf/kiosk/{token}/...
		String back = (parts.length > 3) ? "/aufruf/kiosk/" + parts[3] : "/";
		return new ModelAndView("queue/kiosk-problem", java.util.Map.of("back", back));
	}

}
