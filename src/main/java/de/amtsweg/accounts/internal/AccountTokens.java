package de.amtsweg.accounts.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.platform.Sha256;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time tokens for links in mails (table {@code account_token}). A token is 256 random
 * bits; only its SHA-256 is stored, so a copy of the database opens no account. Tokens
 * are made when the mail is sent (in the mail listener), so the token itself never rests
 * in the database or in the event registry.
 */
@Component
public class AccountTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	public AccountTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Makes a token and stores its hash; returns the token for the link. */
	public String issue(UUID accountId, Purpose purpose, String payload, Duration validity) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into account_token (token_hash, purpose, account_id, payload, created_at, expires_at)
				values (:hash, :purpose, :accountId, :payload, :now, :expiresAt)""")
			.param("hash", hash(token))
			.param("purpose", purpose.name())
			.param("accountId", accountId)
			.param("payload", payload)
			.param("now", Timestamp.from(now))
			.param("expiresAt", Timestamp.from(now.plus(validity)))
			.update();
		return token;
	}

	/** What a token from a link is worth right now, without using it. */
	public Check check(@Nullable String token, Purpose purpose) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Check.UNKNOWN;
		}
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				select account_id, payload, expires_at, used_at from account_token
				where token_hash = :hash and purpose = :purpose""")
			.param("hash", hash(token))
			.param("purpose", purpose.name())
			.query((rs, row) -> {
				UUID accountId = rs.getObject("account_id", UUID.class);
				String payload = rs.getString("payload");
				if (rs.getTimestamp("used_at") != null) {
					return new Check(Status.USED, accountId, payload);
				}
				if (!rs.getTimestamp("expires_at").toInstant().isAfter(now)) {
					return new Check(Status.EXPIRED, accountId, payload);
				}
				return new Check(Status.VALID, accountId, payload);
			})
			.optional()
			.orElse(Check.UNKNOWN);
	}

	/**
	 * Uses the token once: of two concurrent requests with the same token only one gets
	 * it.
	 */
	public Optional<Check> redeem(@Nullable String token, Purpose purpose) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				update account_token set used_at = :now
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
				returning account_id, payload""")
			.param("now", Timestamp.from(now))
			.param("hash", hash(token))
			.param("purpose", purpose.name())
			.query((rs, row) -> new Check(Status.VALID, rs.getObject("account_id", UUID.class),
					rs.getString("payload")))
			.optional();
	}

	/** Makes every open token of the purpose useless, e.g. after the password changed. */
	public void invalidate(UUID accountId, Purpose purpose) {
		this.jdbc.sql("""
				update account_token set used_at = :now
				where account_id = :accountId and purpose = :purpose and used_at is null""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("accountId", accountId)
			.param("purpose", purpose.name())
			.update();
	}

	public void deleteAll(UUID accountId) {
		this.jdbc.sql("delete from account_token where account_id = :accountId and purpose <> 'STAFF_INVITATION'")
			.param("accountId", accountId)
			.update();
	}

	/** Deletes tokens that expired before the given time; they can only be refused. */
	public int deleteExpiredBefore(Instant before) {
		return this.jdbc.sql("delete from account_token where expires_at < :before and purpose <> 'STAFF_INVITATION'")
			.param("before", Timestamp.from(before))
			.update();
	}

	static String hash(String token) {
		return Sha256.hex(token);
	}

	/** What a token is for; the table's check constraint names the same. */
	public enum Purpose {

		CONFIRM_EMAIL, RESET_PASSWORD, CHANGE_EMAIL, STAFF_INVITATION

	}

	/** The state of a token. */
	public enum Status {

		VALID, EXPIRED, USED, UNKNOWN

	}

	/**
	 * A token looked up.
	 *
	 * @param status whether it can still be used
	 * @param accountId the account it belongs to, null if unknown
	 * @param payload what was stored with it, e.g. the new address of an address change
	 */
	public record Check(Status status, @Nullable UUID accountId, String payload) {

		static final Check UNKNOWN = new Check(Status.UNKNOWN, null, "");

		public boolean valid() {
			return this.status == Status.VALID;
		}

	}

}
