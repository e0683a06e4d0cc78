package de.amtsweg.payments;

/** Where a claim stands. */
public enum ClaimStatus {

	/** Nothing paid yet. */
	OPEN,
	/** Some due items (or part of one) are paid. */
	PARTLY_PAID,
	/** Paid in full. */
	PAID,
	/** No longer owed; nothing had been paid. */
	CANCELLED,
	/** Paid and paid back, e.g. after the notice was revoked. */
	REFUNDED;

	/** Whether the debtor can still pay something. */
	public boolean payable() {
		return this == OPEN || this == PARTLY_PAID;
	}

}
