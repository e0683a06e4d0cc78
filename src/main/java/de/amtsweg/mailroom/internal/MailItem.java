package de.amtsweg.mailroom.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An incoming item of the mail room.
 *
 * @param id the item
 * @param municipalityId its municipality
 * @param batchId the upload it came with
 * @param fileName the uploaded file's name
 * @param contentType PDF, PNG, JPEG or TIFF
 * @param size bytes
 * @param blob blob store address of the original
 * @param uploadedAt when it was uploaded
 * @param uploadedBy who uploaded it (audit name)
 * @param state QUEUED, MANUAL, INBOX or FILED
 * @param attempts worker runs that took it
 * @param recognition TEXT, OCR, UNAVAILABLE or FAILED, null while queued
 * @param content the extracted text
 * @param subject the recognised subject
 * @param sender the recognised sender
 * @param caseReferences the recognised reference numbers
 * @param paymentReference a recognised Kassenzeichen
 * @param orgUnitId the org unit that has it
 * @param caseId the case it was filed into
 * @param caseReference that case's reference number
 * @param routedBy CASE, RULE or a person
 * @param routedAt when it left the queue
 * @param documentId the document it became
 * @param searchableBlob address of the PDF with the recognised text as a layer, if made
 */
public record MailItem(UUID id, UUID municipalityId, UUID batchId, String fileName, String contentType, long size,
		String blob, Instant uploadedAt, String uploadedBy, String state, int attempts, @Nullable String recognition,
		@Nullable String content, @Nullable String subject, @Nullable String sender, List<String> caseReferences,
		@Nullable String paymentReference, @Nullable UUID orgUnitId, @Nullable UUID caseId,
		@Nullable String caseReference, @Nullable String routedBy, @Nullable Instant routedAt,
		@Nullable UUID documentId, @Nullable String searchableBlob) {

	public static final String QUEUED = "QUEUED";

	public static final String MANUAL = "MANUAL";

	public static final String INBOX = "INBOX";

	public static final String FILED = "FILED";

	/** A title for lists and the filed document. */
	public String title() {
		return (this.subject != null && !this.subject.isBlank()) ? this.subject : this.fileName;
	}

}
