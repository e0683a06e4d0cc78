package de.amtsweg.catalog.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

/** Euro amounts as people type them: "37", "37,00", "1.234,50" or "37.00". */
public final class Amounts {

	private static final Pattern GERMAN = Pattern.compile("\\d{1,3}(\\.\\d{3})*(,\\d{1,2})?|\\d+(,\\d{1,2})?");

	private static final Pattern PLAIN = Pattern.compile("\\d+(\\.\\d{1,2})?");

	private Amounts() {
	}

	/** The amount with two decimals, or empty if the text is no amount. */
	public static Optional<BigDecimal> parse(String text) {
		String value = text.strip().replace("€", "").replace("EUR", "").strip();
		if (value.isEmpty()) {
			return Optional.empty();
		}
		String normalised;
		if (GERMAN.matcher(value).matches() && (value.contains(",") || !value.contains("."))) {
			normalised = value.replace(".", "").replace(',', '.');
		}
		else if (PLAIN.matcher(value).matches()) {
			normalised = value;
		}
		else if (GERMAN.matcher(value).matches()) {
			// "1.234" is a thousand and more in German
			normalised = value.replace(".", "");
		}
		else {
			return Optional.empty();
		}
		return Optional.of(new BigDecimal(normalised).setScale(2, RoundingMode.UNNECESSARY));
	}

	/** German notation with comma, without thousands separator: "1234,50". */
	public static String format(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
	}

}
