package de.amtsweg.accounts.internal;

/**
 * Too many attempts of an action from one client; the page says how long to wait.
 */
public class RateLimitedException extends RuntimeException {

	private final long retryAfterMinutes;

	public RateLimitedException(long retryAfterMinutes) {
		super("Too many attempts");
		this.retryAfterMinutes = retryAfterMinutes;
	}

	public long retryAfterMinutes() {
		return this.retryAfterMinutes;
	}

}
