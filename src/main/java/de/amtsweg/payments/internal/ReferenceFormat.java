package de.amtsweg.payments.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.amtsweg.payments.PaymentReference;

/**
 * Builds a Kassenzeichen from a municipality's format: digits and the placeholders
 * {@code {ags:N}} (the last N digits of the municipality key), {@code {year:2}} or
 * {@code {year:4}}, and {@code {seq:N}} (a number from the database sequence, N digits,
 * left-padded with zeros). The two check digits (ISO 7064 MOD 97-10) always come last.
 * Example: {@code {ags:5}{seq:7}} gives {@code 99001000100042} for Musterstadt.
 */
final class ReferenceFormat {

	private static final Pattern TOKEN = Pattern.compile("\\{(ags|year|seq):(\\d{1,2})}|([0-9])");

	private ReferenceFormat() {
	}

	static String build(String format, String ags, LocalDate today, long sequence) {
		StringBuilder digits = new StringBuilder();
		Matcher matcher = TOKEN.matcher(format);
		int position = 0;
		while (matcher.find()) {
			if (matcher.start() != position) {
				throw new IllegalArgumentException("Unknown part in Kassenzeichen format " + format);
			}
			position = matcher.end();
			if (matcher.group(3) != null) {
				digits.append(matcher.group(3));
				continue;
			}
			int width = Integer.parseInt(matcher.group(2));
			String value = switch (matcher.group(1)) {
				case "ags" -> ags.substring(Math.max(0, ags.length() - width));
				case "year" -> String.valueOf(today.getYear()).substring(4 - Math.min(width, 4));
				default -> String.format(Locale.ROOT, "%0" + width + "d", sequence);
			};
			if ("seq".equals(matcher.group(1)) && value.length() > width) {
				throw new IllegalStateException("Kassenzeichen sequence outgrew " + width + " digits");
			}
			digits.append(value);
		}
		if (position != format.length() || !format.contains("{seq:")) {
			throw new IllegalArgumentException("A Kassenzeichen format needs {seq:N} and only known parts: " + format);
		}
		return PaymentReference.withCheckDigits(digits.toString());
	}

}
