package de.amtsweg.accounts.web;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.internal.AccountTokens;
import de.amtsweg.accounts.internal.LinkRefusedException;
import de.amtsweg.accounts.internal.RateLimitedException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages for links that cannot be used and for too many attempts: each says what happened
 * and what to do now. The exception handlers forward to a page of their own, so that the
 * page gets the layout's model (municipality, language links) like every other page.
 */
@Controller
@ControllerAdvice(basePackageClasses = AccountPagesAdvice.class)
class AccountPagesAdvice {

	@ExceptionHandler(LinkRefusedException.class)
	String linkRefused(LinkRefusedException ex) {
		return "forward:/servicekonto/link-ungueltig?zweck=" + ex.purpose().name() + "&stand=" + ex.status().name();
	}

	@ExceptionHandler(RateLimitedException.class)
	String rateLimited(RateLimitedException ex) {
		return "forward:/servicekonto/zu-viele-versuche?minuten=" + ex.retryAfterMinutes();
	}

	@RequestMapping("/servicekonto/link-ungueltig")
	String linkRefusedPage(@RequestParam(name = "zweck", defaultValue = "CONFIRM_EMAIL") String purpose,
			@RequestParam(name = "stand", defaultValue = "UNKNOWN") String status, Model model,
			HttpServletResponse response) {
		AccountTokens.Purpose knownPurpose = Arrays.stream(AccountTokens.Purpose.values())
			.filter((candidate) -> candidate.name().equals(purpose))
			.findFirst()
			.orElse(AccountTokens.Purpose.CONFIRM_EMAIL);
		AccountTokens.Status knownStatus = Arrays.stream(AccountTokens.Status.values())
			.filter((candidate) -> candidate.name().equals(status))
			.findFirst()
			.orElse(AccountTokens.Status.UNKNOWN);
		response.setStatus((knownStatus == AccountTokens.Status.EXPIRED || knownStatus == AccountTokens.Status.USED)
				? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("purpose", knownPurpose.name());
		model.addAttribute("status",
				(knownStatus == AccountTokens.Status.VALID) ? AccountTokens.Status.UNKNOWN.name() : knownStatus.name());
		return "accounts/link-refused";
	}

	@RequestMapping("/servicekonto/zu-viele-versuche")
	String rateLimitedPage(@RequestParam(name = "minuten", defaultValue = "60") long minutes, Model model,
			HttpServletResponse response) {
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(Math.max(1, minutes) * 60));
		model.addAttribute("minutes", Math.max(1, minutes));
		return "accounts/rate-limited";
	}

}
