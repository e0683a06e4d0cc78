package de.amtsweg.payments.internal;

import java.util.UUID;

/**
 * A form's fee became a claim; the applicant gets a pay link.
 *
 * @param claimId the claim
 * @param submissionId the submission
 * @param email where the link goes (may be empty: then nobody is mailed)
 * @param language {@code de} or {@code en}
 */
public record FormFeeClaimed(UUID claimId, UUID submissionId, String email, String language) {
}
