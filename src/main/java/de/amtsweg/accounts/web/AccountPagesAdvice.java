package de.amtsweg.accounts.web;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.internal.AccountTokens;
import de.amtsweg.accounts.internal.LinkRefusedException;
import de.amtsweg.accounts.internal.RateLimitedException;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Pages for links that cannot be used and for too many attempts: each says what happened
 * and what to do now.
 */
@ControllerAdvice(basePackageClasses = AccountPagesAdvice.class)
class AccountPagesAdvice {

	@ExceptionHandler(LinkRefusedException.class)
	String linkRefused(LinkRefusedException ex, Model model, HttpServletResponse response) {
		response.setStatus((ex.status() == AccountTokens.Status.UNKNOWN) ? HttpServletResponse.SC_NOT_FOUND
				: HttpServletResponse.SC_GONE);
		model.addAttribute("purpose", ex.purpose().name());
		model.addAttribute("status", ex.status().name());
		return "accounts/link-refused";
	}

	@ExceptionHandler(RateLimitedException.class)
	String rateLimited(RateLimitedException ex, Model model, HttpServletResponse response) {
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(ex.retryAfterMinutes() * 60));
		model.addAttribute("minutes", ex.retryAfterMinutes());
		return "accounts/rate-limited";
	}

}
