package de.amtsweg.cases.internal;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.migration.ProcessInstanceMigrationValidationResult;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.ProcessInstance;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The processing routes of a municipality's case types: upload a BPMN model as a draft
 * (checked by {@link RouteValidator}), test it on sample data ({@link RouteDryRun}),
 * publish it (deployed to the engine; the previous version retires; new cases start on
 * it, running cases stay on theirs) and migrate running cases to it on request, with a
 * report. Every change is audited.
 */
@Service
public class RouteVersions {

	/** The upload field of the admin page. */
	public static final String FILE_FIELD = "datei";

	private final RouteRepository routes;

	private final OrgUnits orgUnits;

	private final Municipalities municipalities;

	private final ProcessingDeadline deadlines;

	private final ProcessEngine engine;

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final AuditLog auditLog;

	private final Clock clock;

	private final CaseRepository cases;

	private final TestRunRepository testRuns;

	RouteVersions(RouteRepository routes, OrgUnits orgUnits, Municipalities municipalities,
			ProcessingDeadline deadlines, ProcessEngine engine, AuditLog auditLog, Clock clock, CaseRepository cases,
			TestRunRepository testRuns) {
		this.testRuns = testRuns;
		this.cases = cases;
		this.routes = routes;
		this.orgUnits = orgUnits;
		this.municipalities = municipalities;
		this.deadlines = deadlines;
		this.engine = engine;
		this.repository = engine.getRepositoryService();
		this.runtime = engine.getRuntimeService();
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * A case type with its uploaded routes.
	 *
	 * @param caseType the case type (own or portal-wide)
	 * @param routes its versions in this municipality, newest first
	 */
	public record CaseTypeRoutes(CaseType caseType, List<RouteVersion> routes) {

		public Optional<RouteVersion> published() {
			return this.routes.stream().filter((route) -> route.state() == RouteVersion.State.PUBLISHED).findFirst();
		}

	}

	/**
	 * The data of an existing case of the municipality as the route would see it (its
	 * plain answers and computed values), as sample lines for the dry run ("name=value"
	 * per line). The read is audited: the admin sees a real applicant's answers.
	 * @param municipalityId the admin's municipality
	 * @param reference the case's reference number
	 * @return the lines
	 * @throws InvalidInputException (field {@code vorgang}) when the municipality has no
	 * such case
	 */
	@Transactional
	public String sampleFromCase(UUID municipalityId, String reference) {
		String normalised = (reference != null) ? reference.strip().toUpperCase(java.util.Locale.ROOT) : "";
		CaseFile file = this.cases.findByReference(municipalityId, normalised)
			.orElseThrow(() -> InvalidInputException.of("vorgang", "cases.route.dryRun.case.unknown"));
		Map<String, String> json = this.cases.jsonOf(file.id());
		Map<String, Object> answers = CaseIntake.JSON.readValue(json.get("answers"),
				new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
				});
		Map<String, Object> computed = CaseIntake.JSON.readValue(json.get("computed"),
				new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
				});
		Map<String, java.math.BigDecimal> numbers = new LinkedHashMap<>();
		computed.forEach((name, value) -> {
			if (value instanceof Number || value instanceof String) {
				try {
					numbers.put(name, new java.math.BigDecimal(value.toString()));
				}
				catch (NumberFormatException ex) {
					// not a number: the route does not get it either
				}
			}
		});
		this.auditLog.record("case.read-for-dry-run", "case", file.id().toString(), municipalityId, file.reference());
		StringBuilder lines = new StringBuilder();
		RouteVariables.of(answers, numbers).forEach((name, value) -> {
			String text = String.valueOf(value).replaceAll("[\\r\\n;]+", " ");
			lines.append(name).append('=').append(text).append('\n');
		});
		return lines.toString();
	}

	@Transactional(readOnly = true)
	public List<CaseTypeRoutes> overview(UUID municipalityId) {
		Map<UUID, List<RouteVersion>> byType = this.routes.routesOf(municipalityId)
			.stream()
			.collect(Collectors.groupingBy(RouteVersion::caseTypeId, LinkedHashMap::new, Collectors.toList()));
		return this.routes.caseTypesOf(municipalityId)
			.stream()
			.map((type) -> new CaseTypeRoutes(type, byType.getOrDefault(type.id(), List.of())))
			.toList();
	}

	/** The case type, if this municipality works with it; 404 otherwise. */
	@Transactional(readOnly = true)
	public CaseTypeRoutes caseType(UUID municipalityId, UUID caseTypeId) {
		CaseType type = this.routes.caseTypesOf(municipalityId)
			.stream()
			.filter((candidate) -> candidate.id().equals(caseTypeId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Case type " + caseTypeId));
		return new CaseTypeRoutes(type, this.routes.routesOf(municipalityId, caseTypeId));
	}

	@Transactional(readOnly = true)
	public RouteVersion route(UUID municipalityId, UUID caseTypeId, UUID routeId) {
		return this.routes.find(municipalityId, caseTypeId, routeId)
			.orElseThrow(() -> new NotFoundException("Route " + routeId));
	}

	/**
	 * Stores the model as the case type's next draft.
	 * @throws InvalidInputException with one problem per reason on the field
	 * {@value #FILE_FIELD} when the model is refused
	 */
	@Transactional
	public RouteVersion upload(UUID municipalityId, UUID caseTypeId, String fileName, byte[] xml) {
		caseType(municipalityId, caseTypeId);
		RouteValidator.RouteCheck check = RouteValidator.check(xml, orgUnitIds(municipalityId));
		if (!check.valid()) {
			throw new InvalidInputException(check.problems()
				.stream()
				.map((problem) -> new InvalidInputException.FieldProblem(FILE_FIELD, problem.key(),
						problem.arguments()))
				.toList());
		}
		Process process = check.process();
		String name = fileName.isBlank() ? "route.bpmn" : fileName;
		RouteVersion route = this.routes.insertDraft(municipalityId, caseTypeId,
				(name.length() > 255) ? name.substring(0, 255) : name, new String(xml, StandardCharsets.UTF_8),
				process.getId(), process.getName(), AuditLog.currentActor(), this.clock.instant());
		this.auditLog.record("case-route.uploaded", "case-route", route.id().toString(), municipalityId,
				"case type " + caseTypeId + ", version " + route.version() + ", process " + process.getId());
		return route;
	}

	/** The steps of a route in order, for the list beside (or instead of) the diagram. */
	public List<RouteDryRun.Step> outline(RouteVersion route) {
		return RouteDryRun.outline(parse(route));
	}

	/** The user tasks of a route, each of which takes a decision in the dry run. */
	public List<UserTask> userTasks(RouteVersion route) {
		return parse(route).findFlowElementsOfType(UserTask.class, false);
	}

	/**
	 * Runs the route on sample data without touching anything real.
	 * @param sampleData variables as the case's form answers would set them
	 * @param decisions per user task id, the variables its completion sets
	 */
	@Transactional
	public RouteDryRun.Result dryRun(UUID municipalityId, CaseType caseType, RouteVersion route,
			Map<String, Object> sampleData, Map<String, Map<String, Object>> decisions) {
		ZonedDateTime now = ZonedDateTime.now(this.clock).withZoneSameInstant(ZoneId.of("Europe/Berlin"));
		LocalDate deadline = this.deadlines.end(this.municipalities.get(municipalityId).state(), now.toLocalDate(),
				caseType.processingDays());
		Map<String, Object> variables = new HashMap<>();
		variables.put(CaseRoute.CASE_ID, "probelauf");
		variables.put(CaseRoute.ORG_UNIT_GROUP, "orgunit:…");
		variables.put(CaseRoute.PICKUP, caseType.pickup());
		variables.put(CaseRoute.DEADLINE,
				deadline.atTime(23, 59)
					.atZone(ZoneId.of("Europe/Berlin"))
					.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		// as in a real case: answers cannot override the route's own variables
		sampleData.forEach((name, value) -> {
			if (RouteVariables.allowed(name)) {
				variables.put(name, value);
			}
		});
		Map<String, Map<String, Object>> safeDecisions = new LinkedHashMap<>();
		decisions.forEach((task, values) -> {
			Map<String, Object> allowed = new LinkedHashMap<>();
			values.forEach((name, value) -> {
				if (name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}") && !RouteValidator.RESERVED.contains(name)) {
					allowed.put(name, value);
				}
			});
			safeDecisions.put(task, allowed);
		});
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		RouteDryRun.Result result = RouteDryRun.run(parse(route), variables, safeDecisions,
				configuration.getExpressionManager(), now);
		this.auditLog.record("case-route.dry-run", "case-route", route.id().toString(), municipalityId,
				"version " + route.version() + ((result.error() != null) ? ", failed" : ", ran"));
		return result;
	}

	/**
	 * Makes the draft the published route: deploys it and retires the previous one. New
	 * cases of the case type start on it; running cases keep their version.
	 */
	@Transactional
	public RouteVersion publish(UUID municipalityId, UUID caseTypeId, UUID routeId) {
		RouteVersion route = route(municipalityId, caseTypeId, routeId);
		if (route.state() != RouteVersion.State.DRAFT) {
			throw InvalidInputException.of("route", "cases.route.publish.notDraft");
		}
		// checked again: the municipality's org units may have changed since the upload
		RouteValidator.RouteCheck check = RouteValidator.check(route.xml().getBytes(StandardCharsets.UTF_8),
				orgUnitIds(municipalityId));
		if (!check.valid()) {
			throw new InvalidInputException(check.problems()
				.stream()
				.map((problem) -> new InvalidInputException.FieldProblem("route", problem.key(), problem.arguments()))
				.toList());
		}
		Deployment deployment = this.repository.createDeployment()
			.name("route " + route.id() + " v" + route.version())
			.category(municipalityId.toString())
			.addString("route-" + route.id() + ".bpmn20.xml", route.xml())
			.deploy();
		ProcessDefinition definition = this.repository.createProcessDefinitionQuery()
			.deploymentId(deployment.getId())
			.singleResult();
		this.routes.retirePublished(municipalityId, caseTypeId, this.clock.instant());
		this.routes.markPublished(route.id(), deployment.getId(), definition.getId(), this.clock.instant());
		this.auditLog.record("case-route.published", "case-route", route.id().toString(), municipalityId,
				"case type " + caseTypeId + ", version " + route.version() + ", definition " + definition.getId());
		// a Testbetrieb of the version ends with its publication, however it was
		// published
		this.testRuns.open(route.id()).ifPresent((run) -> endTestRun(run, TestRun.State.PROMOTED));
		return route(municipalityId, caseTypeId, routeId);
	}

	/**
	 * Ends a Testbetrieb: its test cases are ended (kept read-only) and its deployment in
	 * the test tenant is removed with every process instance, task and timer of the test
	 * cases, so that nothing of the test run goes on running.
	 */
	void endTestRun(TestRun run, TestRun.State state) {
		Instant now = this.clock.instant();
		String actor = AuditLog.currentActor();
		for (TestCase testCase : this.testRuns.casesOf(run.id())) {
			if (testCase.endedAt() == null) {
				this.testRuns.addEvent(testCase.id(), now, "run-" + state.name().toLowerCase(java.util.Locale.ROOT),
						actor, "");
			}
		}
		this.testRuns.endCases(run.id(), now);
		this.repository.deleteDeployment(run.deploymentId(), true);
		this.testRuns.endRun(run.id(), state, actor, now);
		this.auditLog.record("case-route.test-run-" + state.name().toLowerCase(java.util.Locale.ROOT), "case-route",
				run.routeId().toString(), run.municipalityId(), "test run " + run.id());
	}

	/**
	 * The engine definition new cases of the case type start on, if a route is published.
	 */
	Optional<String> publishedDefinition(UUID municipalityId, UUID caseTypeId) {
		return this.routes.published(municipalityId, caseTypeId).map(RouteVersion::processDefinitionId);
	}

	/**
	 * Moves the running cases of the case type to the published route where the engine
	 * can map their current steps (same activity ids); reports each case.
	 */
	@Transactional
	public MigrationReport migrate(UUID municipalityId, UUID caseTypeId) {
		caseType(municipalityId, caseTypeId);
		RouteVersion target = this.routes.published(municipalityId, caseTypeId)
			.orElseThrow(() -> InvalidInputException.of("route", "cases.route.migrate.nothingPublished"));
		List<MigrationReport.Entry> entries = new ArrayList<>();
		for (RouteRepository.RunningCase running : this.routes.runningCases(municipalityId, caseTypeId)) {
			ProcessInstance instance = this.runtime.createProcessInstanceQuery()
				.processInstanceId(running.processInstanceId())
				.singleResult();
			if (instance == null) {
				continue;
			}
			String from = versionLabel(municipalityId, caseTypeId, instance.getProcessDefinitionId());
			if (instance.getProcessDefinitionId().equals(target.processDefinitionId())) {
				continue;
			}
			var builder = this.engine.getProcessMigrationService()
				.createProcessInstanceMigrationBuilder()
				.migrateToProcessDefinition(target.processDefinitionId());
			ProcessInstanceMigrationValidationResult validation = builder
				.validateMigration(running.processInstanceId());
			if (validation.isMigrationValid()) {
				builder.migrate(running.processInstanceId());
				entries.add(new MigrationReport.Entry(running.id(), running.reference(), from, true, List.of()));
				this.auditLog.record("case.route-migrated", "case", running.id().toString(), municipalityId,
						from + " → version " + target.version());
			}
			else {
				entries.add(new MigrationReport.Entry(running.id(), running.reference(), from, false,
						List.copyOf(validation.getValidationMessages())));
				this.auditLog.record("case.route-not-migrated", "case", running.id().toString(), municipalityId,
						from + " → version " + target.version() + ": "
								+ String.join("; ", validation.getValidationMessages()));
			}
		}
		this.auditLog.record("case-route.migration", "case-route", target.id().toString(), municipalityId,
				entries.stream().filter(MigrationReport.Entry::migrated).count() + " migrated, "
						+ entries.stream().filter((entry) -> !entry.migrated()).count() + " not migrable");
		return new MigrationReport(target.version(), entries);
	}

	private String versionLabel(UUID municipalityId, UUID caseTypeId, String processDefinitionId) {
		return this.routes.routesOf(municipalityId, caseTypeId)
			.stream()
			.filter((route) -> processDefinitionId.equals(route.processDefinitionId()))
			.map((route) -> String.valueOf(route.version()))
			.findFirst()
			.orElse(processDefinitionId.substring(0, processDefinitionId.indexOf(':') > 0
					? processDefinitionId.indexOf(':') : processDefinitionId.length()));
	}

	/**
	 * What a migration did.
	 *
	 * @param targetVersion the published version the cases were moved to
	 * @param entries one per running case that was on another version
	 */
	public record MigrationReport(int targetVersion, List<Entry> entries) implements Serializable {

		/**
		 * @param caseId the case
		 * @param reference its reference number
		 * @param fromVersion the route version (or process key of the built-in route) it
		 * ran on
		 * @param migrated whether it runs on the published version now
		 * @param reasons why not, in the engine's words
		 */
		public record Entry(UUID caseId, String reference, String fromVersion, boolean migrated,
				List<String> reasons) implements Serializable {
		}

	}

	private Set<UUID> orgUnitIds(UUID municipalityId) {
		return this.orgUnits.of(municipalityId).stream().map(OrgUnit::id).collect(Collectors.toSet());
	}

	static Process parse(RouteVersion route) {
		Process process = RouteValidator.check(route.xml().getBytes(StandardCharsets.UTF_8), Set.of()).process();
		if (process == null) {
			throw new IllegalStateException("Stored route " + route.id() + " does not parse");
		}
		return process;
	}

}
