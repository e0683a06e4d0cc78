package de.amtsweg.cases.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.cases.CaseResult;
import de.amtsweg.cases.CaseStatus;
import de.amtsweg.cases.Cases;
import de.amtsweg.forms.Submissions;
import de.amtsweg.platform.BlobStore;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link Cases} facade for other modules.
 */
@Service
@Transactional(readOnly = true)
class CaseDirectory implements Cases {

	private final CaseRepository cases;

	private final CaseWork work;

	private final Submissions submissions;

	private final BlobStore blobs;

	private final Clock clock;

	CaseDirectory(CaseRepository cases, CaseWork work, Submissions submissions, BlobStore blobs, Clock clock) {
		this.clock = clock;
		this.cases = cases;
		this.work = work;
		this.submissions = submissions;
		this.blobs = blobs;
	}

	@Override
	@Transactional
	public void incomingLetterFiled(UUID caseId, String title, String actorName) {
		this.cases.addEvent(caseId, this.clock.instant(), "letter-filed", null, actorName, title, false);
	}

	@Override
	public Optional<CaseSummary> byReference(UUID municipalityId, String reference) {
		return this.cases.findByReference(municipalityId, reference)
			.or(() -> this.cases.findBySubmissionReference(municipalityId, reference))
			.map(CaseDirectory::summary);
	}

	@Override
	public Optional<CaseSummary> byId(UUID caseId) {
		return this.cases.findById(caseId).map(CaseDirectory::summary);
	}

	@Override
	public Optional<java.time.LocalDate> retainUntil(UUID caseId) {
		return this.cases.retainUntil(caseId);
	}

	@Override
	public List<CaseChange> changedAfter(UUID municipalityId, Collection<UUID> orgUnitIds, String afterCursor,
			int limit) {
		if (!Cases.validCursor(afterCursor)) {
			throw new IllegalArgumentException("Not a change cursor: " + afterCursor);
		}
		if (orgUnitIds.isEmpty()) {
			return List.of();
		}
		int dash = afterCursor.indexOf('-');
		long transaction;
		long event;
		if (dash > 0) {
			transaction = Long.parseLong(afterCursor.substring(0, dash));
			event = Long.parseLong(afterCursor.substring(dash + 1));
		}
		else {
			// an event number handed out before the cursor was commit-ordered
			event = Long.parseLong(afterCursor);
			transaction = (event == 0) ? 0 : this.cases.transactionOfEvent(event);
		}
		return this.cases.changedAfter(municipalityId, orgUnitIds, transaction, event, limit)
			.stream()
			.map((changed) -> new CaseChange(summary(changed.file()), changed.transaction() + "-" + changed.cursor(),
					changed.changedAt(), changed.file().formKey(), changed.file().submittedAt()))
			.toList();
	}

	@Override
	public Optional<CaseData> data(UUID caseId, Locale locale) {
		return this.cases.findById(caseId).map((file) -> {
			Map<String, String> json = this.cases.jsonOf(caseId);
			Map<String, Object> answers = CaseIntake.JSON.readValue(json.get("answers"),
					new TypeReference<Map<String, Object>>() {
					});
			Map<String, Object> computed = CaseIntake.JSON.readValue(json.get("computed"),
					new TypeReference<Map<String, Object>>() {
					});
			List<CaseWork.Attachment> attachments = CaseWork.attachments(json.get("attachments"));
			Map<String, String> fileNames = new HashMap<>();
			attachments.forEach((attachment) -> fileNames.put(attachment.id().toString(), attachment.fileName()));
			String definition = this.submissions.get(file.submissionId())
				.map(Submissions.SubmittedForm::definitionJson)
				.orElse("{}");
			List<AnswerSection> sections = FormLabels.sections(definition, answers, locale, fileNames)
				.stream()
				.map((section) -> new AnswerSection(section.title(),
						section.rows().stream().map((row) -> new LabelledAnswer(row.label(), row.lines())).toList()))
				.toList();
			return new CaseData(summary(file), file.formKey(), file.formVersion(), file.submissionReference(),
					file.applicantEmail(), file.submittedAt(), file.deadline(), file.result(), file.decisionReason(),
					answers, computed, sections,
					attachments.stream()
						.map((a) -> new AttachmentInfo(a.id(), a.fieldId(), a.fileName(), a.contentType(), a.size()))
						.toList());
		});
	}

	@Override
	public Optional<AttachmentContent> attachment(UUID caseId, UUID attachmentId) {
		if (this.cases.findById(caseId).isEmpty()) {
			return Optional.empty();
		}
		return CaseWork.attachments(this.cases.jsonOf(caseId).get("attachments"))
			.stream()
			.filter((candidate) -> candidate.id().equals(attachmentId))
			.findFirst()
			.map((a) -> new AttachmentContent(a.fileName(), a.contentType(), this.blobs.get(a.blobAddress())));
	}

	@Override
	@Transactional
	public void advance(UUID caseId, CaseStatus target, @Nullable CaseResult result, @Nullable String reason,
			@Nullable String noticeText, String actorName) {
		this.work.advance(caseId, target, result, reason, noticeText, actorName);
	}

	private static CaseSummary summary(CaseFile c) {
		return new CaseSummary(c.id(), c.municipalityId(), c.reference(), c.orgUnitId(), c.titleDe(), c.titleEn(),
				c.applicantAccountId(), c.applicantName(), c.status());
	}

}
