package de.amtsweg.catalog.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import de.amtsweg.catalog.FeeDetails;
import de.amtsweg.catalog.FeeType;
import de.amtsweg.catalog.LocalizedText;

/**
 * Fees in one CSV cell, as a person writes them: "37,00", "kostenlos", "12,00–45,00",
 * "7,50 je Seite", each optionally after a label ("ab 24 Jahren: 37,00"), several
 * separated by "|".
 */
public final class FeeText {

	private static final Pattern AMOUNT = Pattern.compile("[0-9][0-9.,]*");

	private static final Pattern RANGE = Pattern
		.compile("(" + AMOUNT + ")\\s*(?:€|EUR)?\\s*(?:–|-|—|bis)\\s*(" + AMOUNT + ")\\s*(?:€|EUR)?");

	private static final Pattern WITH_UNIT = Pattern.compile("(" + AMOUNT + ")\\s*(?:€|EUR)?\\s*(.*)");

	private FeeText() {
	}

	/** The fees of the cell, or empty if one of them cannot be read. */
	public static Optional<List<FeeDetails>> parse(String cell) {
		List<FeeDetails> fees = new ArrayList<>();
		for (String part : cell.split("\\|")) {
			String entry = part.strip();
			if (entry.isEmpty()) {
				continue;
			}
			String label = "";
			int colon = entry.lastIndexOf(": ");
			if (colon > 0) {
				label = entry.substring(0, colon).strip();
				entry = entry.substring(colon + 2).strip();
			}
			Optional<FeeDetails> fee = parseOne(LocalizedText.of(label), entry);
			if (fee.isEmpty()) {
				return Optional.empty();
			}
			fees.add(fee.get());
		}
		return Optional.of(List.copyOf(fees));
	}

	private static Optional<FeeDetails> parseOne(LocalizedText label, String entry) {
		String lower = entry.toLowerCase(Locale.GERMAN);
		if (lower.equals("kostenlos") || lower.equals("gebührenfrei") || lower.equals("frei")) {
			return Optional.of(new FeeDetails(label, FeeType.FREE, null, null, LocalizedText.EMPTY));
		}
		Matcher range = RANGE.matcher(entry);
		if (range.matches()) {
			Optional<BigDecimal> from = Amounts.parse(range.group(1));
			Optional<BigDecimal> to = Amounts.parse(range.group(2));
			if (from.isEmpty() || to.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new FeeDetails(label, FeeType.RANGE, from.get(), to.get(), LocalizedText.EMPTY));
		}
		Matcher withUnit = WITH_UNIT.matcher(entry);
		if (withUnit.matches()) {
			Optional<BigDecimal> amount = Amounts.parse(withUnit.group(1));
			if (amount.isEmpty()) {
				return Optional.empty();
			}
			String unit = withUnit.group(2).strip();
			return Optional.of(new FeeDetails(label, unit.isEmpty() ? FeeType.FIXED : FeeType.PER_UNIT, amount.get(),
					null, LocalizedText.of(unit)));
		}
		return Optional.empty();
	}

	/** The fees in the form {@link #parse} reads (German labels and units). */
	public static String format(List<FeeDetails> fees) {
		return fees.stream().map(FeeText::formatOne).collect(Collectors.joining(" | "));
	}

	private static String formatOne(FeeDetails fee) {
		String value = switch (fee.type()) {
			case FREE -> "kostenlos";
			case FIXED -> Amounts.format(fee.amount());
			case PER_UNIT -> Amounts.format(fee.amount()) + " " + fee.unit().de();
			case RANGE -> Amounts.format(fee.amount()) + "–" + Amounts.format(fee.maxAmount());
		};
		return fee.label().de().isEmpty() ? value : fee.label().de() + ": " + value;
	}

}
