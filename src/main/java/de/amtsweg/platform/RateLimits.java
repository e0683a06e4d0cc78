package de.amtsweg.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one rate limiter of all modules: fixed windows counted in PostgreSQL (table
 * {@code rate_limit}), so every node of a cluster counts alike. Subjects (client
 * addresses, accounts, keys) are stored hashed. Each module keeps only its limits: a
 * name, a count and a window, from its configuration.
 */
@Service
public class RateLimits {

	private final JdbcClient jdbc;

	private final JobLock jobLock;

	private final Clock clock;

	RateLimits(JdbcClient jdbc, JobLock jobLock, Clock clock) {
		this.jdbc = jdbc;
		this.jobLock = jobLock;
		this.clock = clock;
	}

	/**
	 * Counts one more attempt, in a transaction of its own (a refused or failing request
	 * counts too), and says whether it stays within the limit.
	 * @param name what is counted, e.g. {@code registration}
	 * @param subject whom it is counted for, e.g. a client address
	 * @param limit attempts allowed per window
	 * @param window length of a window
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Verdict attempt(String name, String subject, int limit, Duration window) {
		Instant now = this.clock.instant();
		// a window that started "in the future" comes from a clock that was moved back:
		// restart it
		return this.jdbc.sql("""
				insert into rate_limit (name, subject, window_started_at, window_ends_at, attempts)
				values (:name, :subject, :now, :ends, 1)
				on conflict (name, subject) do update set
				    window_started_at = case when rate_limit.window_started_at <= :expired
				                              or rate_limit.window_started_at > :now
				                             then :now else rate_limit.window_started_at end,
				    window_ends_at = case when rate_limit.window_started_at <= :expired
				                           or rate_limit.window_started_at > :now
				                          then :ends else rate_limit.window_ends_at end,
				    attempts = case when rate_limit.window_started_at <= :expired
				                     or rate_limit.window_started_at > :now
				                    then 1 else rate_limit.attempts + 1 end
				returning attempts, window_started_at""")
			.param("name", name)
			.param("subject", Sha256.hex(subject))
			.param("now", Timestamp.from(now))
			.param("ends", Timestamp.from(now.plus(window)))
			.param("expired", Timestamp.from(now.minus(window)))
			.query((rs, row) -> new Verdict(rs.getInt("attempts") <= limit,
					Duration.between(now, rs.getTimestamp("window_started_at").toInstant().plus(window))))
			.single();
	}

	/** Forgets the windows that have ended (hourly, one node at a time). */
	@Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
	void forgetEndedWindows() {
		this.jobLock.runExclusively("platform.rate-limits.forget", Duration.ofMinutes(10), this::forgetEnded);
	}

	/**
	 * @return the windows forgotten
	 */
	public int forgetEnded() {
		return this.jdbc.sql("delete from rate_limit where window_ends_at < :now")
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * @param allowed whether the attempt stays within the limit
	 * @param retryAfter time left until the window ends
	 */
	public record Verdict(boolean allowed, Duration retryAfter) {

		/** Whole minutes to wait, at least one. */
		public long retryAfterMinutes() {
			return Math.max(1, (this.retryAfter.toSeconds() + 59) / 60);
		}

	}

}
