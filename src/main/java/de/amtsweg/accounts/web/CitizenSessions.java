package de.amtsweg.accounts.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import de.amtsweg.accounts.internal.CitizenAccountRepository;
import de.amtsweg.accounts.internal.CitizenUser;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a citizen in without the sign-in form (after they confirmed their address with
 * their password), keeps the signed-in principal up to date after a change of name or
 * address, and signs out.
 */
@Component
class CitizenSessions {

	private static final String CSRF_TOKEN = HttpSessionCsrfTokenRepository.class.getName().concat(".CSRF_TOKEN");

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final CitizenAccountRepository accounts;

	private final ApplicationEventPublisher events;

	CitizenSessions(CitizenAccountRepository accounts, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.events = events;
	}

	/**
	 * Signs the citizen in as the sign-in form would: a new session id (against session
	 * fixation), a new CSRF token, and the sign-in event for the audit log.
	 */
	void signIn(CitizenUser user, HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession();
		request.changeSessionId();
		session.removeAttribute(CSRF_TOKEN);
		user.eraseCredentials();
		Authentication authentication = store(user, request, response);
		this.events.publishEvent(new AuthenticationSuccessEvent(authentication));
	}

	/**
	 * Replaces the signed-in principal by a fresh copy from the database, if the current
	 * principal signed in with a password.
	 */
	void refresh(UUID accountId, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && current.getPrincipal() instanceof CitizenUser user
				&& user.accountId().equals(accountId)) {
			this.accounts.findUserById(accountId).ifPresent((fresh) -> {
				fresh.eraseCredentials();
				store(fresh, request, response);
			});
		}
	}

	void signOut(HttpServletRequest request, HttpServletResponse response) {
		new SecurityContextLogoutHandler().logout(request, response,
				SecurityContextHolder.getContext().getAuthentication());
	}

	static @Nullable String sessionId(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null) ? session.getId() : null;
	}

	private Authentication store(CitizenUser user, HttpServletRequest request, HttpServletResponse response) {
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		return authentication;
	}

}
