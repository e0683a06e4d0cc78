package de.amtsweg.queue.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A kiosk or display board, reached without sign-in by the secret token in its URL.
 *
 * @param id identifier
 * @param municipalityId the municipality
 * @param locationId the catalogue location
 * @param kind kiosk or board
 * @param name where it stands, e.g. "Eingang"
 * @param token the secret part of its URL
 * @param createdAt when it was set up
 */
public record Device(UUID id, UUID municipalityId, UUID locationId, Kind kind, String name, String token,
		Instant createdAt) {

	public enum Kind {

		KIOSK, BOARD

	}

	public String path() {
		return (this.kind == Kind.KIOSK) ? "/aufruf/kiosk/" + this.token : "/aufruf/anzeige/" + this.token;
	}

}
