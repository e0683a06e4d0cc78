package de.amtsweg.catalog;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A fee of a service, or a local fee of one municipality's offering. Amounts in euro.
 *
 * @param id identifier
 * @param label what the fee is for, e.g. "für Personen ab 24 Jahren" (may be empty)
 * @param type how it is charged
 * @param amount the amount, the amount per unit, or the lowest amount; null if free
 * @param maxAmount the highest amount of a range
 * @param unit the unit of a per-unit fee, e.g. "je Hund"
 */
public record Fee(UUID id, LocalizedText label, FeeType type, @Nullable BigDecimal amount,
		@Nullable BigDecimal maxAmount, LocalizedText unit) {
}
