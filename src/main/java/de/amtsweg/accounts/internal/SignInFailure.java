package de.amtsweg.accounts.internal;

import java.io.Serial;
import java.io.Serializable;

/**
 * Why the last sign-in failed, kept in the session for the next view of the sign-in page.
 *
 * @param reason {@code badCredentials}, {@code throttled} or {@code disabled}
 * @param email the address entered
 * @param retryAfterSeconds seconds to wait when throttled
 */
public record SignInFailure(String reason, String email, long retryAfterSeconds) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	public static final String SESSION_ATTRIBUTE = SignInFailure.class.getName();

}
