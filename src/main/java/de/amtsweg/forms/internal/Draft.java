package de.amtsweg.forms.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A form being filled in.
 *
 * @param id identifier
 * @param municipalityId the municipality
 * @param formVersionId the exact version it is filled with
 * @param accountId the citizen's account, or null for a guest
 * @param answers the answers so far
 * @param idempotencyKey the key the check page sends with "submit"
 * @param guestEmail where a guest's resume link went
 * @param updatedAt last change
 * @param expiresAt when it is deleted unless changed before
 */
public record Draft(UUID id, UUID municipalityId, UUID formVersionId, @Nullable UUID accountId, Answers answers,
		UUID idempotencyKey, @Nullable String guestEmail, Instant updatedAt, Instant expiresAt) {
}
