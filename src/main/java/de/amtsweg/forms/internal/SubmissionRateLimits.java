package de.amtsweg.forms.internal;

import java.time.Duration;

import de.amtsweg.platform.ProofOfWork;
import de.amtsweg.platform.RateLimits;

import org.springframework.stereotype.Component;

/**
 * How many forms one client may submit per hour, counted by the platform's
 * {@link RateLimits}: a client that solved the proof-of-work challenge gets
 * {@code amtsweg.forms.submissions.per-client-per-hour}, one without (no JavaScript, or a
 * wrong, old or reused solution) the stricter {@code without-proof-per-client-per-hour}.
 */
@Component
public class SubmissionRateLimits {

	static final String WITH_PROOF = "form-submission";

	static final String WITHOUT_PROOF = "form-submission-without-proof";

	private static final Duration WINDOW = Duration.ofHours(1);

	private final RateLimits rateLimits;

	private final FormsProperties properties;

	SubmissionRateLimits(RateLimits rateLimits, FormsProperties properties) {
		this.rateLimits = rateLimits;
		this.properties = properties;
	}

	/**
	 * Counts one submission of this client; true while it stays within its limit. Counted
	 * in a transaction of its own, so the counter row is not locked while the submission
	 * is stored.
	 */
	public boolean attempt(String client, ProofOfWork.Verdict verdict) {
		boolean proven = verdict == ProofOfWork.Verdict.SOLVED;
		int limit = proven ? this.properties.submissions().perClientPerHour()
				: this.properties.submissions().withoutProofPerClientPerHour();
		return this.rateLimits.attempt(proven ? WITH_PROOF : WITHOUT_PROOF, client, limit, WINDOW).allowed();
	}

}
