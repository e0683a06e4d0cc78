package de.amtsweg.catalog.web;

import java.math.BigDecimal;
import java.util.Optional;

import de.amtsweg.catalog.FeeDetails;
import de.amtsweg.catalog.FeeType;
import de.amtsweg.catalog.LocalizedText;
import de.amtsweg.catalog.internal.Amounts;
import de.amtsweg.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The page that adds a fee.
 *
 * @param label what it is for (German)
 * @param labelEn what it is for (English)
 * @param type FIXED, PER_UNIT, RANGE or FREE
 * @param amount amount in euro as typed
 * @param maxAmount highest amount of a range
 * @param unit unit of a per-unit fee (German)
 * @param unitEn unit (English)
 */
record FeeForm(String label, String labelEn, String type, String amount, String maxAmount, String unit, String unitEn) {

	FeeForm(@Nullable String label, @Nullable String labelEn, @Nullable String type, @Nullable String amount,
			@Nullable String maxAmount, @Nullable String unit, @Nullable String unitEn) {
		this.label = (label != null) ? label : "";
		this.labelEn = (labelEn != null) ? labelEn : "";
		this.type = (type != null) ? type : "";
		this.amount = (amount != null) ? amount : "";
		this.maxAmount = (maxAmount != null) ? maxAmount : "";
		this.unit = (unit != null) ? unit : "";
		this.unitEn = (unitEn != null) ? unitEn : "";
	}

	static FeeForm empty() {
		return new FeeForm("", "", "FIXED", "", "", "", "");
	}

	/** The fee, or the problems of what was typed. */
	FeeDetails details() {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		FeeType feeType = null;
		try {
			feeType = FeeType.valueOf(this.type);
		}
		catch (IllegalArgumentException ex) {
			problems.add("type", "catalog.fee.type.required");
		}
		BigDecimal parsedAmount = parse(this.amount, "amount", problems);
		BigDecimal parsedMax = parse(this.maxAmount, "maxAmount", problems);
		problems.throwIfAny();
		return new FeeDetails(new LocalizedText(this.label, this.labelEn), feeType, parsedAmount, parsedMax,
				new LocalizedText(this.unit, this.unitEn));
	}

	private static @Nullable BigDecimal parse(String text, String field, InvalidInputException.Collector problems) {
		if (text.isBlank()) {
			return null;
		}
		Optional<BigDecimal> parsed = Amounts.parse(text);
		if (parsed.isEmpty()) {
			problems.add(field, "catalog.fee.amount.invalid");
			return null;
		}
		return parsed.get();
	}

}
