package de.amtsweg.accounts.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.internal.CitizenAccount;
import de.amtsweg.accounts.internal.CitizenUser;
import de.amtsweg.accounts.internal.Registrations;
import de.amtsweg.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registering a service account: the form, the "check your inbox" page, the confirmation
 * link (which asks for the password and then signs the citizen in) and a new link for
 * those whose mail got lost or expired.
 */
@Controller
class RegistrationController {

	private final Registrations registrations;

	private final CitizenSessions sessions;

	RegistrationController(Registrations registrations, CitizenSessions sessions) {
		this.registrations = registrations;
		this.sessions = sessions;
	}

	@GetMapping("/registrieren")
	String form(Model model) {
		model.addAttribute("form", new RegistrationForm("", "", "", false));
		return "accounts/register";
	}

	@PostMapping("/registrieren")
	String register(@ModelAttribute("form") RegistrationForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
		try {
			this.registrations.register(form.email(), form.password(), form.passwordRepeat(), form.consented(),
					request.getRemoteAddr(), locale);
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "accounts/register";
		}
		redirect.addFlashAttribute("email", form.email().trim());
		return "redirect:/registrieren/gesendet";
	}

	@GetMapping("/registrieren/gesendet")
	String sent() {
		return "accounts/register-sent";
	}

	@GetMapping("/registrieren/bestaetigen")
	String confirmation(@RequestParam(name = "token", required = false) @Nullable String token, Model model) {
		CitizenAccount account = this.registrations.accountForConfirmation(String.valueOf(token));
		model.addAttribute("email", account.email());
		model.addAttribute("form", new ConfirmationForm(String.valueOf(token), ""));
		return "accounts/confirm";
	}

	@PostMapping("/registrieren/bestaetigen")
	String confirm(@ModelAttribute("form") ConfirmationForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		CitizenUser user;
		try {
			user = this.registrations.confirm(form.token(), form.password(), request.getRemoteAddr());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			model.addAttribute("email", this.registrations.accountForConfirmation(form.token()).email());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "accounts/confirm";
		}
		this.sessions.signIn(user, request, response);
		redirect.addFlashAttribute("notice", "account.notice.confirmed");
		return "redirect:/konto";
	}

	@GetMapping("/registrieren/neuer-link")
	String resendForm(Model model) {
		model.addAttribute("form", new EmailForm(""));
		return "accounts/resend-confirmation";
	}

	@PostMapping("/registrieren/neuer-link")
	String resend(@ModelAttribute("form") EmailForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.registrations.resendConfirmation(form.email(), request.getRemoteAddr());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "accounts/resend-confirmation";
		}
		redirect.addFlashAttribute("email", form.email().trim());
		return "redirect:/registrieren/gesendet";
	}

	/**
	 * The registration form.
	 *
	 * @param email e-mail address
	 * @param password chosen password
	 * @param passwordRepeat the password again
	 * @param consent whether the privacy notice was accepted
	 */
	record RegistrationForm(String email, String password, String passwordRepeat, @Nullable Boolean consent) {

		RegistrationForm {
			email = FormText.orEmpty(email);
			password = FormText.orEmpty(password);
			passwordRepeat = FormText.orEmpty(passwordRepeat);
		}

		boolean consented() {
			return Boolean.TRUE.equals(this.consent);
		}
	}

	/**
	 * Confirming the address.
	 *
	 * @param token the token from the link
	 * @param password the password chosen at registration
	 */
	record ConfirmationForm(String token, String password) {

		ConfirmationForm {
			token = FormText.orEmpty(token);
			password = FormText.orEmpty(password);
		}

	}

}
