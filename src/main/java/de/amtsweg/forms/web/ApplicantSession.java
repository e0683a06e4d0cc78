package de.amtsweg.forms.web;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import de.amtsweg.accounts.CitizenPrincipal;
import de.amtsweg.forms.internal.Applicant;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;

/**
 * Who fills in: a signed-in citizen, or a guest whose drafts and submissions are
 * remembered in the (database-backed) session.
 */
final class ApplicantSession {

	private static final String DRAFTS = ApplicantSession.class.getName() + ".drafts";

	private static final String SUBMISSIONS = ApplicantSession.class.getName() + ".submissions";

	/** A session remembers at most this many guest drafts and submissions. */
	private static final int REMEMBERED = 50;

	private ApplicantSession() {
	}

	static Applicant of(@Nullable Authentication authentication, HttpSession session) {
		return new Applicant(accountId(authentication), ids(session, DRAFTS), ids(session, SUBMISSIONS));
	}

	static @Nullable UUID accountId(@Nullable Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof CitizenPrincipal citizen) {
			return citizen.accountId();
		}
		return null;
	}

	static void rememberDraft(HttpSession session, UUID draftId) {
		remember(session, DRAFTS, draftId);
	}

	static void rememberSubmission(HttpSession session, UUID submissionId) {
		remember(session, SUBMISSIONS, submissionId);
	}

	@SuppressWarnings("unchecked")
	private static Set<UUID> ids(HttpSession session, String attribute) {
		Object value = session.getAttribute(attribute);
		return (value instanceof Set<?> set) ? Set.copyOf((Set<UUID>) set) : Set.of();
	}

	private static void remember(HttpSession session, String attribute, UUID id) {
		LinkedHashSet<UUID> ids = new LinkedHashSet<>(ids(session, attribute));
		ids.add(id);
		while (ids.size() > REMEMBERED) {
			ids.remove(ids.iterator().next());
		}
		// set again so that the session store writes the change
		session.setAttribute(attribute, ids);
	}

}
