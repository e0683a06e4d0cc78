package de.amtsweg.accounts.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the sign-in page with the reason and the e-mail address kept, so the page can
 * say exactly what to do (wrong password, wait N seconds, confirm your address first).
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

	static final String FAILURE = SignInFailure.SESSION_ATTRIBUTE;

	private final String loginPage;

	SignInFailureHandler(String loginPage) {
		this.loginPage = loginPage;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		HttpSession session = request.getSession();
		String email = request.getParameter("email");
		session.setAttribute(FAILURE, new SignInFailure(reason(exception), (email != null) ? email.trim() : "",
				(exception instanceof LoginThrottledException throttled) ? throttled.retryAfterSeconds() : 0));
		response.sendRedirect(request.getContextPath() + this.loginPage + "?fehler");
	}

	private static String reason(AuthenticationException exception) {
		if (exception instanceof LoginThrottledException) {
			return "throttled";
		}
		if (exception instanceof DisabledException) {
			return "disabled";
		}
		return "badCredentials";
	}

}
