package de.amtsweg.payments;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Kassenzeichen: digits only, ending in two check digits by ISO 7064 MOD 97-10 (the
 * scheme of the IBAN). For the digits {@code d} before them, the check digits are
 * {@code 98 - (d·100 mod 97)}, written with two digits; a Kassenzeichen is valid when the
 * whole number mod 97 is 1. This catches every single wrong digit and every swap of two
 * neighbouring digits, so a mistyped reference never books money on someone else's claim.
 * How the digits before the check digits are made is configured per municipality (see
 * {@code amtsweg.payments.reference-format}).
 */
public final class PaymentReference {

	private static final Pattern DIGITS = Pattern.compile("[0-9]{6,34}");

	private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-/]");

	private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

	private PaymentReference() {
	}

	/** The digits with their two check digits appended. */
	public static String withCheckDigits(String digits) {
		if (!digits.matches("[0-9]{4,32}")) {
			throw new IllegalArgumentException("Not 4 to 32 digits: " + digits);
		}
		int remainder = new BigInteger(digits + "00").mod(NINETY_SEVEN).intValue();
		return digits + String.format(Locale.ROOT, "%02d", 98 - remainder);
	}

	/** Whether the text, once normalised, is a well-formed Kassenzeichen. */
	public static boolean isValid(String text) {
		String reference = normalise(text);
		return DIGITS.matcher(reference).matches() && new BigInteger(reference).mod(NINETY_SEVEN).intValue() == 1;
	}

	/**
	 * Removes what people type between groups of digits: spaces, dots, dashes, slashes.
	 */
	public static String normalise(String text) {
		return SEPARATORS.matcher(text.trim()).replaceAll("");
	}

}
