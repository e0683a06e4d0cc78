package de.amtsweg.cases.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.accounts.StaffAbsence;
import de.amtsweg.accounts.StaffAbsences;
import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.accounts.StaffRole;
import de.amtsweg.cases.CaseResult;
import de.amtsweg.cases.CaseStatus;
import de.amtsweg.forms.Submissions;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.BlobStore;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clerks' work on cases: the inbox of their org units, the case page, claiming,
 * handing back, notes and the route's tasks. A case of another org unit or municipality
 * does not exist for a clerk (404). Every read and change is audited.
 */
@Service
public class CaseWork {

	private final CaseRepository cases;

	private final CaseTypes caseTypes;

	private final OrgUnits orgUnits;

	private final TaskService tasks;

	private final Submissions submissions;

	private final BlobStore blobs;

	private final AuditLog auditLog;

	private final Clock clock;

	private final StaffAbsences absences;

	CaseWork(CaseRepository cases, CaseTypes caseTypes, OrgUnits orgUnits, TaskService tasks, Submissions submissions,
			BlobStore blobs, AuditLog auditLog, Clock clock, StaffAbsences absences) {
		this.absences = absences;
		this.cases = cases;
		this.caseTypes = caseTypes;
		this.orgUnits = orgUnits;
		this.tasks = tasks;
		this.submissions = submissions;
		this.blobs = blobs;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * The org units whose cases the member sees: those they hold a role in, all of the
	 * municipality for a clerk of the whole municipality.
	 */
	public Set<UUID> orgUnitsOf(StaffPrincipal staff) {
		return staff.workingUnits(Set.of(StaffRole.CLERK), this.orgUnits::of);
	}

	public List<OrgUnit> unitsOf(StaffPrincipal staff) {
		Set<UUID> ids = orgUnitsOf(staff);
		UUID municipalityId = staff.municipalityId();
		return (municipalityId == null) ? List.of()
				: this.orgUnits.of(municipalityId).stream().filter((unit) -> ids.contains(unit.id())).toList();
	}

	@Transactional
	public CaseRepository.InboxPage inbox(StaffPrincipal staff, InboxQuery query) {
		CaseRepository.InboxPage page = this.cases.inbox(query, 25);
		this.auditLog.record("case.inbox-listed", "case", "-", query.municipalityId(),
				page.cases().size() + " of " + page.total());
		return page;
	}

	/**
	 * The absent colleagues (id → name) for whom the member deputises: their assigned
	 * cases show in the member's inbox and may be opened by them.
	 */
	public Map<UUID, String> deputisingFor(StaffPrincipal staff) {
		Map<UUID, String> absent = new java.util.LinkedHashMap<>();
		for (StaffAbsence absence : this.absences.deputyFor(staff.staffId())) {
			absent.put(absence.staffId(), absence.staffName());
		}
		return absent;
	}

	public List<String> formKeys(StaffPrincipal staff) {
		Set<UUID> units = orgUnitsOf(staff);
		return units.isEmpty() ? List.of() : this.cases.formKeys(units);
	}

	/** The case, if the member may see it; 404 otherwise. Not audited: callers audit. */
	CaseFile visible(StaffPrincipal staff, UUID caseId) {
		CaseFile found = this.cases.findById(caseId).orElseThrow(() -> new NotFoundException("Case " + caseId));
		return Optional.of(found)
			.filter((file) -> file.municipalityId().equals(staff.municipalityId()))
			.filter((file) -> orgUnitsOf(staff).contains(file.orgUnitId())
					|| (file.assigneeStaffId() != null && deputisingFor(staff).containsKey(file.assigneeStaffId())))
			.orElseThrow(() -> {
				this.auditLog.recordRefusal("case.refused", "case", caseId.toString(), staff.municipalityId(), "");
				return new NotFoundException("Case " + caseId);
			});
	}

	/** Everything the case page shows. */
	@Transactional
	public CaseDetails details(StaffPrincipal staff, UUID caseId, java.util.Locale locale) {
		CaseFile file = visible(staff, caseId);
		this.auditLog.record("case.read", "case", caseId.toString(), file.municipalityId(), file.reference());
		Map<String, String> json = this.cases.jsonOf(caseId);
		Map<String, Object> answers = CaseIntake.JSON.readValue(json.get("answers"),
				new TypeReference<Map<String, Object>>() {
				});
		List<Attachment> attachments = attachments(json.get("attachments"));
		Map<String, String> fileNames = new HashMap<>();
		attachments.forEach((attachment) -> fileNames.put(attachment.id().toString(), attachment.fileName()));
		Optional<Submissions.SubmittedForm> submission = this.submissions.get(file.submissionId());
		List<FormLabels.Section> sections = submission
			.map((form) -> FormLabels.sections(form.definitionJson(), answers, locale, fileNames))
			.orElseGet(() -> FormLabels.sections("{}", answers, locale, fileNames));
		List<Task> open = (file.processInstanceId() != null) ? this.tasks.createTaskQuery()
			.processInstanceId(file.processInstanceId())
			.orderByTaskCreateTime()
			.asc()
			.list() : List.of();
		CaseType type = this.caseTypes.byId(file.caseTypeId()).orElseThrow();
		OrgUnit unit = this.orgUnits.get(file.municipalityId(), file.orgUnitId());
		return new CaseDetails(file, type, unit, sections, attachments,
				open.stream()
					.map((task) -> new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName()))
					.toList(),
				this.cases.events(caseId, false), this.cases.notes(caseId), file.isOverdue(today()));
	}

	static List<Attachment> attachments(String json) {
		return CaseIntake.JSON.readValue(json, new TypeReference<List<Attachment>>() {
		});
	}

	/** An attachment's bytes; audited. */
	@Transactional
	public Download attachment(StaffPrincipal staff, UUID caseId, UUID attachmentId) {
		CaseFile file = visible(staff, caseId);
		Attachment attachment = attachments(this.cases.jsonOf(caseId).get("attachments")).stream()
			.filter((candidate) -> candidate.id().equals(attachmentId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Attachment " + attachmentId));
		this.auditLog.record("case.attachment-read", "case", caseId.toString(), file.municipalityId(),
				attachment.fileName());
		return new Download(attachment.fileName(), attachment.contentType(), this.blobs.get(attachment.blobAddress()));
	}

	/** The notice PDF for the clerk; audited. */
	@Transactional
	public Download notice(StaffPrincipal staff, UUID caseId) {
		CaseFile file = visible(staff, caseId);
		return noticeOf(file);
	}

	Download noticeOf(CaseFile file) {
		if (file.noticeBlob() == null) {
			throw new NotFoundException("Notice of " + file.id());
		}
		this.auditLog.record("case.notice-read", "case", file.id().toString(), file.municipalityId(), file.reference());
		return new Download("Bescheid-" + file.reference() + ".pdf", "application/pdf",
				this.blobs.get(file.noticeBlob()));
	}

	@Transactional
	public void claim(StaffPrincipal staff, UUID caseId) {
		CaseFile file = visible(staff, caseId);
		assign(file, staff.staffId(), staff.displayName());
		this.cases.addEvent(caseId, this.clock.instant(), "claimed", null, staff.displayName(), "", false);
		this.auditLog.record("case.claimed", "case", caseId.toString(), file.municipalityId(), file.reference());
	}

	/** Gives the case back to the org unit, for a colleague to claim. */
	@Transactional
	public void release(StaffPrincipal staff, UUID caseId) {
		CaseFile file = visible(staff, caseId);
		assign(file, null, null);
		this.cases.addEvent(caseId, this.clock.instant(), "released", null, staff.displayName(), "", false);
		this.auditLog.record("case.released", "case", caseId.toString(), file.municipalityId(), file.reference());
	}

	/** Assigns the case and the route's open tasks to the member. */
	void assignTo(CaseFile file, UUID staffId, String name) {
		assign(file, staffId, name);
	}

	private void assign(CaseFile file, @Nullable UUID staffId, @Nullable String name) {
		this.cases.assign(file.id(), staffId, name);
		if (file.processInstanceId() != null) {
			for (Task task : this.tasks.createTaskQuery().processInstanceId(file.processInstanceId()).list()) {
				this.tasks.setAssignee(task.getId(), (staffId != null) ? staffId.toString() : null);
			}
		}
	}

	@Transactional
	public void addNote(StaffPrincipal staff, UUID caseId, String text) {
		CaseFile file = visible(staff, caseId);
		if (text.isBlank()) {
			throw InvalidInputException.of("text", "cases.note.required");
		}
		if (text.length() > 5000) {
			throw InvalidInputException.of("text", "cases.note.tooLong");
		}
		this.cases.addNote(caseId, staff.staffId(), staff.displayName(), text.trim(), this.clock.instant());
		this.auditLog.record("case.note-added", "case", caseId.toString(), file.municipalityId(), file.reference());
	}

	/** Completes an open task of the route; decisions carry result and reason. */
	@Transactional
	public void complete(StaffPrincipal staff, UUID caseId, String taskId, @Nullable CaseResult result,
			@Nullable String reason, @Nullable String noticeText) {
		CaseFile file = visible(staff, caseId);
		if (!staff.staffId().equals(file.assigneeStaffId())) {
			throw new NotAssignedException();
		}
		Task task = Optional.ofNullable(file.processInstanceId())
			.map((process) -> this.tasks.createTaskQuery().processInstanceId(process).taskId(taskId).singleResult())
			.orElseThrow(() -> new NotFoundException("Task " + taskId));
		completeTask(task, result, reason, noticeText, recorderOf(file, staff.displayName()));
		// the route's next tasks belong to whoever holds the case
		for (Task next : this.tasks.createTaskQuery().processInstanceId(file.processInstanceId()).list()) {
			if (next.getAssignee() == null) {
				this.tasks.setAssignee(next.getId(), staff.staffId().toString());
			}
		}
	}

	/**
	 * Where a completed task is written down: the case's own history for a real case, the
	 * test case's for a test case ({@link TestRuns}).
	 */
	interface TaskRecorder {

		/** The decision task is completed with this result and reason. */
		void decided(CaseResult result, String reason);

		/** The task is about to be completed. */
		void completing(Task task);

	}

	/**
	 * The one way a route's user task is completed, for real cases and test cases: the
	 * decision task needs a result and a reason, which become the route's variables with
	 * an optional text for the notice.
	 */
	void completeTask(Task task, @Nullable CaseResult result, @Nullable String reason, @Nullable String noticeText,
			TaskRecorder recorder) {
		Map<String, Object> variables = new HashMap<>();
		if ("decide".equals(task.getTaskDefinitionKey())) {
			InvalidInputException.Collector problems = new InvalidInputException.Collector();
			if (result == null) {
				problems.add("result", "cases.decide.result.required");
			}
			if (reason == null || reason.isBlank()) {
				problems.add("reason", "cases.decide.reason.required");
			}
			problems.throwIfAny();
			recorder.decided(result, reason.trim());
			variables.put(CaseRoute.RESULT, result.name());
		}
		if (noticeText != null && !noticeText.isBlank()) {
			variables.put(CaseRoute.NOTICE_TEXT, noticeText.trim());
		}
		recorder.completing(task);
		this.tasks.complete(task.getId(), variables);
	}

	/** A real case writes its decision and completed tasks into its history; audited. */
	private TaskRecorder recorderOf(CaseFile file, String actorName) {
		return new TaskRecorder() {

			@Override
			public void decided(CaseResult result, String reason) {
				CaseWork.this.cases.decide(file.id(), result, reason);
				CaseWork.this.cases.addEvent(file.id(), CaseWork.this.clock.instant(), "decided", null, actorName,
						result.name(), false);
			}

			@Override
			public void completing(Task task) {
				CaseWork.this.auditLog.record("case.task-completed", "case", file.id().toString(),
						file.municipalityId(), task.getTaskDefinitionKey());
				CaseWork.this.cases.addEvent(file.id(), CaseWork.this.clock.instant(), "task", null, actorName,
						task.getName(), false);
			}

		};
	}

	/**
	 * Completes the route's open tasks, oldest first, until the case reaches the status:
	 * what a clerk does step by step, for a specialist system that works the case in its
	 * own software. The decision task takes the result and reason like the clerk's form.
	 */
	@Transactional
	void advance(UUID caseId, CaseStatus target, @Nullable CaseResult result, @Nullable String reason,
			@Nullable String noticeText, String actorName) {
		if (target != CaseStatus.IN_PROGRESS && target != CaseStatus.DECIDED && target != CaseStatus.CLOSED) {
			throw InvalidInputException.of("status", "cases.advance.status.invalid");
		}
		// a route has a handful of tasks; the bound only guards against a model that
		// loops
		for (int step = 0; step < 20; step++) {
			CaseFile file = this.cases.findById(caseId).orElseThrow(() -> new NotFoundException("Case " + caseId));
			if (progress(file.status()) >= progress(target)) {
				return;
			}
			List<Task> open = (file.processInstanceId() != null) ? this.tasks.createTaskQuery()
				.processInstanceId(file.processInstanceId())
				.orderByTaskCreateTime()
				.asc()
				.list() : List.of();
			if (open.isEmpty()) {
				throw InvalidInputException.of("status", "cases.advance.status.unreachable");
			}
			Task task = open.get(0);
			completeTask(task, result, reason, noticeText, recorderOf(file, actorName));
		}
		throw InvalidInputException.of("status", "cases.advance.status.unreachable");
	}

	/** How far along a status is; a question to the applicant counts as in progress. */
	private static int progress(CaseStatus status) {
		return switch (status) {
			case RECEIVED -> 0;
			case IN_PROGRESS, INFORMATION_REQUESTED -> 1;
			case DECIDED -> 2;
			case READY_FOR_PICKUP -> 3;
			case CLOSED -> 4;
		};
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * Everything the case page shows.
	 *
	 * @param file the case
	 * @param type its case type version
	 * @param orgUnit the responsible unit
	 * @param sections the answers with labels
	 * @param attachments the uploaded files
	 * @param tasks the route's open tasks
	 * @param history what happened
	 * @param notes internal notes
	 * @param overdue whether the processing time is over
	 */
	public record CaseDetails(CaseFile file, CaseType type, OrgUnit orgUnit, List<FormLabels.Section> sections,
			List<Attachment> attachments, List<OpenTask> tasks, List<CaseRepository.CaseEvent> history,
			List<CaseRepository.CaseNote> notes, boolean overdue) {
	}

	/**
	 * @param id the task
	 * @param key its id in the BPMN model, e.g. {@code decide}
	 * @param name its name
	 */
	public record OpenTask(String id, String key, String name) {
	}

	/**
	 * An uploaded file (as the forms module hands it over).
	 *
	 * @param id upload id
	 * @param fieldId field
	 * @param fileName name
	 * @param contentType type
	 * @param size bytes
	 * @param blobAddress blob
	 */
	public record Attachment(UUID id, String fieldId, String fileName, String contentType, long size,
			String blobAddress) {
	}

	/**
	 * @param fileName name to save as
	 * @param contentType type
	 * @param content bytes
	 */
	public record Download(String fileName, String contentType, byte[] content) {
	}

	/** Only the clerk who claimed a case works on its tasks. */
	public static class NotAssignedException extends RuntimeException {

		NotAssignedException() {
			super("The case is not assigned to this clerk");
		}

	}

}
