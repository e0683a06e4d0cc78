package de.amtsweg.catalog.internal;

import java.util.regex.Pattern;

/**
 * Short names for addresses, made from a German name ("Wohnsitz anmelden" →
 * wohnsitz-anmelden).
 */
public final class Slugs {

	public static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	public static final int MAX_LENGTH = 80;

	private Slugs() {
	}

	public static String of(String name) {
		String slug = String.join("-", SearchText.words(name));
		if (slug.length() > MAX_LENGTH) {
			slug = slug.substring(0, MAX_LENGTH);
			int lastDash = slug.lastIndexOf('-');
			if (lastDash > MAX_LENGTH / 2) {
				slug = slug.substring(0, lastDash);
			}
			slug = slug.replaceAll("-+$", "");
		}
		return slug;
	}

}
