package de.amtsweg.catalog.internal;

import java.util.regex.Pattern;

/**
 * Keys of the federal service catalogue (LeiKa): 14 digits, e.g. 99102013000000. A key
 * whose last six digits are zero names a service (Leistungsobjekt); any other names an
 * activity (Verrichtung) of the service with the same first eight digits.
 */
public final class LeikaKeys {

	private static final Pattern KEY = Pattern.compile("[0-9]{14}");

	private LeikaKeys() {
	}

	public static boolean isValid(String key) {
		return KEY.matcher(key).matches();
	}

	public static boolean isActivity(String key) {
		return isValid(key) && !key.endsWith("000000");
	}

	/** The key of the service an activity key belongs to. */
	public static String serviceOf(String activityKey) {
		return activityKey.substring(0, 8) + "000000";
	}

}
