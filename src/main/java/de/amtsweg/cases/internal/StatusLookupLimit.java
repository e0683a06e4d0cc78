package de.amtsweg.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import de.amtsweg.platform.Sha256;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Limits status look-ups by reference and access code per client address (fixed hourly
 * windows in the database, so every node counts alike), against guessing codes.
 */
@Component
public class StatusLookupLimit {

	private static final Duration WINDOW = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int perHour;

	StatusLookupLimit(JdbcClient jdbc, Clock clock,
			@Value("${amtsweg.cases.status-lookups-per-client-per-hour:30}") int perHour) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.perHour = perHour;
	}

	/** Counts one look-up; false when the client has used up the hour's look-ups. */
	public boolean tryLookup(String client) {
		Instant now = this.clock.instant();
		int attempts = this.jdbc.sql("""
				insert into case_status_rate_limit (key, window_started_at, attempts) values (:key, :now, 1)
				on conflict (key) do update set
				    window_started_at = case when case_status_rate_limit.window_started_at <= :expired
				                              or case_status_rate_limit.window_started_at > :now
				                             then :now else case_status_rate_limit.window_started_at end,
				    attempts = case when case_status_rate_limit.window_started_at <= :expired
				                     or case_status_rate_limit.window_started_at > :now
				                    then 1 else case_status_rate_limit.attempts + 1 end
				returning attempts""")
			.param("key", hash(client))
			.param("now", Timestamp.from(now))
			.param("expired", Timestamp.from(now.minus(WINDOW)))
			.query(Integer.class)
			.single();
		return attempts <= this.perHour;
	}

	private static String hash(String client) {
		return Sha256.hex(client);
	}

}
