package de.amtsweg.cases.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant's view of their cases: in the account only their own (another's case does
 * not exist, 404), without account by reference number and access code. Every read is
 * audited.
 */
@Service
public class ApplicantCases {

	private final CaseRepository cases;

	private final CaseTypes caseTypes;

	private final CaseWork work;

	private final CaseQuestionRepository questions;

	private final AuditLog auditLog;

	private final java.time.Clock clock;

	ApplicantCases(CaseRepository cases, CaseTypes caseTypes, CaseWork work, CaseQuestionRepository questions,
			AuditLog auditLog, java.time.Clock clock) {
		this.cases = cases;
		this.caseTypes = caseTypes;
		this.work = work;
		this.questions = questions;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional
	public List<CaseFile> ofAccount(UUID accountId) {
		List<CaseFile> list = this.cases.ofApplicant(accountId);
		this.auditLog.record("case.listed-by-applicant", "case", "-", null, list.size() + " cases");
		return list;
	}

	@Transactional
	public StatusView ofAccount(UUID accountId, UUID caseId) {
		CaseFile file = this.cases.findById(caseId)
			.filter((candidate) -> accountId.equals(candidate.applicantAccountId()))
			.orElseThrow(() -> new NotFoundException("Case " + caseId));
		this.auditLog.record("case.read-by-applicant", "case", caseId.toString(), file.municipalityId(),
				file.reference());
		return view(file);
	}

	@Transactional
	public CaseWork.Download noticeOfAccount(UUID accountId, UUID caseId) {
		CaseFile file = this.cases.findById(caseId)
			.filter((candidate) -> accountId.equals(candidate.applicantAccountId()))
			.orElseThrow(() -> new NotFoundException("Case " + caseId));
		return this.work.noticeOf(file);
	}

	/** The case with this reference and access code in the municipality, if both fit. */
	@Transactional
	public Optional<StatusView> byReference(UUID municipalityId, String reference, String accessCode) {
		String normalisedReference = reference.trim().toUpperCase(Locale.ROOT);
		Optional<CaseFile> file = this.cases.findByReference(municipalityId, normalisedReference)
			.filter((candidate) -> sameCode(candidate.accessCode(), accessCode));
		file.ifPresentOrElse(
				(found) -> this.auditLog.record("case.read-by-code", "case", found.id().toString(), municipalityId,
						found.reference()),
				() -> this.auditLog.record("case.code-refused", "case", "-", municipalityId, normalisedReference));
		return file.map(this::view);
	}

	/** The notice by reference and access code. */
	@Transactional
	public CaseWork.Download noticeByReference(UUID municipalityId, String reference, String accessCode) {
		CaseFile file = this.cases.findByReference(municipalityId, reference.trim().toUpperCase(Locale.ROOT))
			.filter((candidate) -> sameCode(candidate.accessCode(), accessCode))
			.orElseThrow(() -> new NotFoundException("Case " + reference));
		return this.work.noticeOf(file);
	}

	static boolean sameCode(String expected, String given) {
		String normalised = given.trim().toUpperCase(Locale.ROOT).replace(" ", "");
		if (normalised.length() == 10 && normalised.indexOf('-') < 0) {
			normalised = normalised.substring(0, 5) + "-" + normalised.substring(5);
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				normalised.getBytes(StandardCharsets.UTF_8));
	}

	private StatusView view(CaseFile file) {
		CaseType type = this.caseTypes.byId(file.caseTypeId()).orElseThrow();
		List<CaseQuestion> asked = this.questions.ofCase(file.id());
		java.time.LocalDate today = java.time.LocalDate.now(this.clock);
		CaseQuestion waiting = asked.stream()
			.filter((question) -> question.state(today) != CaseQuestion.State.ANSWERED)
			.reduce((first, second) -> second)
			.orElse(null);
		return new StatusView(file, type, this.cases.events(file.id(), true), waiting,
				(waiting != null) ? waiting.state(today) : null);
	}

	/**
	 * What the applicant sees.
	 *
	 * @param file the case
	 * @param type its case type
	 * @param history the status changes and notices
	 * @param question the unanswered Rückfrage, a task for the applicant, if any
	 * @param questionState where that question stands (open or lapsed)
	 */
	public record StatusView(CaseFile file, CaseType type, List<CaseRepository.CaseEvent> history,
			@org.jspecify.annotations.Nullable CaseQuestion question,
			CaseQuestion.@org.jspecify.annotations.Nullable State questionState) {
	}

}
