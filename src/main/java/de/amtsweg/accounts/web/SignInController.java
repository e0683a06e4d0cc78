package de.amtsweg.accounts.web;

import jakarta.servlet.http.HttpSession;

import de.amtsweg.accounts.internal.SignInFailure;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in pages for citizens and for staff; the form posts to Spring Security. */
@Controller
class SignInController {

	@GetMapping("/anmelden")
	String citizen(HttpSession session, Model model) {
		return page(session, model, false);
	}

	@GetMapping("/intern/anmelden")
	String staff(HttpSession session, Model model) {
		return page(session, model, true);
	}

	private static String page(HttpSession session, Model model, boolean staff) {
		@Nullable Object failure = session.getAttribute(SignInFailure.SESSION_ATTRIBUTE);
		session.removeAttribute(SignInFailure.SESSION_ATTRIBUTE);
		model.addAttribute("failure", failure);
		model.addAttribute("staff", staff);
		return "accounts/sign-in";
	}

}
