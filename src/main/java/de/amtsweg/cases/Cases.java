package de.amtsweg.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What other modules may ask about cases (the mail room, the integration with specialist
 * systems, documents). Callers check their own access rules; this facade answers plain
 * facts and audits nothing itself.
 */
public interface Cases {

	/**
	 * Finds a case by its reference number in a municipality, or by the reference of the
	 * submission it was opened from (the number on the applicant's receipt).
	 * @param municipalityId the municipality
	 * @param reference the reference number, e.g. {@code VG-2026-000123} or
	 * {@code MUS-2026-000123}
	 * @return the case, if there is one
	 */
	Optional<CaseSummary> byReference(UUID municipalityId, String reference);

	/**
	 * Finds a case by its id.
	 * @param caseId the case
	 * @return the case, if there is one
	 */
	Optional<CaseSummary> byId(UUID caseId);

	/**
	 * The end of a closed case's retention period (by its result and case type).
	 * @param caseId the case
	 * @return the day, empty while the case is open or when there is no such case
	 */
	Optional<LocalDate> retainUntil(UUID caseId);

	/**
	 * The cases of the org units that changed (opened, status, task, note ...) after the
	 * cursor, the oldest change first; each carries the cursor of its latest change, so
	 * that a caller pages on with the last one it got. The cursor follows the order in
	 * which changes became final: a change whose transaction is still running is held
	 * back (with every later one), so a caller that pages on never skips a change that
	 * commits late.
	 * @param municipalityId the municipality
	 * @param orgUnitIds the org units
	 * @param afterCursor the cursor of the last change seen, {@code "0"} for the
	 * beginning (see {@link #validCursor(String)})
	 * @param limit at most this many
	 * @return the changed cases
	 * @throws IllegalArgumentException for a cursor that is not valid
	 */
	List<CaseChange> changedAfter(UUID municipalityId, Collection<UUID> orgUnitIds, String afterCursor, int limit);

	/**
	 * Whether the text is a change cursor: {@code 0}, a cursor handed out as
	 * {@code <transaction>-<event>}, or an event number as earlier versions handed out.
	 * @param cursor the text
	 * @return whether {@link #changedAfter} accepts it
	 */
	static boolean validCursor(String cursor) {
		return cursor.matches("[0-9]{1,19}(-[0-9]{1,19})?");
	}

	/**
	 * The case with its structured data: answers by field id and with their labels,
	 * computed values and the attachments (without their bytes).
	 * @param caseId the case
	 * @param locale the language of the labels
	 * @return the case, if there is one
	 */
	Optional<CaseData> data(UUID caseId, Locale locale);

	/**
	 * An attachment of the case with its bytes.
	 * @param caseId the case
	 * @param attachmentId the attachment
	 * @return the file, if the case has it
	 */
	Optional<AttachmentContent> attachment(UUID caseId, UUID attachmentId);

	/**
	 * Moves the case along its processing route until it reaches the status, completing
	 * the route's open tasks as a clerk would (the decision task with the result and
	 * reason), so history, audit and the applicant's notifications stay the same.
	 * @param caseId the case
	 * @param target {@link CaseStatus#IN_PROGRESS}, {@link CaseStatus#DECIDED} or
	 * {@link CaseStatus#CLOSED}
	 * @param result the decision, needed when the route reaches its decision
	 * @param reason why, needed with the result
	 * @param noticeText optional text for the notice
	 * @param actorName who does it, for the case's history
	 * @throws de.amtsweg.platform.NotFoundException for an unknown case
	 * @throws de.amtsweg.platform.InvalidInputException for a status that cannot be set
	 * or a missing decision
	 */
	void advance(UUID caseId, CaseStatus target, @Nullable CaseResult result, @Nullable String reason,
			@Nullable String noticeText, String actorName);

	/**
	 * Notes in the case's history that an incoming letter was filed into its e-file (the
	 * mail room), so the clerk sees it beside the case's other events.
	 * @param title the letter's title in the file
	 * @param actorName who filed it, for the case's history
	 */
	void incomingLetterFiled(UUID caseId, String title, String actorName);

	/**
	 * A case that changed.
	 *
	 * @param summary the case
	 * @param cursor position of its latest change
	 * @param changedAt when it changed last
	 * @param formKey the form it came from
	 * @param submittedAt when the form was sent
	 */
	record CaseChange(CaseSummary summary, String cursor, Instant changedAt, String formKey, Instant submittedAt) {
	}

	/**
	 * A case with its structured data.
	 *
	 * @param summary the case
	 * @param formKey the form
	 * @param formVersion the form's version
	 * @param submissionReference the reference on the applicant's receipt
	 * @param applicantEmail where the applicant gets mail, if known
	 * @param submittedAt when the form was sent
	 * @param deadline end of the legal processing time
	 * @param result the decision, once decided
	 * @param decisionReason why
	 * @param answers the answers by field id, as submitted
	 * @param computed computed values such as the fee
	 * @param sections the answers with their labels, in the order of the form
	 * @param attachments the uploaded files
	 */
	record CaseData(CaseSummary summary, String formKey, int formVersion, String submissionReference,
			@Nullable String applicantEmail, Instant submittedAt, LocalDate deadline, @Nullable CaseResult result,
			@Nullable String decisionReason, Map<String, Object> answers, Map<String, Object> computed,
			List<AnswerSection> sections, List<AttachmentInfo> attachments) {
	}

	/**
	 * A page of the form with the answers given on it.
	 *
	 * @param title the page's title
	 * @param answers label and answer lines
	 */
	record AnswerSection(String title, List<LabelledAnswer> answers) {
	}

	/**
	 * @param label the question
	 * @param lines the answer (several for a group entry)
	 */
	record LabelledAnswer(String label, List<String> lines) {
	}

	/**
	 * @param id the attachment
	 * @param fieldId the form field it was uploaded to
	 * @param fileName its name
	 * @param contentType its type
	 * @param size bytes
	 */
	record AttachmentInfo(UUID id, String fieldId, String fileName, String contentType, long size) {
	}

	/**
	 * @param fileName its name
	 * @param contentType its type
	 * @param content bytes
	 */
	record AttachmentContent(String fileName, String contentType, byte[] content) {
	}

	/**
	 * A case without its answers.
	 *
	 * @param id the case
	 * @param municipalityId its municipality
	 * @param reference reference number
	 * @param orgUnitId the responsible org unit
	 * @param titleDe title in German
	 * @param titleEn title in English
	 * @param applicantAccountId the applicant's account, null for a guest
	 * @param applicantName the applicant's name
	 * @param status where it stands
	 */
	record CaseSummary(UUID id, UUID municipalityId, String reference, UUID orgUnitId, String titleDe, String titleEn,
			@Nullable UUID applicantAccountId, String applicantName, CaseStatus status) {
	}

}
