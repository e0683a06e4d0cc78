package de.amtsweg.platform;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit log.
 *
 * @param id position in the chain
 * @param occurredAt when it happened
 * @param actor who did it ({@link AuditActor#auditName()}, {@code anonymous} or
 * {@code system})
 * @param action what was done, e.g. {@code profile.read}
 * @param recordType the kind of record, e.g. {@code citizen-account}
 * @param recordId the record's identifier
 * @param municipalityId the municipality it belongs to, if any
 * @param details a short free text without personal data beyond the record's identifier
 * @param previousHash hash of the entry before
 * @param hash hash of this entry, covering all fields above
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String recordType, String recordId,
		@Nullable UUID municipalityId, String details, String previousHash, String hash) {
}
