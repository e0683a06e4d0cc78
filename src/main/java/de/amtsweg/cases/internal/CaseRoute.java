package de.amtsweg.cases.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.cases.CaseResult;
import de.amtsweg.cases.CaseStatus;
import de.amtsweg.cases.CaseStatusChanged;
import de.amtsweg.deadlines.DeadlinePeriod;
import de.amtsweg.deadlines.Deadlines;
import de.amtsweg.payments.Claims;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.BlobStore;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.PdfRenderer;
import de.amtsweg.platform.PdfSigner;
import de.amtsweg.postbox.NewThread;
import de.amtsweg.postbox.Postbox;
import org.flowable.engine.delegate.DelegateExecution;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the processing routes call (as {@code ${caseRoute...}} in BPMN expressions): set
 * the status the applicant sees, create the notice, tell the applicant. Runs inside the
 * transaction of the step that reached the service task.
 */
@Component("caseRoute")
public class CaseRoute {

	/** Process variable: the case id. */
	public static final String CASE_ID = "caseId";

	/** Process variable: the candidate group of the responsible org unit. */
	public static final String ORG_UNIT_GROUP = "orgUnitGroup";

	/** Process variable: whether the result is picked up. */
	public static final String PICKUP = "pickup";

	/** Process variable: end of the processing time (ISO date-time), for timers. */
	public static final String DEADLINE = "deadline";

	/** Process variable: the decision, {@link CaseResult} name. */
	public static final String RESULT = "result";

	/** Process variable: an optional text the clerk adds to the notice. */
	public static final String NOTICE_TEXT = "noticeText";

	private final CaseRepository cases;

	private final CaseTypes caseTypes;

	private final PdfRenderer pdf;

	private final PdfSigner signer;

	private final BlobStore blobs;

	private final Municipalities municipalities;

	private final OrgUnits orgUnits;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Postbox postbox;

	private final MessageSource messages;

	private final CaseQuestionRepository questions;

	private final TestRunRepository testCases;

	private final CaseFees fees;

	private final Deadlines deadlines;

	CaseRoute(CaseRepository cases, CaseTypes caseTypes, PdfRenderer pdf, PdfSigner signer, BlobStore blobs,
			Municipalities municipalities, OrgUnits orgUnits, AuditLog auditLog, ApplicationEventPublisher events,
			Clock clock, Postbox postbox, MessageSource messages, CaseQuestionRepository questions,
			TestRunRepository testCases, CaseFees fees, Deadlines deadlines) {
		this.testCases = testCases;
		this.questions = questions;
		this.fees = fees;
		this.deadlines = deadlines;
		this.cases = cases;
		this.caseTypes = caseTypes;
		this.pdf = pdf;
		this.signer = signer;
		this.blobs = blobs;
		this.municipalities = municipalities;
		this.orgUnits = orgUnits;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
		this.postbox = postbox;
		this.messages = messages;
	}

	/** The candidate group of an org unit's clerks. */
	public static String group(UUID orgUnitId) {
		return "orgunit:" + orgUnitId;
	}

	/**
	 * Sets the status the applicant sees. While a Rückfrage is open (and not lapsed) the
	 * applicant keeps seeing "Rückfrage": the route's status is held on the question,
	 * noted in the clerk's history and applied when the applicant answers. Closing goes
	 * through at once.
	 */
	@Transactional
	public void status(DelegateExecution execution, String status) {
		if (TestRuns.isTest(execution)) {
			CaseStatus target = CaseStatus.valueOf(status);
			this.testCases.setStatus(testCaseOf(execution), target,
					(target == CaseStatus.CLOSED) ? this.clock.instant() : null);
			recordOnTestCase(execution, "status", target.name());
			return;
		}
		CaseFile file = caseOf(execution);
		CaseStatus target = CaseStatus.valueOf(status);
		if (file.status() == CaseStatus.INFORMATION_REQUESTED && target != CaseStatus.CLOSED
				&& target != CaseStatus.INFORMATION_REQUESTED && this.questions.holdStatus(file.id(), target)) {
			this.cases.addEvent(file.id(), this.clock.instant(), "status-held", target, AuditLog.currentActor(), "",
					false);
			this.auditLog.record("case.status-held", "case", file.id().toString(), file.municipalityId(),
					target.name());
			return;
		}
		setStatus(file, target);
	}

	void setStatus(CaseFile file, CaseStatus status) {
		if (file.status() == status) {
			return;
		}
		Instant now = this.clock.instant();
		Instant closedAt = null;
		LocalDate retainUntil = null;
		if (status == CaseStatus.CLOSED) {
			closedAt = now;
			CaseType type = this.caseTypes.byId(file.caseTypeId()).orElseThrow();
			CaseResult result = (file.result() != null) ? file.result() : CaseResult.WITHDRAWN;
			retainUntil = now.atZone(ZoneId.of("Europe/Berlin")).toLocalDate().plus(type.retention(result));
		}
		this.cases.setStatus(file.id(), status, closedAt, retainUntil);
		this.cases.addEvent(file.id(), now, "status", status, AuditLog.currentActor(), "", true);
		this.auditLog.record("case.status", "case", file.id().toString(), file.municipalityId(), status.name());
		this.events.publishEvent(new CaseStatusChanged(file.id(), file.municipalityId(), status));
	}

	/** Creates the notice (Bescheid) from the case type's template and keeps it. */
	@Transactional
	public void createNotice(DelegateExecution execution) {
		if (TestRuns.isTest(execution)) {
			Object extra = execution.getVariable(NOTICE_TEXT);
			recordOnTestCase(execution, "notice", (extra != null) ? extra.toString() : "");
			return;
		}
		CaseFile file = caseOf(execution);
		CaseType type = this.caseTypes.byId(file.caseTypeId()).orElseThrow();
		Object extra = execution.getVariable(NOTICE_TEXT);
		java.util.Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("caseFile", file);
		variables.put("caseType", type);
		variables.put("municipality", this.municipalities.get(file.municipalityId()));
		variables.put("orgUnit", this.orgUnits.get(file.municipalityId(), file.orgUnitId()));
		variables.put("title", file.title(Locale.GERMAN));
		variables.put("result", (file.result() != null) ? file.result().messageKey() : "cases.result.none");
		variables.put("reason", (file.decisionReason() != null) ? file.decisionReason() : "");
		variables.put("extraText", (extra != null) ? extra.toString() : "");
		variables.put("issuedOn", this.clock.instant().atZone(ZoneId.of("Europe/Berlin")).toLocalDate());
		variables.put("fontFamily", PdfRenderer.fontFamily());
		byte[] notice = this.signer.sign(this.pdf.render(type.noticeTemplate(), Locale.GERMAN, variables),
				file.municipalityId(), "Bescheid " + file.reference());
		String address = this.blobs.put(notice);
		this.cases.setNotice(file.id(), address, this.clock.instant());
		this.events.publishEvent(new de.amtsweg.cases.NoticeCreated(file.id(), file.municipalityId(), file.orgUnitId(),
				address, this.clock.instant()));
		this.cases.addEvent(file.id(), this.clock.instant(), "notice", null, AuditLog.currentActor(), "", true);
		this.auditLog.record("case.notice-created", "case", file.id().toString(), file.municipalityId(), address);
	}

	/** Tells the applicant that there is news (never the content). */
	@Transactional
	public void notifyApplicant(DelegateExecution execution) {
		if (TestRuns.isTest(execution)) {
			recordOnTestCase(execution, "notified", "");
			return;
		}
		CaseFile file = caseOf(execution);
		this.events.publishEvent(new ApplicantNotified(file.id(), file.municipalityId()));
	}

	/** The processing time ended while the case waits for a decision. */
	@Transactional
	public void deadlinePassed(DelegateExecution execution) {
		if (TestRuns.isTest(execution)) {
			recordOnTestCase(execution, "overdue", "");
			return;
		}
		CaseFile file = caseOf(execution);
		this.cases.addEvent(file.id(), this.clock.instant(), "overdue", null, AuditLog.SYSTEM, "", false);
		this.auditLog.recordAs(AuditLog.SYSTEM, "case.overdue", "case", file.id().toString(), file.municipalityId(),
				file.deadline().toString());
	}

	/**
	 * Opens a postbox message to the applicant about the case. The text is a message key
	 * of the bundles or the text itself (as the route's modeller wrote it). An applicant
	 * without account and e-mail address cannot be written to; the case notes that.
	 */
	@Transactional
	public void sendMessage(DelegateExecution execution, String textOrKey) {
		if (TestRuns.isTest(execution)) {
			// what the applicant would get, kept on the test case: no thread, no mail
			recordOnTestCase(execution, "message", this.messages.getMessage(textOrKey, null, textOrKey, Locale.GERMAN));
			return;
		}
		CaseFile file = caseOf(execution);
		String text = this.messages.getMessage(textOrKey, null, textOrKey, Locale.GERMAN);
		String subject = this.messages.getMessage("cases.route.message.subject", new Object[] { file.reference() },
				Locale.GERMAN);
		Instant now = this.clock.instant();
		if (file.applicantAccountId() == null && file.applicantEmail() == null) {
			this.cases.addEvent(file.id(), now, "message-skipped", null, AuditLog.SYSTEM, "", false);
			return;
		}
		UUID thread = this.postbox.openThread(new NewThread(file.municipalityId(), file.orgUnitId(),
				file.applicantAccountId(), (file.applicantAccountId() == null) ? file.applicantEmail() : null,
				"case:" + file.id(), subject, (text != null) ? text : textOrKey, null, null));
		this.cases.addEvent(file.id(), now, "message", null, AuditLog.SYSTEM, subject, true);
		this.auditLog.record("case.route-message", "case", file.id().toString(), file.municipalityId(),
				"thread " + thread);
	}

	/**
	 * An escalation timer of the route fired: the case has waited too long in a step. It
	 * shows in the case's history for the clerks (not for the applicant).
	 */
	@Transactional
	public void escalate(DelegateExecution execution) {
		if (TestRuns.isTest(execution)) {
			recordOnTestCase(execution, "escalated", String.valueOf(execution.getCurrentActivityId()));
			return;
		}
		CaseFile file = caseOf(execution);
		this.cases.addEvent(file.id(), this.clock.instant(), "escalated", null, AuditLog.SYSTEM,
				String.valueOf(execution.getCurrentActivityId()), false);
		this.auditLog.recordAs(AuditLog.SYSTEM, "case.escalated", "case", file.id().toString(), file.municipalityId(),
				String.valueOf(execution.getCurrentActivityId()));
	}

	private UUID testCaseOf(DelegateExecution execution) {
		return UUID.fromString((String) execution.getVariable(CASE_ID));
	}

	/**
	 * A test case's route step: written on the test case only, never to a case, an
	 * applicant, the postbox or the e-file.
	 */
	private void recordOnTestCase(DelegateExecution execution, String kind, String details) {
		this.testCases.addEvent(testCaseOf(execution), this.clock.instant(), kind, AuditLog.SYSTEM, details);
	}

	/**
	 * Requests a payment from the applicant ("Zahlung anfordern"): a claim on the case
	 * like the clerk's "Gebühr/Forderung festsetzen", in the case's history and on the
	 * citizen's finances page. The request key is the process instance and the task, so a
	 * job the engine retries (or a step run again after a migration) claims once. An
	 * amount variable that holds no amount requests nothing; the clerks see why in the
	 * history.
	 * @param amount a fixed amount ({@code 12,00}) or the name of a process variable
	 * @param purpose what the payment is for
	 * @param duePeriod ISO 8601 period from today (BGB §§187-193), e.g. {@code P14D}
	 */
	@Transactional
	public void requestPayment(DelegateExecution execution, String amount, String purpose, String duePeriod) {
		RouteValidator.PaymentCall call = new RouteValidator.PaymentCall(amount.trim(), purpose.trim(),
				duePeriod.trim());
		if (TestRuns.isTest(execution)) {
			recordOnTestCase(execution, "payment", call.amount() + " " + call.purpose());
			return;
		}
		CaseFile file = caseOf(execution);
		Optional<BigDecimal> value = call.amountVariable()
			.map((name) -> amountOf(execution.getVariable(name)))
			.orElseGet(call::fixedAmount)
			.filter(Claims::isAmount);
		DeadlinePeriod period = DeadlinePeriod.parse(call.duePeriod())
			.orElseThrow(() -> new IllegalStateException("Route checked without a valid due period: " + duePeriod));
		if (value.isEmpty()) {
			this.cases.addEvent(file.id(), this.clock.instant(), "paymentNotRequested", null, AuditLog.SYSTEM,
					execution.getCurrentActivityId() + ": " + call.amount(), false);
			this.auditLog.recordAs(AuditLog.SYSTEM, "case.payment-not-requested", "case", file.id().toString(),
					file.municipalityId(), execution.getCurrentActivityId() + " " + call.amount());
			return;
		}
		LocalDate dueDate = this.deadlines
			.end(this.municipalities.get(file.municipalityId()).state(), LocalDate.now(this.clock), period)
			.end();
		String requestKey = UUID
			.nameUUIDFromBytes(("route:" + execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId())
				.getBytes(StandardCharsets.UTF_8))
			.toString();
		this.fees.claim(file, AuditLog.SYSTEM, requestKey, value.get(), call.purpose(), dueDate);
	}

	private static Optional<BigDecimal> amountOf(@Nullable Object value) {
		if (value instanceof BigDecimal decimal) {
			return Optional.of(decimal);
		}
		if (value instanceof Number number) {
			return Claims.amountOf(number.toString());
		}
		return (value != null) ? Claims.amountOf(value.toString()) : Optional.empty();
	}

	private CaseFile caseOf(DelegateExecution execution) {
		UUID id = UUID.fromString((String) execution.getVariable(CASE_ID));
		return this.cases.findById(id).orElseThrow(() -> new IllegalStateException("Case " + id + " not found"));
	}

	/**
	 * The route tells the applicant about their case.
	 *
	 * @param caseId the case
	 * @param municipalityId its municipality
	 */
	record ApplicantNotified(UUID caseId, UUID municipalityId) {
	}

}
