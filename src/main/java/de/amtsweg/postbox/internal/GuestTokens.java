package de.amtsweg.postbox.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import de.amtsweg.platform.Sha256;

import org.springframework.stereotype.Component;

/**
 * Links for guests: 256 random bits, of which only the SHA-256 is stored, valid for
 * {@code amtsweg.postbox.guest-link-validity}. Whoever reads the database cannot open a
 * thread.
 */
@Component
public class GuestTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final PostboxRepository repository;

	private final PostboxProperties properties;

	private final Clock clock;

	GuestTokens(PostboxRepository repository, PostboxProperties properties, Clock clock) {
		this.repository = repository;
		this.properties = properties;
		this.clock = clock;
	}

	/** A new token for the thread; returns the token itself (only its hash is kept). */
	public String issue(UUID threadId) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		this.repository.insertGuestToken(hash(token), threadId, now, now.plus(this.properties.guestLinkValidity()));
		return token;
	}

	public static String hash(String token) {
		return Sha256.hex(token);
	}

}
