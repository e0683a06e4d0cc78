package de.amtsweg.forms.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A submitted form.
 *
 * @param id identifier
 * @param municipalityId the municipality it went to
 * @param formVersionId the exact version it was filled with
 * @param accountId the citizen's account, or null for a guest
 * @param reference the reference number, e.g. {@code MUS-2026-000123}
 * @param answers the answers as submitted
 * @param computed the computed values, e.g. the fee
 * @param language the language it was filled in
 * @param submittedAt when
 */
public record Submission(UUID id, UUID municipalityId, UUID formVersionId, @Nullable UUID accountId, String reference,
		Answers answers, Map<String, BigDecimal> computed, String language, Instant submittedAt) {
}
