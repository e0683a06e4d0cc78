package de.amtsweg.appointments.internal;

/** The chosen time was taken by someone else in the meantime (or is not bookable). */
public class SlotTakenException extends RuntimeException {

	public SlotTakenException() {
		super("The slot is no longer free");
	}

}
