package de.amtsweg.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. Failed sign-ins are counted per account name and per
 * client address; past a threshold each further failure blocks the key for twice as long
 * as the one before (up to a limit). Counts live in the database, so every node sees the
 * same.
 */
@Component
public class LoginThrottle {

	static final int ACCOUNT_THRESHOLD = 5;

	static final Duration FIRST_BLOCK = Duration.ofSeconds(15);

	static final Duration LONGEST_BLOCK = Duration.ofMinutes(15);

	/** Failures older than this no longer count. */
	static final Duration MEMORY = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int clientThreshold;

	LoginThrottle(JdbcClient jdbc, Clock clock, SecurityProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.clientThreshold = properties.failedSignInsPerClient();
	}

	/** How long the caller still has to wait, if any key is blocked. */
	public Optional<Duration> blockedFor(String accountName, String client) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("select max(blocked_until) from login_throttle where key in (:keys)")
			.param("keys", List.of(accountKey(accountName), clientKey(client)))
			.query((rs, row) -> {
				Timestamp until = rs.getTimestamp(1);
				return (until != null) ? until.toInstant() : null;
			})
			.optional()
			.filter((until) -> until.isAfter(now))
			.map((until) -> Duration.between(now, until));
	}

	public void recordFailure(String accountName, String client) {
		recordFailure(accountKey(accountName), ACCOUNT_THRESHOLD);
		recordFailure(clientKey(client), this.clientThreshold);
	}

	public void recordSuccess(String accountName) {
		this.jdbc.sql("delete from login_throttle where key = :key").param("key", accountKey(accountName)).update();
	}

	private void recordFailure(String key, int threshold) {
		Instant now = this.clock.instant();
		int failures = this.jdbc.sql("""
				insert into login_throttle (key, failures, last_failure_at) values (:key, 1, :now)
				on conflict (key) do update set
				    failures = case when login_throttle.last_failure_at < :forgetBefore then 1
				                    else login_throttle.failures + 1 end,
				    last_failure_at = :now
				returning failures""")
			.param("key", key)
			.param("now", Timestamp.from(now))
			.param("forgetBefore", Timestamp.from(now.minus(MEMORY)))
			.query(Integer.class)
			.single();
		if (failures >= threshold) {
			this.jdbc.sql("update login_throttle set blocked_until = :until where key = :key")
				.param("key", key)
				.param("until", Timestamp.from(now.plus(block(failures - threshold))))
				.update();
		}
	}

	static Duration block(int failuresPastThreshold) {
		int doublings = Math.min(failuresPastThreshold, 10);
		Duration block = FIRST_BLOCK.multipliedBy(1L << doublings);
		return (block.compareTo(LONGEST_BLOCK) > 0) ? LONGEST_BLOCK : block;
	}

	private static String accountKey(String accountName) {
		return "account:" + accountName.trim().toLowerCase(java.util.Locale.ROOT);
	}

	private static String clientKey(String client) {
		return "client:" + client;
	}

}
