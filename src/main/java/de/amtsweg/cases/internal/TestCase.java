package de.amtsweg.cases.internal;

import java.time.Instant;
import java.util.UUID;

import de.amtsweg.cases.CaseResult;
import de.amtsweg.cases.CaseStatus;
import org.jspecify.annotations.Nullable;

/**
 * A test case of a test run: runs on the draft route like a case, but is no case.
 *
 * @param id the test case (the route's {@code caseId} variable)
 * @param runId its test run
 * @param municipalityId the municipality
 * @param number its number in the run, shown as "T-1"
 * @param applicantName an applicant's name, if the admin gave one
 * @param orgUnitId the org unit whose group the route's tasks go to
 * @param dataJson the variables it started with
 * @param sourceReference the case whose data it took, if any
 * @param status the status the route set
 * @param result the decision
 * @param reason its reason
 * @param processInstanceId its process instance in the test tenant
 * @param createdBy who created it
 * @param createdAt when
 * @param endedAt when its route closed it or the run was promoted
 */
public record TestCase(UUID id, UUID runId, UUID municipalityId, int number, String applicantName, UUID orgUnitId,
		String dataJson, @Nullable String sourceReference, CaseStatus status, @Nullable CaseResult result,
		@Nullable String reason, @Nullable String processInstanceId, String createdBy, Instant createdAt,
		@Nullable Instant endedAt) {

	public String label() {
		return "T-" + this.number;
	}

}
