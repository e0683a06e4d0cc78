package de.amtsweg.queue.internal;

/** Where a ticket stands. */
public enum TicketStatus {

	WAITING, CALLED, DONE, NO_SHOW

}
