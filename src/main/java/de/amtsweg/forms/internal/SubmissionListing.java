package de.amtsweg.forms.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A submission in the citizen's list.
 *
 * @param id the submission
 * @param reference its reference number
 * @param formKey the form
 * @param title the form's title
 * @param submittedAt when
 */
public record SubmissionListing(UUID id, String reference, String formKey, String title, Instant submittedAt) {
}
