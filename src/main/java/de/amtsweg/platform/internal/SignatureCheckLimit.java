package de.amtsweg.platform.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import de.amtsweg.platform.Sha256;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many documents one client may check per window on the public verification page and
 * API (table {@code signature_check_rate_limit}), so nobody uses the portal as a free PDF
 * parsing service. Keys are hashed, so no addresses are stored.
 */
@Component
public class SignatureCheckLimit {

	private final JdbcClient jdbc;

	private final SigningProperties properties;

	private final Clock clock;

	SignatureCheckLimit(JdbcClient jdbc, SigningProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** Counts one check; false when the client has used up the window's checks. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean tryCheck(String client) {
		Instant now = this.clock.instant();
		// a window that started "in the future" comes from a clock that was moved back
		int attempts = this.jdbc.sql("""
				insert into signature_check_rate_limit (key, window_started_at, attempts) values (:key, :now, 1)
				on conflict (key) do update set
				    window_started_at = case when signature_check_rate_limit.window_started_at <= :expired
				                              or signature_check_rate_limit.window_started_at > :now
				                             then :now else signature_check_rate_limit.window_started_at end,
				    attempts = case when signature_check_rate_limit.window_started_at <= :expired
				                     or signature_check_rate_limit.window_started_at > :now
				                    then 1 else signature_check_rate_limit.attempts + 1 end
				returning attempts""")
			.param("key", hash(client))
			.param("now", Timestamp.from(now))
			.param("expired", Timestamp.from(now.minus(this.properties.verification().window())))
			.query(Integer.class)
			.single();
		return attempts <= this.properties.verification().perClientPerHour();
	}

	/** The largest file that is checked, in bytes. */
	public long maxFileSize() {
		return this.properties.verification().maxFileSizeKb() * 1024L;
	}

	private static String hash(String client) {
		return Sha256.hex(client);
	}

}
