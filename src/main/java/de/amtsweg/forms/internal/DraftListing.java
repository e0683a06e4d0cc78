package de.amtsweg.forms.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A draft in the citizen's list.
 *
 * @param id the draft
 * @param formKey the form
 * @param title the form's title
 * @param updatedAt last change
 * @param expiresAt when it will be deleted
 * @param municipalitySlug the municipality it is for
 */
public record DraftListing(UUID id, String formKey, String title, Instant updatedAt, Instant expiresAt,
		String municipalitySlug) {
}
