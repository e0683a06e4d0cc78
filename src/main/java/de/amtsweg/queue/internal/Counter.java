package de.amtsweg.queue.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A counter (Schalter) and the groups it serves; open while a clerk works at it.
 *
 * @param id identifier
 * @param municipalityId the municipality
 * @param locationId the catalogue location
 * @param name shown on the display board, e.g. "Schalter 2"
 * @param openedBy staff member working at it, null while closed
 * @param openedAt since when
 * @param groupIds the service groups it serves
 */
public record Counter(UUID id, UUID municipalityId, UUID locationId, String name, @Nullable UUID openedBy,
		@Nullable Instant openedAt, List<UUID> groupIds) {

	public boolean isOpen() {
		return this.openedBy != null;
	}

}
