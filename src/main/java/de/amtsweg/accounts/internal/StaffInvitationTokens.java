package de.amtsweg.accounts.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.accounts.StaffInvitation;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The links of staff invitations (purpose {@code STAFF_INVITATION} in table
 * {@code account_token}, which {@link AccountTokens} leaves alone). A token is 256 random
 * bits; only its SHA-256 is stored, so a copy of the database lets nobody set a password.
 * Each token works once; a new one makes the member's older ones useless.
 */
@Repository
public class StaffInvitationTokens {

	static final String PURPOSE = "STAFF_INVITATION";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Longer than any token we make; anything longer is not worth hashing. */
	private static final int MAX_LENGTH = 100;

	private final JdbcClient jdbc;

	private final Clock clock;

	public StaffInvitationTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Makes a new token for the member, voiding their older ones; returns the token. */
	public String issue(UUID staffId, Duration validity) {
		invalidate(staffId);
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into account_token (token_hash, purpose, account_id, created_at, expires_at)
				values (:hash, :purpose, :staffId, :now, :expiresAt)""")
			.param("hash", hash(token))
			.param("purpose", PURPOSE)
			.param("staffId", staffId)
			.param("now", Timestamp.from(now))
			.param("expiresAt", Timestamp.from(now.plus(validity)))
			.update();
		return token;
	}

	/** What the token from a link is worth now, without using it. */
	public Lookup check(@Nullable String token) {
		if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
			return new Lookup(StaffInvitation.Status.UNKNOWN, null);
		}
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				select account_id, expires_at, used_at from account_token
				where token_hash = :hash and purpose = :purpose""")
			.param("hash", hash(token))
			.param("purpose", PURPOSE)
			.query((rs, row) -> {
				UUID staffId = rs.getObject("account_id", UUID.class);
				if (rs.getTimestamp("used_at") != null) {
					return new Lookup(StaffInvitation.Status.USED, staffId);
				}
				if (!rs.getTimestamp("expires_at").toInstant().isAfter(now)) {
					return new Lookup(StaffInvitation.Status.EXPIRED, staffId);
				}
				return new Lookup(StaffInvitation.Status.VALID, staffId);
			})
			.optional()
			.orElse(new Lookup(StaffInvitation.Status.UNKNOWN, null));
	}

	/**
	 * Uses the token: of two requests with the same token only one gets the member's id.
	 */
	public Optional<UUID> redeem(@Nullable String token) {
		if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				update account_token set used_at = :now
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
				returning account_id""")
			.param("now", Timestamp.from(now))
			.param("hash", hash(token))
			.param("purpose", PURPOSE)
			.query(UUID.class)
			.optional();
	}

	/** Makes every open invitation of the member useless. */
	public void invalidate(UUID staffId) {
		this.jdbc.sql("""
				update account_token set used_at = :now
				where account_id = :staffId and purpose = :purpose and used_at is null""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("staffId", staffId)
			.param("purpose", PURPOSE)
			.update();
	}

	private static String hash(String token) {
		return AccountTokens.hash(token);
	}

	/**
	 * A token looked up.
	 *
	 * @param status whether it can still be used
	 * @param staffId the member it belongs to, null if unknown
	 */
	public record Lookup(StaffInvitation.Status status, @Nullable UUID staffId) {
	}

}
