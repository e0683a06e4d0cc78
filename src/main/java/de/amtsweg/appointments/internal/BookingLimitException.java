package de.amtsweg.appointments.internal;

/**
 * The e-mail address already holds as many open appointments for a service as allowed.
 */
public class BookingLimitException extends RuntimeException {

	private final int limit;

	public BookingLimitException(int limit) {
		super("Too many open appointments");
		this.limit = limit;
	}

	public int limit() {
		return this.limit;
	}

}
