package de.amtsweg.platform;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * A proof-of-work challenge where a captcha would go (booking, form submissions): the
 * browser must find a number whose SHA-256 hash, together with the challenge, starts with
 * {@code difficulty} zero bits. That costs a person a fraction of a second once, but a
 * bot that wants thousands of requests the same work thousands of times, and nobody's
 * data goes to a third-party captcha service.
 * <p>
 * A challenge is {@code purpose.random.expiry.difficulty.signature} (HMAC-SHA256 with the
 * secret {@code amtsweg.proof-of-work.secret}, made at start when unset; then challenges
 * of one node are only valid on that node and until it restarts, which is fine for
 * minutes-long challenges but not for several nodes). A solution counts once: the hash of
 * a solved challenge is stored until it expires. The script {@code /js/proof-of-work.js}
 * solves challenges in forms marked {@code data-proof-of-work}.
 */
@Service
public class ProofOfWork {

	/** The hidden form field that carries the challenge. */
	public static final String CHALLENGE_FIELD = "powChallenge";

	/** The hidden form field the script fills with the solution. */
	public static final String SOLUTION_FIELD = "powSolution";

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private final byte[] secret;

	private final int difficulty;

	private final Duration validity;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	public ProofOfWork(@Value("${amtsweg.proof-of-work.secret:}") String secret,
			@Value("${amtsweg.proof-of-work.difficulty:16}") int difficulty,
			@Value("${amtsweg.proof-of-work.validity:PT30M}") Duration validity, JdbcClient jdbc, Clock clock) {
		if (difficulty < 0 || difficulty > 32) {
			throw new IllegalArgumentException("The proof-of-work difficulty must be 0 to 32 bits");
		}
		this.secret = secret.isBlank() ? generatedSecret() : secret.getBytes(StandardCharsets.UTF_8);
		this.difficulty = difficulty;
		this.validity = validity;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private static byte[] generatedSecret() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

	public int difficulty() {
		return this.difficulty;
	}

	/**
	 * A new challenge for one purpose (e.g. {@code appointments.booking}); a solution is
	 * only accepted for the same purpose.
	 */
	public Challenge issue(String purpose) {
		if (!purpose.matches("[a-z0-9.-]+")) {
			throw new IllegalArgumentException("A purpose is lower-case letters, digits, dots and dashes");
		}
		byte[] nonce = new byte[16];
		this.random.nextBytes(nonce);
		long expires = this.clock.instant().plus(this.validity).getEpochSecond();
		String payload = purpose + "." + BASE64.encodeToString(nonce) + "." + expires + "." + this.difficulty;
		return new Challenge(payload + "." + sign(payload), this.difficulty);
	}

	/**
	 * Checks a solution and uses the challenge up. Without a challenge or solution the
	 * verdict is {@link Verdict#MISSING}: callers may then accept the request under a
	 * stricter limit (people without JavaScript), never as if it were solved.
	 */
	public Verdict verify(String purpose, @Nullable String challenge, @Nullable String solution) {
		if (challenge == null || challenge.isBlank() || solution == null || solution.isBlank()) {
			return Verdict.MISSING;
		}
		String[] parts = challenge.split("\\.");
		if (parts.length < 5) {
			return Verdict.INVALID;
		}
		int signatureStart = challenge.lastIndexOf('.');
		String payload = challenge.substring(0, signatureStart);
		if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
				challenge.substring(signatureStart + 1).getBytes(StandardCharsets.US_ASCII))) {
			return Verdict.INVALID;
		}
		int n = parts.length;
		String challengePurpose = String.join(".", java.util.Arrays.copyOfRange(parts, 0, n - 4));
		long expires;
		int bits;
		try {
			expires = Long.parseLong(parts[n - 3]);
			bits = Integer.parseInt(parts[n - 2]);
		}
		catch (NumberFormatException ex) {
			return Verdict.INVALID;
		}
		if (!challengePurpose.equals(purpose) || solution.length() > 20) {
			return Verdict.INVALID;
		}
		Instant now = this.clock.instant();
		if (Instant.ofEpochSecond(expires).isBefore(now)) {
			return Verdict.EXPIRED;
		}
		if (!solves(challenge, solution, bits)) {
			return Verdict.INVALID;
		}
		int stored = this.jdbc.sql("""
				insert into proof_of_work_used (challenge_hash, expires_at) values (:hash, :expires)
				on conflict (challenge_hash) do nothing""")
			.param("hash", HexFormat.of().formatHex(sha256(challenge.getBytes(StandardCharsets.US_ASCII))))
			.param("expires", Timestamp.from(Instant.ofEpochSecond(expires)))
			.update();
		return (stored == 1) ? Verdict.SOLVED : Verdict.REPLAYED;
	}

	/**
	 * Whether SHA-256 of {@code challenge + ":" + solution} starts with so many zero
	 * bits.
	 */
	public static boolean solves(String challenge, String solution, int bits) {
		byte[] hash = sha256((challenge + ":" + solution).getBytes(StandardCharsets.US_ASCII));
		return leadingZeroBits(hash) >= bits;
	}

	/** Finds a solution the way the browser script does (for tests and load drivers). */
	public static String solve(Challenge challenge) {
		for (long candidate = 0;; candidate++) {
			String solution = Long.toString(candidate);
			if (solves(challenge.token(), solution, challenge.difficulty())) {
				return solution;
			}
		}
	}

	static int leadingZeroBits(byte[] hash) {
		int bits = 0;
		for (byte value : hash) {
			if (value == 0) {
				bits += 8;
				continue;
			}
			return bits + Integer.numberOfLeadingZeros(value & 0xff) - 24;
		}
		return bits;
	}

	/** Forgets used challenges that expired; they can no longer be replayed anyway. */
	@Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
	public int forgetExpired() {
		return this.jdbc.sql("delete from proof_of_work_used where expires_at < :now")
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	private String sign(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			return BASE64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] sha256(byte[] input) {
		return Sha256.of(input);
	}

	/**
	 * A challenge to put into a form.
	 *
	 * @param token the signed challenge (goes into {@link #CHALLENGE_FIELD})
	 * @param difficulty the number of leading zero bits a solution needs
	 */
	public record Challenge(String token, int difficulty) {
	}

	/** The result of checking a solution. */
	public enum Verdict {

		/** Solved, and used up now. */
		SOLVED,
		/** No challenge or no solution sent (e.g. a browser without JavaScript). */
		MISSING,
		/** Wrong signature, purpose or solution. */
		INVALID,
		/** Too old. */
		EXPIRED,
		/** Solved before: a replay. */
		REPLAYED

	}

}
