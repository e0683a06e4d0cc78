package de.amtsweg.integrations.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.cases.CaseResult;
import de.amtsweg.cases.CaseStatus;
import de.amtsweg.cases.Cases;
import de.amtsweg.cases.Cases.CaseSummary;
import de.amtsweg.integrations.internal.CaseDocumentUploads;
import de.amtsweg.integrations.internal.IntegrationsProperties;
import de.amtsweg.integrations.internal.SpecialistSystemPrincipal;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.postbox.NewThread;
import de.amtsweg.postbox.Postbox;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The API for specialist systems (OpenAPI: {@code /api/v1/fachverfahren/openapi.yaml}):
 * the cases of the system's org units changed since a cursor, a case with its structured
 * data, its attachments, moving it along its route, and messages to the applicant. A case
 * of another org unit or municipality does not exist for the system (404). Every read is
 * audited under the system's name.
 */
@RestController
@RequestMapping(ApiKeySecurity.PATH)
class SpecialistSystemApiController {

	private final Cases cases;

	private final Postbox postbox;

	private final AuditLog auditLog;

	private final IntegrationsProperties properties;

	private final CaseDocumentUploads uploads;

	SpecialistSystemApiController(Cases cases, Postbox postbox, AuditLog auditLog, IntegrationsProperties properties,
			CaseDocumentUploads uploads) {
		this.cases = cases;
		this.postbox = postbox;
		this.auditLog = auditLog;
		this.properties = properties;
		this.uploads = uploads;
	}

	@GetMapping("/cases")
	@Transactional
	ChangesPage changes(@AuthenticationPrincipal SpecialistSystemPrincipal system,
			@RequestParam(name = "after", defaultValue = "0") String after,
			@RequestParam(name = "limit", required = false) @Nullable Integer limit) {
		String cursor = after.strip();
		if (!Cases.validCursor(cursor)) {
			throw InvalidInputException.of("after", "integrations.api.cursor.invalid");
		}
		int pageSize = this.properties.pageSize();
		if (limit != null) {
			if (limit < 1 || limit > pageSize) {
				throw InvalidInputException.of("limit", "integrations.api.limit.invalid", pageSize);
			}
			pageSize = limit;
		}
		List<Cases.CaseChange> changes = this.cases.changedAfter(system.municipalityId(), system.orgUnitIds(), cursor,
				pageSize + 1);
		boolean more = changes.size() > pageSize;
		List<Cases.CaseChange> page = more ? changes.subList(0, pageSize) : changes;
		this.auditLog.record("integrations.cases-listed", "case", "-", system.municipalityId(),
				page.size() + " after " + cursor);
		String next = page.isEmpty() ? cursor : page.get(page.size() - 1).cursor();
		return new ChangesPage(page.stream().map(ChangedCase::of).toList(), next, more);
	}

	@GetMapping("/cases/{caseId}")
	@Transactional
	CaseDocument get(@AuthenticationPrincipal SpecialistSystemPrincipal system, @PathVariable UUID caseId,
			Locale locale) {
		visible(system, caseId);
		Cases.CaseData data = this.cases.data(caseId, locale)
			.orElseThrow(() -> new NotFoundException("Case " + caseId));
		this.auditLog.record("case.read", "case", caseId.toString(), system.municipalityId(),
				data.summary().reference());
		return CaseDocument.of(data);
	}

	@GetMapping("/cases/{caseId}/attachments/{attachmentId}")
	@Transactional
	ResponseEntity<byte[]> attachment(@AuthenticationPrincipal SpecialistSystemPrincipal system,
			@PathVariable UUID caseId, @PathVariable UUID attachmentId) {
		CaseSummary summary = visible(system, caseId);
		Cases.AttachmentContent content = this.cases.attachment(caseId, attachmentId)
			.orElseThrow(() -> new NotFoundException("Attachment " + attachmentId));
		this.auditLog.record("case.attachment-read", "case", caseId.toString(), system.municipalityId(),
				summary.reference() + ": " + content.fileName());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(content.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content.content());
	}

	@PostMapping("/cases/{caseId}/status")
	@Transactional
	CaseDocument setStatus(@AuthenticationPrincipal SpecialistSystemPrincipal system, @PathVariable UUID caseId,
			@RequestBody StatusRequest request, Locale locale) {
		visible(system, caseId);
		CaseStatus status = parse(CaseStatus.class, "status", request.status(), true);
		CaseResult result = parse(CaseResult.class, "result", request.result(), false);
		this.cases.advance(caseId, status, result, request.reason(), request.noticeText(), system.name());
		return get(system, caseId, locale);
	}

	@PostMapping("/cases/{caseId}/messages")
	@Transactional
	ResponseEntity<Map<String, String>> message(@AuthenticationPrincipal SpecialistSystemPrincipal system,
			@PathVariable UUID caseId, @RequestBody MessageRequest request) {
		CaseSummary summary = visible(system, caseId);
		Cases.CaseData data = this.cases.data(caseId, Locale.GERMAN).orElseThrow();
		String subject = (request.subject() != null && !request.subject().isBlank()) ? request.subject().strip()
				: summary.titleDe() + " – " + summary.reference();
		UUID threadId = this.postbox.openThread(new NewThread(summary.municipalityId(), summary.orgUnitId(),
				summary.applicantAccountId(), (summary.applicantAccountId() == null) ? data.applicantEmail() : null,
				"case:" + caseId, subject, (request.text() != null) ? request.text() : "", null, request.replyBy()));
		return ResponseEntity.created(URI.create(ApiKeySecurity.PATH + "/cases/" + caseId))
			.body(Map.of("threadId", threadId.toString()));
	}

	/**
	 * Files a document in the case's e-file. With an {@code Idempotency-Key} a retried
	 * request answers with the document of the first one (header
	 * {@code Idempotent-Replayed: true}) and files nothing new.
	 */
	@PostMapping(path = "/cases/{caseId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> addDocument(@AuthenticationPrincipal SpecialistSystemPrincipal system,
			@PathVariable UUID caseId, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(name = "title", required = false) @Nullable String title,
			@RequestParam(name = "type", required = false) @Nullable String type,
			@RequestParam(name = "date", required = false) @Nullable String date,
			@RequestParam(name = "sender", required = false) @Nullable String sender,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		if (file == null || file.isEmpty()) {
			throw InvalidInputException.of("file", "integrations.api.document.file.required");
		}
		LocalDate documentDate = null;
		if (date != null && !date.isBlank()) {
			try {
				documentDate = LocalDate.parse(date.strip());
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw InvalidInputException.of("date", "integrations.api.document.date.invalid");
			}
		}
		byte[] content;
		try {
			content = file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String fileName = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "dokument";
		CaseDocumentUploads.Added added = this.uploads.add(system, caseId,
				new CaseDocumentUploads.Upload(type, title, sender, documentDate, fileName, content), idempotencyKey);
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("id", added.documentId().toString());
		body.put("caseId", caseId.toString());
		body.put("sha256", added.sha256());
		body.put("publishedToApplicant", false);
		return ResponseEntity
			.created(URI.create(ApiKeySecurity.PATH + "/cases/" + caseId + "/documents/" + added.documentId()))
			.header("Idempotent-Replayed", Boolean.toString(added.replayed()))
			.body(body);
	}

	/** The OpenAPI description of this API. */
	@GetMapping("/openapi.yaml")
	ResponseEntity<String> openApi() {
		try (InputStream in = new ClassPathResource("integrations/openapi.yaml").getInputStream()) {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/yaml;charset=UTF-8"))
				.body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The case if it belongs to one of the system's org units; 404 for any other. */
	private CaseSummary visible(SpecialistSystemPrincipal system, UUID caseId) {
		return this.cases.byId(caseId)
			.filter((summary) -> summary.municipalityId().equals(system.municipalityId()))
			.filter((summary) -> system.orgUnitIds().contains(summary.orgUnitId()))
			.orElseThrow(() -> new NotFoundException("Case " + caseId));
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String field, @Nullable String value,
			boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				throw InvalidInputException.of(field, "integrations.api." + field + ".required");
			}
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of(field, "integrations.api." + field + ".invalid");
		}
	}

	/**
	 * @param status the status to reach: IN_PROGRESS, DECIDED or CLOSED
	 * @param result APPROVED, REJECTED or WITHDRAWN, needed for the decision
	 * @param reason why, needed with the result
	 * @param noticeText extra text for the notice
	 */
	record StatusRequest(@Nullable String status, @Nullable String result, @Nullable String reason,
			@Nullable String noticeText) {
	}

	/**
	 * @param subject subject line; the case's title and reference if empty
	 * @param text the message
	 * @param replyBy the day by which the applicant should answer, if any
	 */
	record MessageRequest(@Nullable String subject, @Nullable String text, @Nullable LocalDate replyBy) {
	}

	/**
	 * @param cases the changed cases, oldest change first
	 * @param nextCursor pass as {@code after} for the next page
	 * @param hasMore whether there are more changes right now
	 */
	record ChangesPage(List<ChangedCase> cases, String nextCursor, boolean hasMore) {
	}

	record ChangedCase(UUID id, String reference, UUID orgUnitId, String formKey, String title, String status,
			Instant submittedAt, Instant changedAt, String cursor) {

		static ChangedCase of(Cases.CaseChange change) {
			CaseSummary s = change.summary();
			return new ChangedCase(s.id(), s.reference(), s.orgUnitId(), change.formKey(), s.titleDe(),
					s.status().name(), change.submittedAt(), change.changedAt(), change.cursor());
		}

	}

	record CaseDocument(UUID id, String reference, UUID municipalityId, UUID orgUnitId, String formKey, int formVersion,
			String title, String status, @Nullable String result, @Nullable String decisionReason,
			String submissionReference, Instant submittedAt, LocalDate deadline, Applicant applicant,
			Map<String, Object> answers, Map<String, Object> computed, List<Cases.AnswerSection> sections,
			List<Attachment> attachments) {

		static CaseDocument of(Cases.CaseData data) {
			CaseSummary s = data.summary();
			return new CaseDocument(s.id(), s.reference(), s.municipalityId(), s.orgUnitId(), data.formKey(),
					data.formVersion(), s.titleDe(), s.status().name(),
					(data.result() != null) ? data.result().name() : null, data.decisionReason(),
					data.submissionReference(), data.submittedAt(), data.deadline(),
					new Applicant(s.applicantName(), data.applicantEmail(), s.applicantAccountId() != null),
					data.answers(), data.computed(), data.sections(),
					data.attachments()
						.stream()
						.map((a) -> new Attachment(a.id(), a.fieldId(), a.fileName(), a.contentType(), a.size(),
								ApiKeySecurity.PATH + "/cases/" + s.id() + "/attachments/" + a.id()))
						.toList());
		}

	}

	record Applicant(String name, @Nullable String email, boolean hasAccount) {
	}

	record Attachment(UUID id, String fieldId, String fileName, String contentType, long size, String href) {
	}

}
