package de.amtsweg.queue.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.queue.internal.TicketLine;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ticket on the visitor's phone (link or QR code from the kiosk): place in the line,
 * estimated wait, the counter once called, and an optional e-mail address for "nearly
 * your turn".
 */
@Controller
@RequestMapping("/aufruf/wartemarke/{token}")
class TicketPageController {

	private final TicketLine line;

	TicketPageController(TicketLine line) {
		this.line = line;
	}

	/**
	 * The e-mail form.
	 *
	 * @param email the address
	 */
	record EmailForm(@Nullable String email) {

	}

	@GetMapping
	String show(@PathVariable String token, Model model, Locale locale) {
		return page(token, new EmailForm(""), model, locale);
	}

	@PostMapping("/email")
	String registerEmail(@PathVariable String token, @ModelAttribute("form") EmailForm form, BindingResult result,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.line.registerEmail(token, (form.email() != null) ? form.email() : "", locale);
			redirect.addFlashAttribute("notice", "queue.ticket.email.saved");
			return "redirect:/aufruf/wartemarke/" + token;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(token, form, model, locale);
		}
	}

	private String page(String token, EmailForm form, Model model, Locale locale) {
		TicketLine.Place place = this.line.place(this.line.ticket(token));
		model.addAttribute("place", place);
		model.addAttribute("form", form);
		model.addAttribute("token", token);
		model.addAttribute("locale", locale);
		return "queue/ticket";
	}

}
