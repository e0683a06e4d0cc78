package de.amtsweg.integrations.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An API key as the admin page lists it (never the key itself).
 *
 * @param id identifier
 * @param systemId its system
 * @param prefix the visible start of the key, e.g. {@code aw_k3m9x2qa}
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, if it was
 */
public record ApiKey(UUID id, UUID systemId, String prefix, Instant createdAt, @Nullable Instant revokedAt) {

	public boolean active() {
		return this.revokedAt == null;
	}

}
