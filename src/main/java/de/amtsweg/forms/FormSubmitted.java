package de.amtsweg.forms;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A citizen submitted an online application. Published inside the submission's
 * transaction; {@link Submissions#get(UUID)} gives its answers.
 *
 * @param submissionId the submission
 * @param formKey the form, e.g. {@code geburtsurkunde}
 * @param formVersion the exact version of the definition it was filled with
 * @param municipalityId the municipality it was sent to
 * @param applicantAccountId the citizen's account, or null for a guest
 */
public record FormSubmitted(UUID submissionId, String formKey, int formVersion, UUID municipalityId,
		@Nullable UUID applicantAccountId) {
}
