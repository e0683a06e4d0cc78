package de.amtsweg.cases.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.accounts.StaffRole;
import de.amtsweg.cases.CaseResult;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Testbetrieb of a draft route version: the draft is deployed to the engine's own test
 * tenant and test cases really run on it (user tasks, gateways, timers, service tasks).
 * Test cases are not cases: they live in their own tables, so every list, count, search,
 * API, webhook, status page, retention run and e-file that reads cases cannot see them,
 * and what the route's service tasks would send to an applicant is recorded on the test
 * case instead ({@link CaseRoute}). Promoting publishes the version and keeps the test
 * cases read-only; discarding deletes them; either ends their process instances.
 */
@Service
public class TestRuns {

	/**
	 * The engine tenant of test deployments: real cases start by key without tenant or on
	 * a published definition, never on a test one.
	 */
	public static final String TENANT = "amtsweg-testbetrieb";

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private final TestRunRepository store;

	private final RouteVersions routes;

	private final CaseWork work;

	private final OrgUnits orgUnits;

	private final Municipalities municipalities;

	private final ProcessingDeadline deadlines;

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final AuditLog auditLog;

	private final Clock clock;

	TestRuns(TestRunRepository store, RouteVersions routes, CaseWork work, OrgUnits orgUnits,
			Municipalities municipalities, ProcessingDeadline deadlines, ProcessEngine engine, AuditLog auditLog,
			Clock clock) {
		this.store = store;
		this.routes = routes;
		this.work = work;
		this.orgUnits = orgUnits;
		this.municipalities = municipalities;
		this.deadlines = deadlines;
		this.repository = engine.getRepositoryService();
		this.runtime = engine.getRuntimeService();
		this.tasks = engine.getTaskService();
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Whether the route step belongs to a test case. */
	static boolean isTest(DelegateExecution execution) {
		return TENANT.equals(execution.getTenantId());
	}

	/**
	 * The Testbetrieb page of a route version.
	 *
	 * @param route the version
	 * @param run its open test run, else its last one, or null if it never had one
	 * @param cases the run's test cases
	 */
	public record RunPage(RouteVersion route, @Nullable TestRun run, List<Row> cases) {
	}

	/**
	 * @param testCase the test case
	 * @param openTasks the names of its route's open tasks
	 */
	public record Row(TestCase testCase, List<String> openTasks) {
	}

	/** The route version's Testbetrieb; listing the test cases is audited. */
	@Transactional
	public RunPage page(UUID municipalityId, UUID caseTypeId, UUID routeId) {
		RouteVersion route = this.routes.route(municipalityId, caseTypeId, routeId);
		TestRun run = this.store.open(routeId).or(() -> this.store.latest(routeId)).orElse(null);
		List<Row> rows = new ArrayList<>();
		if (run != null) {
			for (TestCase testCase : this.store.casesOf(run.id())) {
				rows.add(new Row(testCase, openTasks(run, testCase).stream().map(Task::getName).toList()));
			}
			this.auditLog.record("case-test.listed", "case-route", routeId.toString(), municipalityId,
					rows.size() + " test cases of run " + run.id());
		}
		return new RunPage(route, run, rows);
	}

	/**
	 * Puts the draft into Testbetrieb: deploys it to the test tenant. A second call while
	 * the run is open returns that run.
	 */
	@Transactional
	public TestRun start(UUID municipalityId, UUID caseTypeId, UUID routeId) {
		RouteVersion route = this.routes.route(municipalityId, caseTypeId, routeId);
		this.store.lockRoute(routeId);
		var open = this.store.open(routeId);
		if (open.isPresent()) {
			return open.get();
		}
		if (route.state() != RouteVersion.State.DRAFT) {
			throw InvalidInputException.of("testbetrieb", "cases.testRun.notDraft");
		}
		Deployment deployment = this.repository.createDeployment()
			.name("test route " + route.id() + " v" + route.version())
			.category(municipalityId.toString())
			.tenantId(TENANT)
			.addString("test-route-" + route.id() + ".bpmn20.xml", route.xml())
			.deploy();
		ProcessDefinition definition = this.repository.createProcessDefinitionQuery()
			.deploymentId(deployment.getId())
			.singleResult();
		TestRun run = this.store.insertRun(routeId, municipalityId, deployment.getId(), definition.getId(),
				AuditLog.currentActor(), this.clock.instant());
		this.auditLog.record("case-route.test-run-started", "case-route", routeId.toString(), municipalityId,
				"version " + route.version() + ", test run " + run.id());
		return run;
	}

	/**
	 * What a new test case starts with.
	 *
	 * @param data the route variables (sample data or the data of a case)
	 * @param sourceReference the case the data comes from, if any
	 * @param applicantName a name to tell test cases apart, may be empty
	 * @param orgUnitId the unit whose group the route's tasks go to
	 */
	public record NewTestCase(Map<String, Object> data, @Nullable String sourceReference, String applicantName,
			@Nullable UUID orgUnitId) {
	}

	/**
	 * Creates a test case and starts the draft route for it, as a submission starts a
	 * case's route. A route that fails at once (e.g. a gateway on data the sample lacks)
	 * leaves nothing behind and tells why.
	 * @throws InvalidInputException on the fields {@code antragsteller}, {@code einheit},
	 * {@code beispieldaten}
	 */
	@Transactional
	public TestCase create(UUID municipalityId, UUID caseTypeId, UUID routeId, NewTestCase input) {
		RouteVersions.CaseTypeRoutes entry = this.routes.caseType(municipalityId, caseTypeId);
		this.routes.route(municipalityId, caseTypeId, routeId);
		TestRun run = this.store.open(routeId).orElseThrow(() -> new NotFoundException("Test run of " + routeId));
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		String name = input.applicantName().strip();
		if (name.length() > 200) {
			problems.add("antragsteller", "cases.testRun.applicant.tooLong");
		}
		OrgUnit unit = this.orgUnits.of(municipalityId)
			.stream()
			.filter((candidate) -> candidate.id().equals(input.orgUnitId()))
			.findFirst()
			.orElse(null);
		if (unit == null) {
			problems.add("einheit", "cases.testRun.unit.required");
		}
		problems.throwIfAny();
		Map<String, Object> data = new LinkedHashMap<>();
		input.data().forEach((key, value) -> {
			if (RouteVariables.allowed(key)) {
				data.put(key, value);
			}
		});
		UUID id = UUID.randomUUID();
		TestCase testCase = this.store.insertCase(id, run.id(), municipalityId, name, unit.id(),
				CaseIntake.JSON.writeValueAsString(data), input.sourceReference(), AuditLog.currentActor(),
				this.clock.instant());
		this.store.addEvent(id, this.clock.instant(), "opened", AuditLog.currentActor(),
				(input.sourceReference() != null) ? input.sourceReference() : "");
		this.auditLog.record("case-test.created", "case-test", id.toString(), municipalityId,
				testCase.label() + " of test run " + run.id());
		LocalDate today = LocalDate.now(this.clock.withZone(BERLIN));
		LocalDate deadline = this.deadlines.end(this.municipalities.get(municipalityId).state(), today,
				entry.caseType().processingDays());
		Map<String, Object> variables = new HashMap<>(data);
		variables.put(CaseRoute.CASE_ID, id.toString());
		variables.put(CaseRoute.ORG_UNIT_GROUP, CaseRoute.group(unit.id()));
		variables.put(CaseRoute.PICKUP, entry.caseType().pickup());
		variables.put(CaseRoute.DEADLINE,
				deadline.atTime(23, 59).atZone(BERLIN).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		try {
			String instance = this.runtime.startProcessInstanceById(run.processDefinitionId(), "test:" + id, variables)
				.getProcessInstanceId();
			this.store.setProcessInstance(id, instance);
		}
		catch (FlowableException ex) {
			throw new InvalidInputException(List.of(new InvalidInputException.FieldProblem("beispieldaten",
					"cases.testRun.routeFailed", new Object[] { String.valueOf(ex.getMessage()) })));
		}
		return this.store.testCase(id).orElseThrow();
	}

	/**
	 * A test case as its work view shows it.
	 *
	 * @param testCase the test case
	 * @param run its test run
	 * @param caseTypeId the case type of the route
	 * @param routeVersion the draft's version number
	 * @param data its variables
	 * @param tasks the route's open tasks (none once the run ended)
	 * @param history what happened, with every message the route would have sent
	 */
	public record TestCaseDetails(TestCase testCase, TestRun run, UUID caseTypeId, int routeVersion,
			Map<String, Object> data, List<CaseWork.OpenTask> tasks, List<TestRunRepository.TestEvent> history) {
	}

	/** The test case for its work view; 404 unless admin or clerk of the task's group. */
	@Transactional
	public TestCaseDetails details(StaffPrincipal staff, UUID testCaseId) {
		TestCase testCase = visible(staff, testCaseId);
		TestRun run = this.store.run(testCase.runId()).orElseThrow();
		TestRunRepository.RouteOfRun route = this.store.route(run.routeId());
		this.auditLog.record("case-test.read", "case-test", testCaseId.toString(), testCase.municipalityId(),
				testCase.label());
		Map<String, Object> data = CaseIntake.JSON.readValue(testCase.dataJson(),
				new TypeReference<LinkedHashMap<String, Object>>() {
				});
		return new TestCaseDetails(testCase, run, route.caseTypeId(), route.version(), data,
				openTasks(run, testCase).stream()
					.map((task) -> new CaseWork.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName()))
					.toList(),
				this.store.events(testCaseId));
	}

	/**
	 * Completes a user task of a test case, with the clerks' own completion
	 * ({@link CaseWork#completeTask}); recorded on the test case.
	 */
	@Transactional
	public void complete(StaffPrincipal staff, UUID testCaseId, String taskId, @Nullable CaseResult result,
			@Nullable String reason, @Nullable String noticeText) {
		TestCase testCase = visible(staff, testCaseId);
		TestRun run = this.store.run(testCase.runId()).orElseThrow();
		Task task = openTasks(run, testCase).stream()
			.filter((candidate) -> candidate.getId().equals(taskId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Task " + taskId));
		this.work.completeTask(task, result, reason, noticeText, new CaseWork.TaskRecorder() {

			@Override
			public void decided(CaseResult decided, String why) {
				TestRuns.this.store.decide(testCaseId, decided, why);
				TestRuns.this.store.addEvent(testCaseId, TestRuns.this.clock.instant(), "decided", staff.displayName(),
						decided.name());
			}

			@Override
			public void completing(Task completed) {
				TestRuns.this.auditLog.record("case-test.task-completed", "case-test", testCaseId.toString(),
						testCase.municipalityId(), completed.getTaskDefinitionKey());
				TestRuns.this.store.addEvent(testCaseId, TestRuns.this.clock.instant(), "task", staff.displayName(),
						completed.getName());
			}

		});
	}

	/**
	 * "Version freigeben": publishes the draft (the existing publication: new cases start
	 * on it) and ends its test run; the test cases stay, read-only. A second call does
	 * nothing.
	 */
	@Transactional
	public RouteVersion promote(UUID municipalityId, UUID caseTypeId, UUID routeId) {
		RouteVersion route = this.routes.route(municipalityId, caseTypeId, routeId);
		this.store.lockRoute(routeId);
		TestRun run = this.store.open(routeId)
			.or(() -> this.store.latest(routeId))
			.orElseThrow(() -> new NotFoundException("Test run of " + routeId));
		if (run.state() == TestRun.State.PROMOTED) {
			return route;
		}
		if (!run.isOpen()) {
			throw InvalidInputException.of("testbetrieb", "cases.testRun.notOpen");
		}
		// publishing ends the open test run (RouteVersions#endTestRun)
		return this.routes.publish(municipalityId, caseTypeId, routeId);
	}

	/**
	 * "Testbetrieb verwerfen": deletes the test cases and their process instances; the
	 * version stays a draft and can be tested again. A second call does nothing.
	 */
	@Transactional
	public void discard(UUID municipalityId, UUID caseTypeId, UUID routeId) {
		this.routes.route(municipalityId, caseTypeId, routeId);
		this.store.lockRoute(routeId);
		var open = this.store.open(routeId);
		if (open.isEmpty()) {
			return;
		}
		this.routes.endTestRun(open.get(), TestRun.State.DISCARDED);
		this.store.deleteCases(open.get().id());
	}

	private TestCase visible(StaffPrincipal staff, UUID testCaseId) {
		TestCase testCase = this.store.testCase(testCaseId)
			.filter((candidate) -> candidate.municipalityId().equals(staff.municipalityId()))
			.orElseThrow(() -> new NotFoundException("Test case " + testCaseId));
		if (staff.hasRole(StaffRole.ADMIN)) {
			return testCase;
		}
		Set<UUID> units = this.work.orgUnitsOf(staff);
		if (units.contains(testCase.orgUnitId())) {
			return testCase;
		}
		TestRun run = this.store.run(testCase.runId()).orElseThrow();
		for (Task task : openTasks(run, testCase)) {
			for (IdentityLink link : this.tasks.getIdentityLinksForTask(task.getId())) {
				if (link.getGroupId() != null
						&& units.stream().anyMatch((unit) -> CaseRoute.group(unit).equals(link.getGroupId()))) {
					return testCase;
				}
			}
		}
		throw new NotFoundException("Test case " + testCaseId);
	}

	private List<Task> openTasks(TestRun run, TestCase testCase) {
		if (!run.isOpen() || testCase.processInstanceId() == null) {
			return List.of();
		}
		return this.tasks.createTaskQuery()
			.processInstanceId(testCase.processInstanceId())
			.orderByTaskCreateTime()
			.asc()
			.list();
	}

}
