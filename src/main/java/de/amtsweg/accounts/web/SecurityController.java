package de.amtsweg.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.CitizenPrincipal;
import de.amtsweg.accounts.internal.AccountSecurity;
import de.amtsweg.accounts.internal.CitizenAccount;
import de.amtsweg.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in and security: change the password, change the e-mail address. */
@Controller
class SecurityController {

	private final AccountSecurity security;

	private final CitizenSessions sessions;

	SecurityController(AccountSecurity security, CitizenSessions sessions) {
		this.security = security;
		this.sessions = sessions;
	}

	@GetMapping("/konto/sicherheit")
	String overview(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
		CitizenAccount account = this.security.account(citizen.accountId());
		model.addAttribute("email", account.email());
		model.addAttribute("hasPassword", account.hasPassword());
		model.addAttribute("trustLevel", account.trustLevel().name());
		return "accounts/security";
	}

	@GetMapping("/konto/sicherheit/passwort")
	String passwordForm(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
		model.addAttribute("form", new PasswordChangeForm("", "", ""));
		return "accounts/change-password";
	}

	@PostMapping("/konto/sicherheit/passwort")
	String changePassword(@AuthenticationPrincipal CitizenPrincipal citizen,
			@ModelAttribute("form") PasswordChangeForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.security.changePassword(citizen.accountId(), form.currentPassword(), form.newPassword(),
					form.newPasswordRepeat(), request.getRemoteAddr(), CitizenSessions.sessionId(request));
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "accounts/change-password";
		}
		redirect.addFlashAttribute("notice", "account.notice.passwordChanged");
		return "redirect:/konto/sicherheit";
	}

	@GetMapping("/konto/sicherheit/email")
	String emailForm(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
		model.addAttribute("currentEmail", this.security.account(citizen.accountId()).email());
		model.addAttribute("form", new EmailChangeForm("", ""));
		return "accounts/change-email";
	}

	@PostMapping("/konto/sicherheit/email")
	String changeEmail(@AuthenticationPrincipal CitizenPrincipal citizen, @ModelAttribute("form") EmailChangeForm form,
			BindingResult result, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		try {
			this.security.requestEmailChange(citizen.accountId(), form.newEmail(), form.currentPassword(),
					request.getRemoteAddr());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			model.addAttribute("currentEmail", this.security.account(citizen.accountId()).email());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "accounts/change-email";
		}
		redirect.addFlashAttribute("notice", "account.notice.emailChangeSent");
		return "redirect:/konto/sicherheit";
	}

	@GetMapping("/konto/email-bestaetigen")
	String emailConfirmation(@AuthenticationPrincipal CitizenPrincipal citizen,
			@RequestParam(name = "token", required = false) @Nullable String token, Model model) {
		model.addAttribute("newEmail", this.security.pendingEmailChange(citizen.accountId(), String.valueOf(token)));
		model.addAttribute("token", String.valueOf(token));
		return "accounts/confirm-new-email";
	}

	@PostMapping("/konto/email-bestaetigen")
	String confirmEmail(@AuthenticationPrincipal CitizenPrincipal citizen, @RequestParam("token") String token,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		this.security.confirmEmailChange(citizen.accountId(), token, CitizenSessions.sessionId(request));
		this.sessions.refresh(citizen.accountId(), request, response);
		redirect.addFlashAttribute("notice", "account.notice.emailChanged");
		return "redirect:/konto/sicherheit";
	}

	/**
	 * Changing the password.
	 *
	 * @param currentPassword the password now
	 * @param newPassword the new one
	 * @param newPasswordRepeat the new one again
	 */
	record PasswordChangeForm(String currentPassword, String newPassword, String newPasswordRepeat) {

		PasswordChangeForm {
			currentPassword = FormText.orEmpty(currentPassword);
			newPassword = FormText.orEmpty(newPassword);
			newPasswordRepeat = FormText.orEmpty(newPasswordRepeat);
		}

	}

	/**
	 * Changing the e-mail address.
	 *
	 * @param newEmail the new address
	 * @param currentPassword the password, to prove it is the owner
	 */
	record EmailChangeForm(String newEmail, String currentPassword) {

		EmailChangeForm {
			newEmail = FormText.orEmpty(newEmail);
			currentPassword = FormText.orEmpty(currentPassword);
		}

	}

}
