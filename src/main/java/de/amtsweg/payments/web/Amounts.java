package de.amtsweg.payments.web;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** Amounts of money as people type them: "35", "35,00", "35.00", "1.234,56", "35 €". */
final class Amounts {

	private static final Pattern GERMAN = Pattern.compile("\\d{1,3}(\\.\\d{3})*(,\\d{1,2})?|\\d+(,\\d{1,2})?");

	private static final Pattern PLAIN = Pattern.compile("\\d+(\\.\\d{1,2})?");

	private Amounts() {
	}

	static Optional<BigDecimal> parse(String text) {
		String amount = text.replace("€", "").replace("EUR", "").replace(" ", "").trim();
		if (PLAIN.matcher(amount).matches()
				&& (amount.indexOf('.') < 0 || amount.length() - amount.indexOf('.') <= 3)) {
			return Optional.of(new BigDecimal(amount));
		}
		if (GERMAN.matcher(amount).matches()) {
			return Optional.of(new BigDecimal(amount.replace(".", "").replace(',', '.')));
		}
		return Optional.empty();
	}

}
