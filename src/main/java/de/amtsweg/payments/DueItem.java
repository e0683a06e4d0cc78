package de.amtsweg.payments;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One amount of a claim due on one date; a claim with an instalment plan has several.
 *
 * @param number 1, 2, … in order of due date
 * @param dueDate when it is due
 * @param amount how much
 * @param paidAmount how much of it is paid
 */
public record DueItem(int number, LocalDate dueDate, BigDecimal amount, BigDecimal paidAmount) {

	public BigDecimal openAmount() {
		return this.amount.subtract(this.paidAmount);
	}

	public boolean settled() {
		return this.paidAmount.compareTo(this.amount) >= 0;
	}

}
