package de.amtsweg.catalog;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A fee as an admin or an import enters it.
 *
 * @param label what the fee is for (may be empty)
 * @param type how it is charged
 * @param amount the amount, amount per unit or lowest amount; null if free
 * @param maxAmount the highest amount of a range
 * @param unit the unit of a per-unit fee
 */
public record FeeDetails(LocalizedText label, FeeType type, @Nullable BigDecimal amount, @Nullable BigDecimal maxAmount,
		LocalizedText unit) {

	public static FeeDetails of(Fee fee) {
		return new FeeDetails(fee.label(), fee.type(), fee.amount(), fee.maxAmount(), fee.unit());
	}

}
