package de.amtsweg.forms;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.forms.internal.DraftFiles;
import de.amtsweg.forms.internal.FormDefinitions;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.FormVersion;
import de.amtsweg.forms.internal.ReceiptDocument;
import de.amtsweg.forms.internal.SubmissionHolds;
import de.amtsweg.forms.internal.definition.FormDefinition;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submitted forms for other modules (the case module creates a case from
 * {@link FormSubmitted} and reads the data here). Every read is audited.
 */
@Service
public class Submissions {

	private final FormFilling filling;

	private final FormDefinitions definitions;

	private final DraftFiles files;

	private final AuditLog auditLog;

	private final ReceiptDocument receipts;

	private final Municipalities municipalities;

	private final SubmissionHolds holds;

	Submissions(FormFilling filling, FormDefinitions definitions, DraftFiles files, AuditLog auditLog,
			ReceiptDocument receipts, Municipalities municipalities, SubmissionHolds holds) {
		this.holds = holds;
		this.filling = filling;
		this.definitions = definitions;
		this.files = files;
		this.auditLog = auditLog;
		this.receipts = receipts;
		this.municipalities = municipalities;
	}

	/**
	 * The receipt (Eingangsbestätigung) of a submission as the applicant gets it: a
	 * signed PDF/A with all answers, in German, for the case's file.
	 */
	@Transactional
	public Optional<byte[]> receipt(UUID submissionId) {
		return this.filling.findSubmission(submissionId).map((submission) -> {
			this.auditLog.record("form-submission.receipt-rendered", "form-submission", submissionId.toString(),
					submission.municipalityId(), submission.reference());
			return this.receipts.pdf(submission, this.municipalities.get(submission.municipalityId()),
					java.util.Locale.GERMAN, this.files.names(this.files.ofSubmission(submissionId)));
		});
	}

	@Transactional
	public Optional<SubmittedForm> get(UUID submissionId) {
		return this.filling.findSubmission(submissionId).map((submission) -> {
			FormVersion version = this.definitions.version(submission.formVersionId()).orElseThrow();
			this.auditLog.record("form-submission.read", "form-submission", submissionId.toString(),
					submission.municipalityId(), submission.reference());
			List<Attachment> attachments = this.files.ofSubmission(submissionId)
				.stream()
				.map((upload) -> new Attachment(upload.id(), upload.fieldId(), upload.fileName(), upload.contentType(),
						upload.size(), upload.blobAddress()))
				.toList();
			return new SubmittedForm(submission.id(), submission.reference(), version.key(), version.version(),
					version.json(), submission.municipalityId(), submission.accountId(),
					responsibleUnit(version, submission.answers().values()), submission.submittedAt(),
					submission.answers().values(), submission.computed(), attachments);
		});
	}

	/**
	 * Releases a submission held until its fee was paid ({@link FeeCollection}): from now
	 * on it counts, and {@link FormSubmitted} is published, exactly once however often
	 * this is called.
	 * @return whether this call released it
	 */
	public boolean release(UUID submissionId) {
		return this.holds.release(submissionId);
	}

	/**
	 * Whether the submission is held until its fee is paid (neither released nor
	 * expired).
	 */
	public boolean awaitingPayment(UUID submissionId) {
		return this.holds.hold(submissionId).filter(SubmissionHolds.AWAITING_PAYMENT::equals).isPresent();
	}

	/**
	 * The unit the applicant chose where the form asks for one (a general contact form),
	 * else the form's responsible unit.
	 */
	private static @Nullable String responsibleUnit(FormVersion version, Map<String, Object> answers) {
		return version.definition()
			.fields()
			.stream()
			.filter((field) -> FormDefinition.ORG_UNITS.equals(field.codeList()))
			.map((field) -> answers.get(field.id()))
			.filter((answer) -> answer instanceof String chosen && !chosen.isBlank())
			.map(String.class::cast)
			.findFirst()
			.orElse(version.definition().local().responsibleUnit());
	}

	/**
	 * A submission with everything a case needs.
	 *
	 * @param id the submission
	 * @param reference its reference number
	 * @param formKey the form
	 * @param formVersion the version it was filled with
	 * @param definitionJson that version's definition
	 * @param municipalityId the municipality
	 * @param applicantAccountId the citizen's account, or null for a guest
	 * @param responsibleUnit key of the org unit that receives it
	 * @param submittedAt when
	 * @param answers the answers by field id (texts, lists, maps, group entries)
	 * @param computed the computed values, e.g. {@code fee}
	 * @param attachments the uploaded files
	 */
	public record SubmittedForm(UUID id, String reference, String formKey, int formVersion, String definitionJson,
			UUID municipalityId, @Nullable UUID applicantAccountId, @Nullable String responsibleUnit,
			Instant submittedAt, Map<String, Object> answers, Map<String, BigDecimal> computed,
			List<Attachment> attachments) {
	}

	/**
	 * An uploaded file of a submission.
	 *
	 * @param id the upload
	 * @param fieldId the field it answers
	 * @param fileName its name
	 * @param contentType its detected type
	 * @param size bytes
	 * @param blobAddress where the platform's blob store keeps it
	 */
	public record Attachment(UUID id, String fieldId, String fileName, String contentType, long size,
			String blobAddress) {
	}

}
