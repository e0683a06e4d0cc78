package de.amtsweg.cases.internal;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.accounts.CitizenAccounts;
import de.amtsweg.accounts.CitizenProfile;
import de.amtsweg.cases.CaseOpened;
import de.amtsweg.cases.CaseStatus;
import de.amtsweg.catalog.Responsibility;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.forms.FormSubmitted;
import de.amtsweg.forms.Submissions;
import de.amtsweg.forms.Submissions.SubmittedForm;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.SystemActor;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens a case for every submitted form, exactly once: the listener runs in its own
 * transaction inside the event publication's delivery, and a redelivered event finds the
 * case of its submission (unique in the database) and does nothing. The route starts in
 * the same transaction.
 */
@Component
class CaseIntake {

	private static final Logger LOG = LoggerFactory.getLogger(CaseIntake.class);

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Submissions submissions;

	private final CaseRepository cases;

	private final CaseTypes caseTypes;

	private final OrgUnits orgUnits;

	private final ServiceCatalog catalog;

	private final Municipalities municipalities;

	private final CitizenAccounts accounts;

	private final ProcessingDeadline deadlines;

	private final RuntimeService runtime;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	private final RouteVersions routes;

	CaseIntake(Submissions submissions, CaseRepository cases, CaseTypes caseTypes, OrgUnits orgUnits,
			ServiceCatalog catalog, Municipalities municipalities, CitizenAccounts accounts,
			ProcessingDeadline deadlines, RuntimeService runtime, AuditLog auditLog, ApplicationEventPublisher events,
			java.time.Clock clock, RouteVersions routes) {
		this.submissions = submissions;
		this.cases = cases;
		this.caseTypes = caseTypes;
		this.orgUnits = orgUnits;
		this.catalog = catalog;
		this.municipalities = municipalities;
		this.accounts = accounts;
		this.deadlines = deadlines;
		this.runtime = runtime;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
		this.routes = routes;
	}

	@ApplicationModuleListener
	void submitted(FormSubmitted event) {
		SystemActor.run(() -> open(event.submissionId()));
	}

	/** Opens the case of the submission unless it exists; returns the case either way. */
	Optional<UUID> open(UUID submissionId) {
		Optional<CaseFile> existing = this.cases.findBySubmission(submissionId);
		if (existing.isPresent()) {
			return Optional.of(existing.get().id());
		}
		Optional<SubmittedForm> found = this.submissions.get(submissionId);
		if (found.isEmpty()) {
			LOG.warn("Submission {} not found; no case opened", submissionId);
			return Optional.empty();
		}
		SubmittedForm form = found.get();
		Municipality municipality = this.municipalities.byId(form.municipalityId()).orElseThrow();
		OrgUnit unit = responsibleUnit(form);
		CaseType type = this.caseTypes.forNewCase(form.municipalityId(), form.formKey());
		Map<String, Object> definition = FormLabels.parse(form.definitionJson());
		Applicant applicant = applicant(form, definition);
		LocalDate submittedOn = form.submittedAt().atZone(ZoneId.of("Europe/Berlin")).toLocalDate();
		LocalDate deadline = this.deadlines.end(municipality.state(), submittedOn, type.processingDays());
		UUID id = UUID.randomUUID();
		String reference = this.cases.nextReference(form.municipalityId(), submittedOn.getYear());
		boolean inserted = this.cases.insertIfAbsent(new CaseRepository.NewCase(id, form.municipalityId(), reference,
				form.id(), form.reference(), type.id(), form.formKey(), form.formVersion(),
				FormLabels.text(definition.get("title"), "de", form.formKey()),
				FormLabels.text(definition.get("title"), "en", form.formKey()), unit.id(), form.applicantAccountId(),
				applicant.name(), applicant.email(), JSON.writeValueAsString(form.answers()),
				JSON.writeValueAsString(form.computed()), JSON.writeValueAsString(form.attachments()), accessCode(),
				form.submittedAt(), deadline));
		if (!inserted) {
			// another node was faster; its case stands
			return this.cases.findBySubmission(submissionId).map(CaseFile::id);
		}
		this.cases.addEvent(id, this.clock.instant(), "opened", CaseStatus.RECEIVED, AuditLog.SYSTEM, form.reference(),
				true);
		this.auditLog.record("case.opened", "case", id.toString(), form.municipalityId(),
				reference + " from " + form.reference() + " for " + unit.key());
		Map<String, Object> variables = new HashMap<>();
		variables.put(CaseRoute.CASE_ID, id.toString());
		variables.put(CaseRoute.ORG_UNIT_GROUP, CaseRoute.group(unit.id()));
		variables.put(CaseRoute.PICKUP, type.pickup());
		variables.put(CaseRoute.DEADLINE,
				deadline.atTime(23, 59)
					.atZone(ZoneId.of("Europe/Berlin"))
					.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		variables.putAll(RouteVariables.of(form.answers(), form.computed()));
		// an uploaded, published route of the case type wins over the built-in one
		Optional<String> published = this.routes.publishedDefinition(form.municipalityId(), type.id());
		ProcessInstance process = published.isPresent()
				? this.runtime.startProcessInstanceById(published.get(), id.toString(), variables)
				: this.runtime.startProcessInstanceByKey(type.routeKey(), id.toString(), variables);
		this.cases.setProcessInstance(id, process.getProcessInstanceId());
		this.events.publishEvent(new CaseOpened(id, form.municipalityId(), unit.id(), form.id()));
		return Optional.of(id);
	}

	/**
	 * The submission's unit; else the unit the catalogue names for the service whose
	 * online form it is; else the main office.
	 */
	private OrgUnit responsibleUnit(SubmittedForm form) {
		if (form.responsibleUnit() != null) {
			Optional<OrgUnit> unit = this.orgUnits.byKey(form.municipalityId(), form.responsibleUnit());
			if (unit.isPresent()) {
				return unit.get();
			}
		}
		String formPath = "/antrag/" + form.formKey();
		for (Responsibility responsibility : this.catalog.responsibilities(form.municipalityId())) {
			if (responsibility.onlineUrl() != null && responsibility.onlineUrl().endsWith(formPath)) {
				return this.orgUnits.get(form.municipalityId(), responsibility.orgUnitId());
			}
		}
		List<OrgUnit> units = this.orgUnits.of(form.municipalityId());
		return units.stream()
			.filter((unit) -> unit.key().equals("hauptamt"))
			.findFirst()
			.or(() -> units.stream().findFirst())
			.orElseThrow(() -> new IllegalStateException("Municipality without org units"));
	}

	private Applicant applicant(SubmittedForm form, Map<String, Object> definition) {
		if (form.applicantAccountId() != null) {
			Optional<CitizenProfile> profile = this.accounts.profile(form.applicantAccountId());
			if (profile.isPresent()) {
				String name = (profile.get().givenName() + " " + profile.get().familyName()).trim();
				return new Applicant(name.isEmpty() ? profile.get().email() : name, profile.get().email());
			}
		}
		Map<String, Object> answers = form.answers();
		String name = (FormLabels.plain(answers.get("givenName")) + " " + FormLabels.plain(answers.get("familyName")))
			.trim();
		if (name.isEmpty()) {
			name = FormLabels.plain(answers.get("name")).trim();
		}
		String email = FormLabels.emailAnswer(definition, answers);
		if (name.isEmpty()) {
			name = (email != null) ? email : "–";
		}
		return new Applicant(name, email);
	}

	static String accessCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				code.append('-');
			}
			code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
		}
		return code.toString();
	}

	private record Applicant(String name, @org.jspecify.annotations.Nullable String email) {
	}

}
