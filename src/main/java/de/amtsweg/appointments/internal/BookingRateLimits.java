package de.amtsweg.appointments.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import de.amtsweg.platform.Sha256;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts booking attempts per client in fixed windows (table
 * {@code appointment_rate_limit}); keys are hashed, so no addresses are stored.
 */
@Component
public class BookingRateLimits {

	private final JdbcClient jdbc;

	private final Clock clock;

	public BookingRateLimits(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Counts one more attempt; true while it stays within the limit per hour. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean attempt(String action, String client, int limitPerHour) {
		Instant now = this.clock.instant();
		// a window that started "in the future" comes from a clock that was moved:
		// restart it
		int attempts = this.jdbc.sql("""
				insert into appointment_rate_limit (key, window_started_at, attempts) values (:key, :now, 1)
				on conflict (key) do update set
				    window_started_at = case when appointment_rate_limit.window_started_at <= :expired
				                              or appointment_rate_limit.window_started_at > :now
				                             then :now else appointment_rate_limit.window_started_at end,
				    attempts = case when appointment_rate_limit.window_started_at <= :expired
				                     or appointment_rate_limit.window_started_at > :now
				                    then 1 else appointment_rate_limit.attempts + 1 end
				returning attempts""")
			.param("key", action + ":" + hash(client))
			.param("now", Timestamp.from(now))
			.param("expired", Timestamp.from(now.minus(Duration.ofHours(1))))
			.query(Integer.class)
			.single();
		return attempts <= limitPerHour;
	}

	public int forgetBefore(Instant before) {
		return this.jdbc.sql("delete from appointment_rate_limit where window_started_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	private static String hash(String client) {
		return Sha256.hex(client);
	}

}
