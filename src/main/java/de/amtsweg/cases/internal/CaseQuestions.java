package de.amtsweg.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.cases.CaseStatus;
import de.amtsweg.deadlines.DeadlinePeriod;
import de.amtsweg.deadlines.Deadlines;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.JobLock;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.postbox.CitizenReplied;
import de.amtsweg.postbox.NewThread;
import de.amtsweg.postbox.Postbox;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rückfragen beside the processing route, so they work for every route: the clerk asks in
 * a postbox thread of the case (topic {@code case:<id>}) with a reply-by day, the case
 * waits (INFORMATION_REQUESTED); the applicant's answer ({@link CitizenReplied}) resumes
 * it (IN_PROGRESS). The postbox reminds the applicant once before the day; a lapse is
 * noted once by a cluster-safe job ("Frist abgelaufen").
 */
@Service
public class CaseQuestions {

	/** Longest text of a question (the postbox's limit). */
	static final int MAX_TEXT = 10000;

	private static final java.time.format.DateTimeFormatter GERMAN_DATE = java.time.format.DateTimeFormatter
		.ofPattern("dd.MM.yyyy");

	private final CaseRepository cases;

	private final CaseQuestionRepository questions;

	private final CaseWork work;

	private final CaseRoute route;

	private final Postbox postbox;

	private final Deadlines deadlines;

	private final Municipalities municipalities;

	private final MessageSource messages;

	private final AuditLog auditLog;

	private final JobLock lock;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int replyDays;

	CaseQuestions(CaseRepository cases, CaseQuestionRepository questions, CaseWork work, CaseRoute route,
			Postbox postbox, Deadlines deadlines, Municipalities municipalities, MessageSource messages,
			AuditLog auditLog, JobLock lock, TransactionTemplate transactions, Clock clock,
			@Value("${amtsweg.cases.question-reply-days:14}") int replyDays) {
		this.cases = cases;
		this.questions = questions;
		this.work = work;
		this.route = route;
		this.postbox = postbox;
		this.deadlines = deadlines;
		this.municipalities = municipalities;
		this.messages = messages;
		this.auditLog = auditLog;
		this.lock = lock;
		this.transactions = transactions;
		this.clock = clock;
		this.replyDays = replyDays;
	}

	/**
	 * The reply-by day offered for a new question: the reply days from today by BGB
	 * §§187-193 in the case's state (moved off weekends and public holidays).
	 */
	public LocalDate defaultReplyBy(StaffPrincipal staff, UUID caseId) {
		return defaultReplyBy(this.work.visible(staff, caseId));
	}

	LocalDate defaultReplyBy(CaseFile file) {
		return this.deadlines
			.end(this.municipalities.get(file.municipalityId()).state(), LocalDate.now(this.clock),
					DeadlinePeriod.days(this.replyDays))
			.end();
	}

	/**
	 * The clerk who holds the case asks the applicant.
	 * @param replyBy the last day for the answer; null for the default
	 * @return the postbox thread
	 * @throws CaseWork.NotAssignedException when the case is not the clerk's
	 */
	@Transactional
	public UUID ask(StaffPrincipal staff, UUID caseId, String text, @Nullable LocalDate replyBy) {
		return ask(staff, caseId, text, replyBy, new InvalidInputException.Collector());
	}

	/**
	 * The clerk who holds the case asks the applicant, the reply-by day as typed
	 * ({@code 24.12.2026} or {@code 2026-12-24}; empty for the default).
	 */
	@Transactional
	public UUID ask(StaffPrincipal staff, UUID caseId, String text, String replyBy) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		LocalDate day = null;
		if (!replyBy.isBlank()) {
			day = parseDay(replyBy.strip());
			if (day == null) {
				problems.add("replyBy", "cases.question.replyBy.invalid");
			}
		}
		return ask(staff, caseId, text, day, problems);
	}

	private UUID ask(StaffPrincipal staff, UUID caseId, String text, @Nullable LocalDate replyBy,
			InvalidInputException.Collector problems) {
		CaseFile file = this.work.visible(staff, caseId);
		if (!staff.staffId().equals(file.assigneeStaffId())) {
			throw new CaseWork.NotAssignedException();
		}
		return ask(file, staff.staffId(), staff.displayName(), text, replyBy, problems);
	}

	static @Nullable LocalDate parseDay(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (java.time.format.DateTimeParseException ex) {
			try {
				return LocalDate.parse(text, java.time.format.DateTimeFormatter.ofPattern("d.M.uuuu")
					.withResolverStyle(java.time.format.ResolverStyle.STRICT));
			}
			catch (java.time.format.DateTimeParseException again) {
				return null;
			}
		}
	}

	UUID ask(CaseFile file, @Nullable UUID staffId, String staffName, String text, @Nullable LocalDate replyBy) {
		return ask(file, staffId, staffName, text, replyBy, new InvalidInputException.Collector());
	}

	private UUID ask(CaseFile file, @Nullable UUID staffId, String staffName, String text, @Nullable LocalDate replyBy,
			InvalidInputException.Collector problems) {
		if (!file.isOpen()) {
			problems.add("question", "cases.question.closed");
		}
		else if (this.questions.open(file.id()).isPresent()) {
			problems.add("question", "cases.question.alreadyOpen");
		}
		if (file.applicantAccountId() == null && file.applicantEmail() == null) {
			problems.add("question", "cases.question.noRecipient");
		}
		if (text.isBlank()) {
			problems.add("question", "cases.question.text.required");
		}
		else if (text.strip().length() > MAX_TEXT) {
			problems.add("question", "cases.question.text.tooLong", MAX_TEXT);
		}
		LocalDate day = (replyBy != null) ? replyBy : defaultReplyBy(file);
		if (replyBy != null && !day.isAfter(LocalDate.now(this.clock))) {
			problems.add("replyBy", "cases.question.replyBy.future");
		}
		problems.throwIfAny();
		String subject = this.messages.getMessage("cases.question.subject", new Object[] { file.reference() },
				Locale.GERMAN);
		UUID threadId = this.postbox.openThread(new NewThread(file.municipalityId(), file.orgUnitId(),
				file.applicantAccountId(), (file.applicantAccountId() == null) ? file.applicantEmail() : null,
				topic(file.id()), subject, text.strip(), staffId, day));
		this.questions.insert(UUID.randomUUID(), file.id(), threadId, staffId, staffName, this.clock.instant(), day);
		this.route.setStatus(file, CaseStatus.INFORMATION_REQUESTED);
		this.cases.addEvent(file.id(), this.clock.instant(), "question", null, staffName, GERMAN_DATE.format(day),
				true);
		this.auditLog.record("case.question-asked", "case", file.id().toString(), file.municipalityId(),
				"thread " + threadId + ", reply by " + day);
		return threadId;
	}

	/** The questions of a case, oldest first. Callers have checked access. */
	public List<CaseQuestion> ofCase(UUID caseId) {
		return this.questions.ofCase(caseId);
	}

	/** The questions of a case the clerk may see. */
	@Transactional(readOnly = true)
	public List<CaseQuestion> ofCase(StaffPrincipal staff, UUID caseId) {
		return this.questions.ofCase(this.work.visible(staff, caseId).id());
	}

	/** How many days an answer may take unless the clerk says otherwise. */
	public int replyDays() {
		return this.replyDays;
	}

	static String topic(UUID caseId) {
		return "case:" + caseId;
	}

	/** The applicant answered in a case's thread: the open question is answered. */
	@ApplicationModuleListener
	void replied(CitizenReplied event) {
		if (!event.topic().startsWith("case:")) {
			return;
		}
		SystemActor.run(() -> {
			Optional<CaseQuestion> answered = this.questions.markAnswered(event.threadId(), event.messageId(),
					event.attachmentCount(), this.clock.instant());
			UUID caseId = parse(event.topic().substring("case:".length()));
			if (caseId == null) {
				return;
			}
			this.cases.findById(caseId).ifPresent((file) -> {
				if (answered.isEmpty()) {
					this.cases.addEvent(file.id(), this.clock.instant(), "message", null, AuditLog.SYSTEM, "", false);
					return;
				}
				this.cases.addEvent(file.id(), this.clock.instant(), "answered", null, file.applicantName(),
						String.valueOf(event.attachmentCount()), true);
				if (file.status() == CaseStatus.INFORMATION_REQUESTED) {
					// what the route reached meanwhile, else back to work
					this.route.setStatus(file,
							this.questions.heldStatus(answered.get().id()).orElse(CaseStatus.IN_PROGRESS));
				}
				this.auditLog.record("case.question-answered", "case", file.id().toString(), file.municipalityId(),
						"thread " + event.threadId() + ", " + event.attachmentCount() + " attachments");
			});
		});
	}

	private static @Nullable UUID parse(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@Scheduled(cron = "${amtsweg.cases.question-lapse-cron:0 10 * * * *}")
	void scheduled() {
		this.lock.runExclusively("case-question-lapses", Duration.ofMinutes(30), this::noteLapses);
	}

	/**
	 * Notes every question whose reply-by day passed without an answer, once each: a
	 * history entry for clerk and applicant.
	 * @return how many were noted
	 */
	public int noteLapses() {
		AtomicInteger noted = new AtomicInteger();
		SystemActor.run(() -> {
			for (UUID id : this.questions.lapsedBefore(LocalDate.now(this.clock))) {
				this.transactions.executeWithoutResult((status) -> this.questions.markLapsed(id, this.clock.instant())
					.ifPresent((question) -> this.cases.findById(question.caseId()).ifPresent((file) -> {
						this.cases.addEvent(file.id(), this.clock.instant(), "question-lapsed", null, AuditLog.SYSTEM,
								GERMAN_DATE.format(question.replyBy()), true);
						this.auditLog.record("case.question-lapsed", "case", file.id().toString(),
								file.municipalityId(), "reply by " + question.replyBy());
						noted.incrementAndGet();
					})));
			}
		});
		return noted.get();
	}

}
