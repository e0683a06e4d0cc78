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
		return shortened(String.join("-", SearchText.words(name)), MAX_LENGTH);
	}

	/**
	 * The short name of the name, ending with the suffix (which survives shortening),
	 * e.g. to tell apart two services of the same name by their LeiKa key.
	 */
	public static String of(String name, String suffix) {
		String tail = "-" + String.join("-", SearchText.words(suffix));
		return shortened(String.join("-", SearchText.words(name)), MAX_LENGTH - tail.length()) + tail;
	}

	private static String shortened(String slug, int maxLength) {
		if (slug.length() > maxLength) {
			slug = slug.substring(0, maxLength);
			int lastDash = slug.lastIndexOf('-');
			if (lastDash > maxLength / 2) {
				slug = slug.substring(0, lastDash);
			}
			slug = slug.replaceAll("-+$", "");
		}
		return slug;
	}

}
