package de.amtsweg.queue.internal;

import java.util.UUID;

/**
 * A ticket whose holder left an e-mail address has come near the front of the line;
 * published once per ticket, in the transaction of the call that moved the line.
 *
 * @param ticketId the ticket
 */
public record TicketTurnNear(UUID ticketId) {
}
