package de.amtsweg.forms.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import de.amtsweg.platform.ProofOfWork;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many forms one client may submit per hour (table {@code form_rate_limit}): a client
 * that solved the proof-of-work challenge gets
 * {@code amtsweg.forms.submissions.per-client-per-hour}, one without (no JavaScript, or a
 * wrong, old or reused solution) the stricter {@code without-proof-per-client-per-hour}.
 * Keys are hashed, so no addresses are stored.
 */
@Component
public class SubmissionRateLimits {

	static final String WITH_PROOF = "submission";

	static final String WITHOUT_PROOF = "submission-without-proof";

	private static final Duration WINDOW = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final FormsProperties properties;

	private final Clock clock;

	SubmissionRateLimits(JdbcClient jdbc, FormsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Counts one submission of this client; true while it stays within its limit. Runs in
	 * its own short transaction so the counter row is not locked while the submission is
	 * stored.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean attempt(String client, ProofOfWork.Verdict verdict) {
		boolean proven = verdict == ProofOfWork.Verdict.SOLVED;
		int limit = proven ? this.properties.submissions().perClientPerHour()
				: this.properties.submissions().withoutProofPerClientPerHour();
		Instant now = this.clock.instant();
		// a window that started "in the future" comes from a clock that was moved back
		int attempts = this.jdbc.sql("""
				insert into form_rate_limit (key, window_started_at, attempts) values (:key, :now, 1)
				on conflict (key) do update set
				    window_started_at = case when form_rate_limit.window_started_at <= :expired
				                              or form_rate_limit.window_started_at > :now
				                             then :now else form_rate_limit.window_started_at end,
				    attempts = case when form_rate_limit.window_started_at <= :expired
				                     or form_rate_limit.window_started_at > :now
				                    then 1 else form_rate_limit.attempts + 1 end
				returning attempts""")
			.param("key", key(proven ? WITH_PROOF : WITHOUT_PROOF, client))
			.param("now", Timestamp.from(now))
			.param("expired", Timestamp.from(now.minus(WINDOW)))
			.query(Integer.class)
			.single();
		return attempts <= limit;
	}

	/** Forgets windows that are over. */
	public int forgetOldWindows() {
		return this.jdbc.sql("delete from form_rate_limit where window_started_at < :before")
			.param("before", Timestamp.from(this.clock.instant().minus(WINDOW)))
			.update();
	}

	static String key(String kind, String client) {
		try {
			return kind + ":" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(client.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
