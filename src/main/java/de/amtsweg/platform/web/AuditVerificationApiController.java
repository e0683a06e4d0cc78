package de.amtsweg.platform.web;

import java.util.Locale;

import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.AuditVerification;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checks the audit log's hash chain for monitoring: only admins of a municipality and of
 * the portal may ask.
 */
@RestController
class AuditVerificationApiController {

	private final AuditLog auditLog;

	private final MessageSource messages;

	AuditVerificationApiController(AuditLog auditLog, MessageSource messages) {
		this.auditLog = auditLog;
		this.messages = messages;
	}

	@GetMapping("/api/v1/audit/verification")
	VerificationResult verification(Authentication authentication, Locale locale) {
		AdminViewer viewer = AdminViewer.of(authentication);
		if (!viewer.portalAdmin() && !viewer.municipalityAdmin()) {
			throw new AccessDeniedException("Only admins may verify the audit log");
		}
		AuditVerification verification = this.auditLog.verify();
		this.auditLog.record("audit-log.verified", "audit-log", "-",
				viewer.portalAdmin() ? null : viewer.municipalityId(),
				verification.intact() ? "intact" : "broken at " + verification.firstBrokenId());
		return new VerificationResult(verification.intact(), verification.entriesChecked(),
				verification.firstBrokenId(), verification.problem(),
				AuditVerificationText.describe(verification, this.messages, locale));
	}

	/**
	 * The result as JSON.
	 *
	 * @param intact whether every entry fits its content and the one before
	 * @param entriesChecked how many entries were read
	 * @param firstBrokenId the first entry that does not fit, if any
	 * @param problem {@code content-changed} or {@code chain-broken}, if broken
	 * @param message the result in words, in the caller's language
	 */
	record VerificationResult(boolean intact, long entriesChecked, @Nullable Long firstBrokenId,
			@Nullable String problem, String message) {
	}

}
