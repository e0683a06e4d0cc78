package de.amtsweg.accounts.web;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.StaffAccounts;
import de.amtsweg.accounts.StaffInvitation;
import de.amtsweg.accounts.internal.PasswordPolicy;
import de.amtsweg.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where an invited staff member sets their password: the link of the invitation mail
 * leads here. The page needs no sign-in; the link's token is the proof.
 */
@Controller
class StaffInvitationController {

	static final String PATH = "/intern/einladung";

	private final StaffAccounts staff;

	StaffInvitationController(StaffAccounts staff) {
		this.staff = staff;
	}

	@GetMapping(PATH)
	String open(@RequestParam(name = "token", required = false) @Nullable String token, Model model,
			HttpServletResponse response) {
		StaffInvitation invitation = this.staff.checkInvitation(token);
		if (invitation.status() != StaffInvitation.Status.VALID) {
			return refused(invitation.status(), model, response);
		}
		model.addAttribute("form", new PasswordForm((token != null) ? token : "", "", ""));
		model.addAttribute("invitation", invitation);
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		return "accounts/staff/invitation";
	}

	@PostMapping(PATH)
	String setPassword(@ModelAttribute("form") PasswordForm form, BindingResult result, Model model,
			HttpServletResponse response) {
		try {
			this.staff.acceptInvitation(form.token(), form.password(), form.repeatedPassword());
		}
		catch (StaffInvitation.LinkRefusedException ex) {
			return refused(ex.status(), model, response);
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("invitation", this.staff.checkInvitation(form.token()));
			model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
			return "accounts/staff/invitation";
		}
		return "redirect:" + PATH + "/fertig";
	}

	@GetMapping(PATH + "/fertig")
	String done() {
		return "accounts/staff/invitation-done";
	}

	private static String refused(StaffInvitation.Status status, Model model, HttpServletResponse response) {
		response.setStatus((status == StaffInvitation.Status.UNKNOWN) ? HttpServletResponse.SC_NOT_FOUND
				: HttpServletResponse.SC_GONE);
		model.addAttribute("status", status.name());
		return "accounts/staff/invitation-refused";
	}

	/**
	 * The new password, typed twice.
	 *
	 * @param token the link's token
	 * @param password the new password
	 * @param repeatedPassword the same again
	 */
	record PasswordForm(String token, String password, String repeatedPassword) {

		PasswordForm {
			token = (token != null) ? token : "";
			password = (password != null) ? password : "";
			repeatedPassword = (repeatedPassword != null) ? repeatedPassword : "";
		}

	}

}
