package de.amtsweg.platform.web;

import java.util.Locale;

import de.amtsweg.platform.AuditVerification;

import org.springframework.context.MessageSource;

/**
 * The result of checking the audit chain in plain words, the same on the admin page, in
 * the API and on the operator's console.
 */
final class AuditVerificationText {

	private AuditVerificationText() {
	}

	static String describe(AuditVerification verification, MessageSource messages, Locale locale) {
		if (verification.intact() && verification.entriesChecked() == 0) {
			return messages.getMessage("admin.audit.verification.empty", null, locale);
		}
		if (verification.intact()) {
			return messages.getMessage("admin.audit.verification.intact",
					new Object[] { verification.entriesChecked() }, locale);
		}
		String problem = (verification.problem() != null) ? verification.problem() : "unknown";
		// The entry's number is an identifier, not an amount: no thousands separator.
		return messages.getMessage("admin.audit.verification.broken." + problem,
				new Object[] { String.valueOf(verification.firstBrokenId()), verification.entriesChecked() }, locale);
	}

}
