package de.amtsweg.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.internal.PasswordResets;
import de.amtsweg.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Forgot your password": ask for a link, then set a new password with it. */
@Controller
class PasswordResetController {

	private final PasswordResets resets;

	PasswordResetController(PasswordResets resets) {
		this.resets = resets;
	}

	@GetMapping("/passwort-vergessen")
	String form(Model model) {
		model.addAttribute("form", new EmailForm(""));
		return "accounts/forgot-password";
	}

	@PostMapping("/passwort-vergessen")
	String request(@ModelAttribute("form") EmailForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.resets.request(form.email(), request.getRemoteAddr());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "accounts/forgot-password";
		}
		redirect.addFlashAttribute("email", form.email().trim());
		return "redirect:/passwort-vergessen/gesendet";
	}

	@GetMapping("/passwort-vergessen/gesendet")
	String sent() {
		return "accounts/forgot-password-sent";
	}

	@GetMapping("/passwort-neu")
	String newPasswordForm(@RequestParam(name = "token", required = false) @Nullable String token, Model model) {
		this.resets.check(String.valueOf(token));
		model.addAttribute("form", new NewPasswordForm(String.valueOf(token), "", ""));
		return "accounts/new-password";
	}

	@PostMapping("/passwort-neu")
	String newPassword(@ModelAttribute("form") NewPasswordForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			this.resets.reset(form.token(), form.password(), form.passwordRepeat());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "accounts/new-password";
		}
		// Every session of the account has ended; this browser signs in afresh.
		SecurityContextHolder.clearContext();
		if (request.getSession(false) != null) {
			request.getSession(false).invalidate();
		}
		return "redirect:/passwort-neu/gespeichert";
	}

	@GetMapping("/passwort-neu/gespeichert")
	String saved() {
		return "accounts/new-password-saved";
	}

	/**
	 * A new password.
	 *
	 * @param token the token from the link
	 * @param password the new password
	 * @param passwordRepeat the new password again
	 */
	record NewPasswordForm(String token, String password, String passwordRepeat) {

		NewPasswordForm {
			token = FormText.orEmpty(token);
			password = FormText.orEmpty(password);
			passwordRepeat = FormText.orEmpty(passwordRepeat);
		}

	}

}
