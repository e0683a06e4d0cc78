package de.amtsweg.mailroom;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An incoming item left the intake: filed into a case's file, put into an org unit's
 * inbox, or filed into a general file. Published in the routing's transaction.
 *
 * @param itemId the item
 * @param municipalityId its municipality
 * @param orgUnitId the org unit that has it now
 * @param caseId the case it was filed into, if any
 * @param routedBy {@code CASE} (by reference number), {@code RULE}, or the audit name of
 * the person who routed it
 */
public record IncomingMailRouted(UUID itemId, UUID municipalityId, UUID orgUnitId, @Nullable UUID caseId,
		String routedBy) {
}
