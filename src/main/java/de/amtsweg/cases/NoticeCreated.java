package de.amtsweg.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * A notice (Bescheid) was created for a case. Published in the transaction that stored
 * it.
 *
 * @param caseId the case
 * @param municipalityId its municipality
 * @param orgUnitId the responsible org unit
 * @param blobAddress where the blob store keeps the PDF
 * @param createdAt when
 */
public record NoticeCreated(UUID caseId, UUID municipalityId, UUID orgUnitId, String blobAddress, Instant createdAt) {
}
