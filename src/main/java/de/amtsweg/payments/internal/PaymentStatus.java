package de.amtsweg.payments.internal;

/** Where an online payment attempt stands. */
public enum PaymentStatus {

	CREATED, PENDING, SUCCEEDED, FAILED, CANCELLED;

	public boolean finished() {
		return this == SUCCEEDED || this == FAILED || this == CANCELLED;
	}

}
