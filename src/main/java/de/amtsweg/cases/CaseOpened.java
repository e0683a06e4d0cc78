package de.amtsweg.cases;

import java.util.UUID;

/**
 * A case was opened for a submission. Published in the transaction that created it.
 *
 * @param caseId the case
 * @param municipalityId its municipality
 * @param orgUnitId the responsible org unit
 * @param submissionId the submission it came from
 */
public record CaseOpened(UUID caseId, UUID municipalityId, UUID orgUnitId, UUID submissionId) {
}
