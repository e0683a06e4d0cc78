package de.amtsweg.accounts.internal;

import java.time.Duration;
import java.util.Locale;

import de.amtsweg.platform.RateLimits;

import org.springframework.stereotype.Component;

/**
 * The accounts' limits on the platform's {@link RateLimits}: subjects (addresses, e-mail
 * addresses) count alike whatever their case or surrounding spaces.
 */
@Component
public class AccountRateLimits {

	private final RateLimits rateLimits;

	public AccountRateLimits(RateLimits rateLimits) {
		this.rateLimits = rateLimits;
	}

	/**
	 * Counts one more attempt and says whether it stays within the limit.
	 * @param action what is counted, e.g. {@code registration}
	 * @param subject whom it is counted for, e.g. a client address
	 * @param limit attempts allowed per window
	 * @param window length of a window
	 * @return the verdict, with the time left until the window ends
	 */
	public RateLimits.Verdict attempt(String action, String subject, int limit, Duration window) {
		return this.rateLimits.attempt(action, subject.trim().toLowerCase(Locale.ROOT), limit, window);
	}

}
