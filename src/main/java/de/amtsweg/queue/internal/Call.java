package de.amtsweg.queue.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One call of a ticket to a counter, as the display board shows it: number and counter,
 * never a name.
 *
 * @param id running number of calls
 * @param ticketId the ticket
 * @param locationId the catalogue location
 * @param displayNumber e.g. {@code A007}
 * @param counterName e.g. "Schalter 2"
 * @param calledAt when
 */
public record Call(long id, UUID ticketId, UUID locationId, String displayNumber, String counterName,
		Instant calledAt) {

}
