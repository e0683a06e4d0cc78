package de.amtsweg.cases;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.forms.internal.Answers;
import de.amtsweg.forms.internal.Applicant;
import de.amtsweg.forms.internal.Draft;
import de.amtsweg.forms.internal.FormDefinitions;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.postbox.Postbox;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Testbetrieb over real HTTP: test cases run on the draft route in the engine (tasks,
 * gateway, timer, service tasks) while nothing real sees them — not the clerk's inbox,
 * the specialist-system API and its change feed, webhooks, the postbox or the applicant's
 * account; promoting publishes the draft for new real cases, discarding removes the test
 * cases and their instances; both only once. Each test makes its own form and case type.
 */
class TestRunTests extends IntegrationTest {

	static final String ADMIN = "admin@musterstadt.example";

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	FormDefinitions definitions;

	@Autowired
	FormFilling filling;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	Postbox postbox;

	@Autowired
	Cases cases;

	Municipality musterstadt;

	String formKey;

	UUID caseTypeId;

	UUID bauamt;

	WebSession admin;

	@BeforeEach
	void ownFormAndCaseType() {
		this.musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		this.formKey = "testbetrieb-" + UUID.randomUUID().toString().substring(0, 8);
		this.caseTypeId = RouteFixtures.formWithCaseType(this.definitions, this.jdbc, this.musterstadt.id(),
				this.formKey, "Zuschuss", "Grant", "amount", "Betrag");
		this.bauamt = this.jdbc.sql("select id from org_unit where municipality_id = :m and key = 'bauamt'")
			.param("m", this.musterstadt.id())
			.query(UUID.class)
			.single();
		this.admin = newSession().signInAsStaff(ADMIN);
	}

	@Test
	void aTestCaseRunsTheDraftRouteWhileNothingRealSeesIt() {
		// a real case of a citizen with account gives the test case its data
		UUID erika = CaseFixtures.accountOf(this.jdbc, "erika.mustermann@example.org");
		UUID realCase = openCase("1500", erika);
		String realReference = referenceOf(realCase);
		WebSession clerk = newSession().signInAsStaff("bauamt@musterstadt.example");
		String system = registerSystem();
		String cursor = endOfFeed(system);
		String routePath = upload("escalation-route.bpmn");
		String runPath = startTestRun(routePath);
		String applicant = "Testperson " + UUID.randomUUID().toString().substring(0, 8);

		String workPath = createTestCase(runPath,
				Map.of("vorgang", realReference, "antragsteller", applicant, "einheit", this.bauamt.toString()));
		UUID testCaseId = UUID.fromString(workPath.substring(workPath.lastIndexOf('/') + 1));

		// the draft really runs: the first user task is open in the engine, on the test
		// tenant's definition of this draft
		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.processInstanceId(processInstanceOf(testCaseId))
			.singleResult();
		assertThat(instance.getTenantId()).isEqualTo("amtsweg-testbetrieb");
		assertThat(instance.getProcessDefinitionKey()).isEqualTo("Process_Laufweg_Betrag");
		WebSession.Page work = clerk.open(workPath);
		assertThat(work.status()).isEqualTo(200);
		assertThat(work.document().select("[data-task]").eachAttr("data-task")).containsExactly("check");
		assertThat(work.mainText()).contains(applicant, "amount", "1500", realReference);

		// a clerk of the task's group works it with the clerks' own completion: the
		// gateway
		// takes the high-amount way on the case's data
		complete(clerk, workPath, "check", Map.of());
		assertThat(clerk.open(workPath).document().select("[data-task]").eachAttr("data-task"))
			.containsExactly("reviewHigh");
		complete(clerk, workPath, "reviewHigh", Map.of());
		WebSession.Page missing = complete(clerk, workPath, "decide", Map.of("reason", ""));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.document().title()).startsWith("Fehler: ");

		// the timer fires in the engine; the escalation lands on the test case
		Job escalation = this.management.createTimerJobQuery()
			.processInstanceId(instance.getId())
			.list()
			.stream()
			.filter((job) -> "escalationTimer".equals(job.getElementId()))
			.findFirst()
			.orElseThrow();
		this.management.moveTimerToExecutableJob(escalation.getId());
		await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(testCaseId).contains("escalated"));

		WebSession.Page decided = complete(clerk, workPath, "decide",
				Map.of("result", "APPROVED", "reason", "Alles vorhanden"));
		assertThat(decided.isRedirect()).isTrue();
		WebSession.Page shown = clerk.open(workPath);
		assertThat(shown.document().select("[data-task]").eachAttr("data-task")).containsExactly("close");
		assertThat(eventsOf(testCaseId)).contains("opened", "task", "status", "decided", "notice", "message",
				"escalated");
		assertThat(shown.document().select("#verlauf tr[data-kind=message]").text()).contains("nicht versandt");
		assertThat(this.jdbc.sql("select status from case_test_case where id = :id")
			.param("id", testCaseId)
			.query(String.class)
			.single()).isEqualTo("DECIDED");
		complete(clerk, workPath, "close", Map.of());
		assertThat(clerk.open(workPath).document().select("[data-task]")).isEmpty();
		assertThat(this.jdbc.sql("select ended_at is not null from case_test_case where id = :id")
			.param("id", testCaseId)
			.query(Boolean.class)
			.single()).isTrue();

		// invisible to everything real
		assertThat(this.cases.byId(testCaseId)).isEmpty();
		assertThat(clerk.open("/intern/vorgaenge?suche=" + applicant.replace(' ', '+')).mainText())
			.doesNotContain(applicant);
		JsonNode feed = api(system, "/api/v1/fachverfahren/cases?after=" + cursor);
		assertThat(feed.toString()).doesNotContain(testCaseId.toString());
		assertThat(api(system, "/api/v1/fachverfahren/cases/" + testCaseId, 404)).isNotNull();
		assertThat(this.jdbc.sql("select count(*) from webhook_delivery where payload like :id")
			.param("id", "%" + testCaseId + "%")
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from case_event where case_id = :id")
			.param("id", testCaseId)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.postbox.threadsOfTopic(this.musterstadt.id(), "case:" + testCaseId)).isEmpty();
		assertThat(this.postbox.threadsOfTopic(this.musterstadt.id(), "case:" + realCase)).isEmpty();
		WebSession citizen = CaseFixtures.signedIn(newSession(), "/anmelden", "erika.mustermann@example.org");
		String requests = citizen.open("/konto/antraege").body();
		assertThat(requests).contains(realReference).doesNotContain(testCaseId.toString(), "T-1 ");
		// the admin reading the real case's data is audited like the dry run's read
		assertThat(this.jdbc.sql("""
				select count(*) from audit_log where action = 'case.read-for-dry-run' and record_id = :id""")
			.param("id", realCase.toString())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.admin.open(runPath).document().select("#testfaelle tr[data-test-case=T-1]").text())
			.contains(applicant, "Abgeschlossen");
	}

	@Test
	void promotingPublishesTheDraftOnceKeepsTheTestCasesReadOnlyAndNewCasesRunOnIt() {
		String routePath = upload("escalation-route.bpmn");
		String runPath = startTestRun(routePath);
		String workPath = createTestCase(runPath,
				Map.of("beispieldaten", "amount=50", "antragsteller", "", "einheit", this.bauamt.toString()));
		UUID testCaseId = UUID.fromString(workPath.substring(workPath.lastIndexOf('/') + 1));
		String instance = processInstanceOf(testCaseId);

		WebSession.Page confirm = this.admin.open(runPath + "/freigeben");
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(stateOf(1)).isEqualTo("DRAFT");
		WebSession.Page promoted = this.admin.submit(runPath + "/freigeben", Map.of());
		assertThat(promoted.isRedirect()).isTrue();
		WebSession.Page again = this.admin.post(runPath + "/freigeben", Map.of("_csrf", this.admin.csrfToken()));
		assertThat(again.isRedirect()).isTrue();

		assertThat(stateOf(1)).isEqualTo("PUBLISHED");
		assertThat(this.jdbc
			.sql("select count(*) from audit_log where action = 'case-route.published' and record_id = "
					+ "(select id::text from case_route where case_type_id = :t)")
			.param("t", this.caseTypeId)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
		assertThat(this.management.createTimerJobQuery().processInstanceId(instance).count()).isZero();
		WebSession.Page kept = this.admin.open(workPath);
		assertThat(kept.status()).isEqualTo(200);
		assertThat(kept.document().select("[data-task]")).isEmpty();
		assertThat(kept.mainText()).contains("Freigegeben");

		UUID realCase = openCase("1500", null);
		assertThat(definitionOf(realCase)).isEqualTo(this.jdbc
			.sql("select process_definition_id from case_route where case_type_id = :t and state = 'PUBLISHED'")
			.param("t", this.caseTypeId)
			.query(String.class)
			.single());
	}

	@Test
	void discardingDeletesTheTestCasesAndTheirInstancesOnceAndTheVersionStaysADraft() {
		String routePath = upload("escalation-route.bpmn");
		String runPath = startTestRun(routePath);
		String first = createTestCase(runPath,
				Map.of("beispieldaten", "amount=5000", "antragsteller", "Eins", "einheit", this.bauamt.toString()));
		createTestCase(runPath,
				Map.of("beispieldaten", "amount=5", "antragsteller", "Zwei", "einheit", this.bauamt.toString()));
		List<String> instances = this.jdbc.sql("""
				select process_instance_id from case_test_case c join case_test_run r on r.id = c.run_id
				 join case_route cr on cr.id = r.route_id where cr.case_type_id = :t""")
			.param("t", this.caseTypeId)
			.query(String.class)
			.list();
		assertThat(instances).hasSize(2);
		// real cases of the case type keep the built-in route while its draft is tested
		ProcessInstance real = instanceOf(openCase("100", null));
		assertThat(real.getProcessDefinitionKey()).isEqualTo("amtsweg-default-route");
		assertThat(real.getTenantId()).isEmpty();

		this.admin.open(runPath);
		assertThat(this.admin.submit(runPath + "/verwerfen", Map.of()).isRedirect()).isTrue();
		assertThat(this.admin.post(runPath + "/verwerfen", Map.of("_csrf", this.admin.csrfToken())).isRedirect())
			.isTrue();

		for (String instance : instances) {
			assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
		}
		assertThat(this.jdbc.sql("""
				select count(*) from case_test_case c join case_test_run r on r.id = c.run_id
				 join case_route cr on cr.id = r.route_id where cr.case_type_id = :t""")
			.param("t", this.caseTypeId)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from audit_log where action = 'case-route.test-run-discarded'
				   and record_id = (select id::text from case_route where case_type_id = :t)""")
			.param("t", this.caseTypeId)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(stateOf(1)).isEqualTo("DRAFT");
		assertThat(this.admin.get(first).status()).isEqualTo(404);
		assertThat(instanceOf(openCase("100", null)).getTenantId()).isEmpty();
		// and the draft can be tested again
		assertThat(this.admin.open(runPath).document().select("#testbetrieb-starten")).hasSize(1);
	}

	@Test
	void staffOfAnotherMunicipalityOrUnitGetNotFoundAndChangesNeedTheCsrfToken() {
		String routePath = upload("escalation-route.bpmn");
		String runPath = startTestRun(routePath);
		String workPath = createTestCase(runPath,
				Map.of("beispieldaten", "amount=50", "antragsteller", "", "einheit", this.bauamt.toString()));

		WebSession foreignAdmin = newSession().signInAsStaff("admin@beispielheim.example");
		assertThat(foreignAdmin.get(runPath).status()).isEqualTo(404);
		assertThat(foreignAdmin.get(workPath).status()).isEqualTo(404);
		assertThat(newSession().signInAsStaff("bauamt@beispielheim.example").get(workPath).status()).isEqualTo(404);
		assertThat(newSession().signInAsStaff("standesamt@musterstadt.example").get(workPath).status()).isEqualTo(404);

		WebSession.Page forged = this.admin.post(runPath + "/verwerfen", Map.of());
		assertThat(forged.status()).isEqualTo(403);
		assertThat(this.admin.open(runPath).document().select("#testfaelle tr[data-test-case]")).hasSize(1);
		WebSession.Page badUnit = this.admin.submit(runPath + "/vorgaenge",
				Map.of("beispieldaten", "amount=1", "antragsteller", "", "einheit", UUID.randomUUID().toString()));
		assertThat(badUnit.status()).isEqualTo(400);
		assertThat(badUnit.document().select(".error-summary a[href=#einheit]").text())
			.isEqualTo(badUnit.document().select("#einheit-error span:last-child").text());
	}

	// --- helpers

	private String upload(String resource) {
		return uploadXml(RouteFixtures.resource(resource));
	}

	private String uploadXml(String xml) {
		return RouteFixtures.upload(this.admin, this.caseTypeId, xml);
	}

	private String startTestRun(String routePath) {
		WebSession.Page route = this.admin.open(routePath);
		String runPath = route.document().selectFirst("#zum-testbetrieb").attr("href");
		this.admin.open(runPath);
		WebSession.Page started = this.admin.submit(runPath + "/starten", Map.of());
		assertThat(started.isRedirect()).isTrue();
		return runPath;
	}

	private String createTestCase(String runPath, Map<String, String> fields) {
		this.admin.open(runPath);
		WebSession.Page created = this.admin.submit(runPath + "/vorgaenge", fields);
		assertThat(created.isRedirect()).as(created.mainText()).isTrue();
		return created.location().orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	private WebSession.Page complete(WebSession session, String workPath, String taskKey, Map<String, String> fields) {
		WebSession.Page page = session.open(workPath);
		String action = page.document().selectFirst("[data-task=" + taskKey + "] form").attr("action");
		return session.submit(action, fields);
	}

	private List<String> eventsOf(UUID testCaseId) {
		return this.jdbc.sql("select kind from case_test_event where test_case_id = :id order by id")
			.param("id", testCaseId)
			.query(String.class)
			.list();
	}

	private String processInstanceOf(UUID testCaseId) {
		return this.jdbc.sql("select process_instance_id from case_test_case where id = :id")
			.param("id", testCaseId)
			.query(String.class)
			.single();
	}

	private String stateOf(int version) {
		return RouteFixtures.stateOf(this.jdbc, this.caseTypeId, version);
	}

	private String referenceOf(UUID caseId) {
		return RouteFixtures.referenceOf(this.jdbc, caseId);
	}

	private String definitionOf(UUID caseId) {
		return instanceOf(caseId).getProcessDefinitionId();
	}

	private ProcessInstance instanceOf(UUID caseId) {
		String instance = this.jdbc.sql("select process_instance_id from case_file where id = :id")
			.param("id", caseId)
			.query(String.class)
			.single();
		return this.runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult();
	}

	private UUID openCase(String amount, UUID accountId) {
		Submission submission = SystemActor.call(() -> {
			Draft draft = this.filling.start(this.musterstadt, this.formKey, accountId);
			Applicant applicant = new Applicant(accountId, Set.of(draft.id()), Set.of());
			FormFilling.Loaded loaded = this.filling.load(this.musterstadt, this.formKey, draft.id(), applicant);
			Answers answers = loaded.draft().answers();
			answers.put("name", "Erika Probe");
			answers.put("amount", amount);
			answers.put("email", "testbetrieb-" + UUID.randomUUID() + "@example.org");
			this.filling.save(loaded, answers);
			return this.filling.submit(this.musterstadt, this.formKey, draft.id(), draft.idempotencyKey(), applicant,
					Locale.GERMAN);
		});
		return CaseFixtures.awaitCase(this.jdbc, submission.id());
	}

	/** A specialist system of the Bauamt registered on the admin pages; its API key. */
	private String registerSystem() {
		this.admin.get("/intern/admin/schnittstellen/neu");
		WebSession.Page created = this.admin.submit("/intern/admin/schnittstellen/neu",
				Map.of("name", "Bausoftware " + UUID.randomUUID(), "orgUnitIds", this.bauamt.toString()));
		assertThat(created.status()).isEqualTo(302);
		String path = created.location().orElseThrow().replaceFirst("^https?://[^/]+", "");
		this.admin.get(path);
		this.admin.submit(path + "/schluessel", Map.of());
		return this.admin.get(path).document().select("#new-key").text();
	}

	private String endOfFeed(String key) {
		String cursor = "0";
		for (int page = 0; page < 1000; page++) {
			JsonNode changes = api(key, "/api/v1/fachverfahren/cases?after=" + cursor);
			cursor = changes.get("nextCursor").asString();
			if (!changes.get("hasMore").asBoolean()) {
				return cursor;
			}
		}
		throw new AssertionError("feed without end");
	}

	private JsonNode api(String key, String path) {
		return api(key, path, 200);
	}

	private JsonNode api(String key, String path, int status) {
		try {
			HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
				.header("Authorization", "Bearer " + key)
				.header("Accept", "application/json")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
			return JsonMapper.builder().build().readTree(response.body());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
