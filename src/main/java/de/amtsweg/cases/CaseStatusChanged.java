package de.amtsweg.cases;

import java.util.UUID;

/**
 * The status of a case changed (the applicant is told). Published in the transaction of
 * the change.
 *
 * @param caseId the case
 * @param municipalityId its municipality
 * @param status the new status
 */
public record CaseStatusChanged(UUID caseId, UUID municipalityId, CaseStatus status) {
}
