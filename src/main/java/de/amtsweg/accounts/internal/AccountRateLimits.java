package de.amtsweg.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import de.amtsweg.platform.Sha256;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts actions per key in fixed windows (table {@code account_rate_limit}). Keys are
 * hashed, so the table holds no addresses.
 */
@Component
public class AccountRateLimits {

	private final JdbcClient jdbc;

	private final Clock clock;

	public AccountRateLimits(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Counts one more attempt and says whether it stays within the limit.
	 * @param action what is counted, e.g. {@code registration}
	 * @param subject whom it is counted for, e.g. a client address
	 * @param limit attempts allowed per window
	 * @param window length of a window
	 * @return the verdict, with the time left until the window ends
	 */
	public Verdict attempt(String action, String subject, int limit, Duration window) {
		Instant now = this.clock.instant();
		Verdict verdict = this.jdbc.sql("""
				insert into account_rate_limit (key, window_started_at, attempts) values (:key, :now, 1)
				on conflict (key) do update set
				    window_started_at = case when account_rate_limit.window_started_at <= :expired
				                              or account_rate_limit.window_started_at > :now
				                             then :now else account_rate_limit.window_started_at end,
				    attempts = case when account_rate_limit.window_started_at <= :expired
				                     or account_rate_limit.window_started_at > :now
				                    then 1 else account_rate_limit.attempts + 1 end
				returning attempts, window_started_at""")
			.param("key", key(action, subject))
			.param("now", Timestamp.from(now))
			.param("expired", Timestamp.from(now.minus(window)))
			.query((rs, row) -> new Verdict(rs.getInt("attempts") <= limit,
					Duration.between(now, rs.getTimestamp("window_started_at").toInstant().plus(window))))
			.single();
		return verdict;
	}

	/** Forgets windows that ended long ago. */
	public int forgetBefore(Instant before) {
		return this.jdbc.sql("delete from account_rate_limit where window_started_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	static String key(String action, String subject) {
		return action + ":" + Sha256.hex(subject.trim().toLowerCase(Locale.ROOT));
	}

	/**
	 * Whether an attempt is allowed.
	 *
	 * @param allowed within the limit
	 * @param retryAfter time until the current window ends
	 */
	public record Verdict(boolean allowed, Duration retryAfter) {

		/** Whole minutes to wait, at least one. */
		public long retryAfterMinutes() {
			return Math.max(1, (this.retryAfter.toSeconds() + 59) / 60);
		}

	}

}
