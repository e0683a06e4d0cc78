package de.amtsweg.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import de.amtsweg.cases.CaseResult;
import de.amtsweg.cases.CaseStatus;
import org.jspecify.annotations.Nullable;

/**
 * A case (Vorgang) without its answers.
 *
 * @param id identifier
 * @param municipalityId the municipality
 * @param reference reference number, e.g. {@code VG-2026-000123}
 * @param submissionId the submission it came from
 * @param submissionReference the submission's reference on the receipt
 * @param caseTypeId the case type version it started with
 * @param formKey the form
 * @param formVersion the form's version
 * @param titleDe the form's title in German
 * @param titleEn the form's title in English
 * @param orgUnitId the responsible org unit
 * @param applicantAccountId the applicant's account, null for a guest
 * @param applicantName the applicant's name
 * @param applicantEmail where the applicant gets mail, if known
 * @param status where it stands
 * @param result the decision, once decided
 * @param decisionReason why
 * @param noticeBlob the notice PDF's blob address, once created
 * @param noticeCreatedAt when the notice was created
 * @param assigneeStaffId the clerk who claimed it
 * @param assigneeName that clerk's name
 * @param processInstanceId the route's process instance
 * @param accessCode the code printed for the applicant
 * @param submittedAt when the form was sent
 * @param deadline end of the legal processing time
 * @param closedAt when it was closed
 */
public record CaseFile(UUID id, UUID municipalityId, String reference, UUID submissionId, String submissionReference,
		UUID caseTypeId, String formKey, int formVersion, String titleDe, String titleEn, UUID orgUnitId,
		@Nullable UUID applicantAccountId, String applicantName, @Nullable String applicantEmail, CaseStatus status,
		@Nullable CaseResult result, @Nullable String decisionReason, @Nullable String noticeBlob,
		@Nullable Instant noticeCreatedAt, @Nullable UUID assigneeStaffId, @Nullable String assigneeName,
		@Nullable String processInstanceId, String accessCode, Instant submittedAt, LocalDate deadline,
		@Nullable Instant closedAt) {

	public String title(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.titleEn : this.titleDe;
	}

	public boolean isOpen() {
		return this.status != CaseStatus.CLOSED;
	}

	public boolean isOverdue(LocalDate today) {
		return isOpen() && this.deadline.isBefore(today);
	}

}
