package de.amtsweg.integrations.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A specialist system (Fachverfahren) that works the cases of some org units.
 *
 * @param id identifier
 * @param municipalityId its municipality
 * @param name what the admin calls it
 * @param orgUnitIds the org units whose cases it sees
 * @param webhookUrl where webhooks go, if anywhere
 * @param webhookSecret the signing key of the webhooks
 * @param createdAt when it was registered
 */
public record SpecialistSystem(UUID id, UUID municipalityId, String name, List<UUID> orgUnitIds,
		@Nullable String webhookUrl, @Nullable String webhookSecret, Instant createdAt) {
}
