package de.amtsweg.forms.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.forms.ApplicantProfiles;
import de.amtsweg.forms.FormSubmitted;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Filling in a form: drafts (a citizen's in their account, a guest's in their browser
 * session or behind a resume link), page by page, and the submission, exactly once per
 * draft whatever the browser repeats.
 */
@Service
public class FormFilling {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private final FormDefinitions definitions;

	private final DraftRepository drafts;

	private final SubmissionRepository submissions;

	private final ApplicantProfiles profiles;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	private final FormsProperties properties;

	private final DraftFiles files;

	private final Clock clock;

	private final SubmissionHolds holds;

	FormFilling(FormDefinitions definitions, DraftRepository drafts, SubmissionRepository submissions,
			ApplicantProfiles profiles, ApplicationEventPublisher events, AuditLog auditLog, FormsProperties properties,
			DraftFiles files, Clock clock, SubmissionHolds holds) {
		this.holds = holds;
		this.files = files;
		this.definitions = definitions;
		this.drafts = drafts;
		this.submissions = submissions;
		this.profiles = profiles;
		this.events = events;
		this.auditLog = auditLog;
		this.properties = properties;
		this.clock = clock;
	}

	/** The published version of a form; 404 when the municipality has none. */
	public FormVersion publishedForm(Municipality municipality, String key) {
		return this.definitions.published(municipality.id(), key)
			.orElseThrow(() -> new NotFoundException("Form " + key));
	}

	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(BERLIN));
	}

	public FormEngine engine(FormVersion version) {
		return new FormEngine(this.definitions.completed(version), today());
	}

	/**
	 * Starts a draft with the published version, prefilled from the citizen's account.
	 */
	@Transactional
	public Draft start(Municipality municipality, String key, @Nullable UUID accountId) {
		FormVersion version = publishedForm(municipality, key);
		Answers answers = new Answers();
		if (accountId != null) {
			this.profiles.of(accountId).ifPresent((profile) -> Prefill.apply(version.definition(), profile, answers));
		}
		Instant now = this.clock.instant();
		UUID id = this.drafts.insert(municipality.id(), version.id(), accountId, answers, now,
				now.plus(this.properties.draftLifetime()));
		this.auditLog.record("form-draft.created", "form-draft", id.toString(), municipality.id(), key);
		return this.drafts.find(id).orElseThrow();
	}

	/** The applicant's draft of this form in this municipality; 404 for anyone else. */
	@Transactional
	public Loaded load(Municipality municipality, String key, UUID draftId, Applicant applicant) {
		Draft draft = this.drafts.find(draftId)
			.filter((candidate) -> candidate.municipalityId().equals(municipality.id()))
			.filter(applicant::owns)
			.filter((candidate) -> candidate.expiresAt().isAfter(this.clock.instant()))
			.orElseThrow(() -> new NotFoundException("Draft " + draftId));
		FormVersion version = this.definitions.version(draft.formVersionId()).orElseThrow();
		if (!version.key().equals(key)) {
			throw new NotFoundException("Draft " + draftId);
		}
		this.auditLog.record("form-draft.read", "form-draft", draftId.toString(), municipality.id(), key);
		return new Loaded(draft, version);
	}

	/**
	 * Where to continue a draft: its form, municipality and the first page that still
	 * needs answers (or null when only the check page is left); 404 for anyone else.
	 */
	@Transactional
	public Resume resume(UUID draftId, Applicant applicant) {
		Draft draft = this.drafts.find(draftId)
			.filter(applicant::owns)
			.filter((candidate) -> candidate.expiresAt().isAfter(this.clock.instant()))
			.orElseThrow(() -> new NotFoundException("Draft " + draftId));
		FormVersion version = this.definitions.version(draft.formVersionId()).orElseThrow();
		FormEngine.PageProblems problems = engine(version).firstInvalidPage(draft.answers());
		this.auditLog.record("form-draft.read", "form-draft", draftId.toString(), draft.municipalityId(),
				version.key());
		return new Resume(draft.id(), version.key(), draft.municipalityId(),
				(problems != null) ? problems.page().id() : null);
	}

	/**
	 * Where a draft continues.
	 *
	 * @param draftId the draft
	 * @param key its form
	 * @param municipalityId its municipality
	 * @param pageId the first page with open questions, or null for the check page
	 */
	public record Resume(UUID draftId, String key, UUID municipalityId, @Nullable String pageId) {
	}

	/** Keeps the answers (also wrong ones, so the page can show them again). */
	@Transactional
	public void save(Loaded loaded, Answers answers) {
		engine(loaded.version()).prune(answers);
		Instant now = this.clock.instant();
		this.drafts.updateAnswers(loaded.draft().id(), answers, now, now.plus(this.properties.draftLifetime()));
		this.auditLog.record("form-draft.updated", "form-draft", loaded.draft().id().toString(),
				loaded.draft().municipalityId(), loaded.version().key());
	}

	@Transactional
	public void discard(Loaded loaded) {
		this.files.deleteAll(loaded.draft().id());
		this.drafts.delete(loaded.draft().id());
		this.auditLog.record("form-draft.deleted", "form-draft", loaded.draft().id().toString(),
				loaded.draft().municipalityId(), loaded.version().key());
	}

	/**
	 * Submits the draft exactly once: a repeated request with the same idempotency key
	 * (double click, retry after a lost response) gets the submission made the first
	 * time.
	 * @throws IncompleteAnswersException when a page still has problems
	 */
	@Transactional
	public Submission submit(Municipality municipality, String key, UUID draftId, UUID idempotencyKey,
			Applicant applicant, Locale locale) {
		Optional<Submission> earlier = this.submissions.findByIdempotencyKey(idempotencyKey)
			.filter((submission) -> submission.municipalityId().equals(municipality.id()));
		if (earlier.isPresent()) {
			return earlier.get();
		}
		Optional<Draft> locked = this.drafts.lock(draftId);
		if (locked.isEmpty()) {
			// Another request submitted it while this one waited for the lock.
			return this.submissions.findByIdempotencyKey(idempotencyKey)
				.filter((submission) -> submission.municipalityId().equals(municipality.id()))
				.orElseThrow(() -> new NotFoundException("Draft " + draftId));
		}
		Draft draft = locked.get();
		if (!draft.municipalityId().equals(municipality.id()) || !applicant.owns(draft)
				|| !draft.idempotencyKey().equals(idempotencyKey)) {
			throw new NotFoundException("Draft " + draftId);
		}
		FormVersion version = this.definitions.version(draft.formVersionId()).orElseThrow();
		if (!version.key().equals(key)) {
			throw new NotFoundException("Draft " + draftId);
		}
		FormEngine engine = engine(version);
		Answers answers = draft.answers();
		engine.prune(answers);
		FormEngine.PageProblems problems = engine.firstInvalidPage(answers);
		if (problems != null) {
			throw new IncompleteAnswersException(problems.page().id());
		}
		Instant now = this.clock.instant();
		int year = LocalDate.ofInstant(now, BERLIN).getYear();
		String reference = String.format(Locale.ROOT, "%s-%d-%06d", referencePrefix(municipality), year,
				this.submissions.nextNumber(municipality.id(), year));
		UUID id = UUID.randomUUID();
		String language = locale.getLanguage().equals("en") ? "en" : "de";
		this.submissions.insert(id, municipality.id(), version.id(), draft.accountId(), reference,
				draft.idempotencyKey(), answers, engine.computedValues(answers), language, now);
		this.files.attach(draft.id(), id, fileIds(version, answers));
		this.drafts.delete(draft.id());
		this.auditLog.record("form-submission.created", "form-submission", id.toString(), municipality.id(),
				key + " v" + version.version() + " " + reference);
		// fee before submission: held (no FormSubmitted, no case) until the fee is booked
		if (!this.holds.holdForFee(version, id, () -> engine.computedValues(answers))) {
			this.events.publishEvent(
					new FormSubmitted(id, version.key(), version.version(), municipality.id(), draft.accountId()));
		}
		return this.submissions.find(id).orElseThrow();
	}

	/** Whether a submission with this idempotency key was made in the municipality. */
	public boolean isSubmitted(Municipality municipality, UUID idempotencyKey) {
		return this.submissions.findByIdempotencyKey(idempotencyKey)
			.filter((submission) -> submission.municipalityId().equals(municipality.id()))
			.isPresent();
	}

	/** The applicant's submission; 404 for anyone else. */
	@Transactional
	public Submission submission(Municipality municipality, UUID submissionId, Applicant applicant) {
		Submission submission = this.submissions.find(submissionId)
			.filter((candidate) -> candidate.municipalityId().equals(municipality.id()))
			.filter((candidate) -> (candidate.accountId() != null) ? candidate.accountId().equals(applicant.accountId())
					: applicant.sessionSubmissions().contains(candidate.id()))
			.orElseThrow(() -> new NotFoundException("Submission " + submissionId));
		this.auditLog.record("form-submission.read", "form-submission", submissionId.toString(), municipality.id(),
				submission.reference());
		return submission;
	}

	/** A submission by id, without any access check: for other modules' APIs. */
	public Optional<Submission> findSubmission(UUID submissionId) {
		return this.submissions.find(submissionId);
	}

	public FormVersion versionOf(Submission submission) {
		return this.definitions.version(submission.formVersionId()).orElseThrow();
	}

	public List<DraftListing> draftsOf(UUID accountId) {
		return this.drafts.findByAccount(accountId);
	}

	public List<SubmissionListing> submissionsOf(UUID accountId) {
		return this.submissions.findByAccount(accountId);
	}

	private static List<String> fileIds(FormVersion version, Answers answers) {
		List<String> ids = new java.util.ArrayList<>();
		for (var field : version.definition().fields()) {
			if (field.type() == de.amtsweg.forms.internal.definition.FieldType.FILE) {
				ids.addAll(Answers.list(answers.get(field.id())));
			}
			else if (field.isGroup()) {
				for (var item : answers.items(field.id())) {
					for (var sub : field.fields()) {
						if (sub.type() == de.amtsweg.forms.internal.definition.FieldType.FILE) {
							ids.addAll(Answers.list(item.get(sub.id())));
						}
					}
				}
			}
		}
		return ids;
	}

	/** MUS for Musterstadt: the first letters of the municipality's short name. */
	static String referencePrefix(Municipality municipality) {
		String letters = municipality.slug().replaceAll("[^a-z]", "").toUpperCase(Locale.ROOT);
		return (letters.length() >= 3) ? letters.substring(0, 3) : (letters + "XXX").substring(0, 3);
	}

	/**
	 * A draft with the version it is filled with.
	 *
	 * @param draft the draft
	 * @param version its form version
	 */
	public record Loaded(Draft draft, FormVersion version) {
	}

}
