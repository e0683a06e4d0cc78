package de.amtsweg.accounts.internal;

import java.util.regex.Pattern;

/** The plausibility check of e-mail addresses that people type in. */
public final class EmailAddresses {

	private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

	private EmailAddresses() {
	}

	/**
	 * Whether the address looks deliverable: something@domain.tld, at most 254
	 * characters.
	 */
	public static boolean plausible(String address) {
		String trimmed = address.trim();
		return trimmed.length() <= 254 && PLAUSIBLE.matcher(trimmed).matches();
	}

}
