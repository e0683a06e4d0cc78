package de.amtsweg.accounts.internal.oidc;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.platform.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the sign-in page with a message saying what happened and what to do. Failed
 * sign-ins over OpenID Connect are audited here: Spring publishes no failure event for
 * them.
 */
final class OidcSignInFailureHandler implements AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(OidcSignInFailureHandler.class);

	private final String loginPage;

	private final String otherwise;

	private final AuditLog auditLog;

	/**
	 * @param loginPage where to send the person
	 * @param otherwise the reason when the failure is none of ours
	 * @param auditLog where failures are recorded
	 */
	OidcSignInFailureHandler(String loginPage, String otherwise, AuditLog auditLog) {
		this.loginPage = loginPage;
		this.otherwise = otherwise;
		this.auditLog = auditLog;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		OidcSignInProblem problem = problem(exception);
		if (problem.reason().equals(this.otherwise)) {
			log.warn("Sign-in over OpenID Connect failed on {}: {}", request.getRequestURI(), describe(exception));
		}
		this.auditLog.recordAs(AuditLog.ANONYMOUS, "sign-in.failed", "sign-in", "-", null, "oidc:" + problem.reason());
		request.getSession().setAttribute(OidcSignInProblem.SESSION_ATTRIBUTE, problem);
		response.sendRedirect(request.getContextPath() + this.loginPage + "?fehler");
	}

	private OidcSignInProblem problem(AuthenticationException exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof OidcSignInRefusedException refused) {
				return refused.problem();
			}
		}
		if (exception instanceof OAuth2AuthenticationException oauth2
				&& OAuth2ErrorCodes.ACCESS_DENIED.equals(oauth2.getError().getErrorCode())) {
			return OidcSignInProblem.of(OidcSignInProblem.CANCELLED);
		}
		return OidcSignInProblem.of(this.otherwise);
	}

	private static String describe(Throwable exception) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			text.append((text.length() > 0) ? " <- " : "")
				.append(cause.getClass().getSimpleName())
				.append(": ")
				.append(cause.getMessage());
		}
		return text.toString();
	}

}
