package de.amtsweg.payments.web;

import java.math.BigDecimal;
import java.util.Optional;

import de.amtsweg.payments.Claims;

/** Amounts of money as people type them: "35", "35,00", "35.00", "1.234,56", "35 €". */
final class Amounts {

	private Amounts() {
	}

	static Optional<BigDecimal> parse(String text) {
		return Claims.amountOf(text);
	}

}
