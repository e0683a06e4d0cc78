package de.amtsweg.accounts.internal;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused because of too many failed attempts; says how long to wait. */
class LoginThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	LoginThrottledException(Duration retryAfter) {
		super("Too many failed sign-ins");
		this.retryAfter = retryAfter;
	}

	/** Whole seconds to wait, at least one. */
	long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

}
