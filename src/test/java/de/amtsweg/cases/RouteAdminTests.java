package de.amtsweg.cases;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
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
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin's processing routes over real HTTP: upload (valid and each kind of refused
 * model), the dry run, publishing (new cases use it, running cases stay) and the
 * migration of running cases with its report. Each test makes its own form and case type
 * so that no other test's cases run on these routes.
 */
class RouteAdminTests extends IntegrationTest {

	static final String ADMIN = "admin@musterstadt.example";

	static final String BASE = "/intern/admin/verfahren";

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
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	Postbox postbox;

	Municipality musterstadt;

	String formKey;

	UUID caseTypeId;

	WebSession admin;

	@BeforeEach
	void ownFormAndCaseType() {
		this.musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		this.formKey = "laufweg-" + UUID.randomUUID().toString().substring(0, 8);
		this.caseTypeId = RouteFixtures.formWithCaseType(this.definitions, this.jdbc, this.musterstadt.id(),
				this.formKey, "Zuschuss", "Grant", "amount", "Betrag");
		this.admin = newSession().signInAsStaff(ADMIN);
	}

	@Test
	void theAdminUploadsAModellerRouteAsDraftAndSeesItsSteps() {
		WebSession.Page list = this.admin.open(BASE);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.mainText()).contains("Zuschuss " + this.formKey);

		String routePath = upload("escalation-route.bpmn");
		WebSession.Page page = this.admin.open(routePath);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.mainText()).contains("Version 1 wurde als Entwurf gespeichert", "Entwurf",
				"Zweite Prüfung (hoher Betrag)", "Nach 5 Tagen eskalieren");
		assertThat(page.document().select("ol.route-steps > li").eachAttr("data-step")).startsWith("StartEvent_1",
				"check", "markInProgress", "amountGateway");
		String modelUrl = page.document().selectFirst("#route-diagram").attr("data-model-url");
		HttpResponse<byte[]> model = this.admin.download(modelUrl);
		assertThat(model.statusCode()).isEqualTo(200);
		assertThat(new String(model.body(), StandardCharsets.UTF_8)).contains("Process_Laufweg_Betrag",
				"bpmndi:BPMNDiagram");
		assertThat(stateOf(1)).isEqualTo("DRAFT");
	}

	@Test
	void eachKindOfForbiddenModelIsRefusedWithItsMessageAndNothingIsStored() {
		String example = resource("escalation-route.bpmn");
		Map<String, String> refused = new LinkedHashMap<>();
		refused.put(example.replace("<bpmn:serviceTask id=\"escalate\"", "<bpmn:scriptTask id=\"escalate\"")
			.replace("<bpmn:outgoing>Flow_escalated</bpmn:outgoing>\n    </bpmn:serviceTask>",
					"<bpmn:outgoing>Flow_escalated</bpmn:outgoing>\n<bpmn:script>1</bpmn:script></bpmn:scriptTask>")
			.replace(" flowable:expression=\"${caseRoute.escalate(execution)}\"", " scriptFormat=\"groovy\""),
				"„escalate“ ist eine Skriptaufgabe; Skripte sind in Laufwegen nicht erlaubt.");
		refused.put(example.replace("flowable:expression=\"${caseRoute.escalate(execution)}\"",
				"flowable:class=\"org.example.Evil\""), "ruft die Java-Klasse org.example.Evil auf");
		refused.put(
				example.replace("flowable:expression=\"${caseRoute.escalate(execution)}\"",
						"flowable:delegateExpression=\"${dataSource}\""),
				"Delegate-Ausdrücke sind in Laufwegen nicht erlaubt");
		refused.put(example.replace("<bpmn:incoming>Flow_toCheck</bpmn:incoming>",
				"<bpmn:extensionElements><flowable:executionListener event=\"start\" class=\"org.example.Evil\" />"
						+ "</bpmn:extensionElements><bpmn:incoming>Flow_toCheck</bpmn:incoming>"),
				"„check“ hat Ausführungs- oder Aufgaben-Listener");
		refused.put(example.replace("${caseRoute.escalate(execution)}", "${runtimeService.toString()}"),
				"Der Ausdruck an „escalate“ ist nicht erlaubt");
		refused.put(example.replace("${amount &gt; 1000}", "${amount.getClass() != null}"),
				"Die Bedingung an „Flow_high“ ist nicht erlaubt");
		refused.put(example.replace(" flowable:candidateGroups=\"${orgUnitGroup}\">\n      <bpmn:incoming>Flow_toCheck",
				">\n      <bpmn:incoming>Flow_toCheck"), "Die Aufgabe „check“ hat keine Gruppe");
		refused.put(
				example.replace("${orgUnitGroup}\">\n      <bpmn:incoming>Flow_toCheck",
						"orgunit:" + UUID.randomUUID() + "\">\n      <bpmn:incoming>Flow_toCheck"),
				"ist keine Organisationseinheit dieser Gemeinde");
		refused.put(
				example.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
						"<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"),
				"keine DOCTYPE- oder ENTITY-Deklaration");
		refused.put(example.replace("</bpmn:process>", "</bpmn:prozess>"), "kein wohlgeformtes XML");
		refused.put(example.replace("isExecutable=\"true\"", "isExecutable=\"false\""),
				"genau einen ausführbaren Prozess");

		refused.forEach((xml, message) -> {
			assertThat(xml).as("variant for " + message).isNotEqualTo(example);
			HttpResponse<byte[]> response = RouteFixtures.postUpload(this.admin, this.caseTypeId, xml);
			Document page = org.jsoup.Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8));
			assertThat(response.statusCode()).as(message).isEqualTo(400);
			assertThat(page.title()).startsWith("Fehler: ");
			assertThat(page.select(".error-summary a[href=\"#datei\"]").text()).as(message).contains(message);
			assertThat(page.select("#datei-error").text()).contains(message);
		});
		assertThat(this.jdbc.sql("select count(*) from case_route where case_type_id = :t")
			.param("t", this.caseTypeId)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theDryRunShowsPathTimersAndCallsAndTouchesNothingReal() {
		String routePath = upload("escalation-route.bpmn");
		this.admin.open(routePath);
		long instancesBefore = this.runtime.createProcessInstanceQuery().count();
		int postboxThreads = countThreads();

		WebSession.Page high = this.admin.submit(routePath + "/probelauf",
				Map.of("beispieldaten", "amount=1500\nname=Erika", "entscheidung-decide", "result=APPROVED"));

		assertThat(high.status()).isEqualTo(200);
		assertThat(high.document().select("ol.route-path > li").eachAttr("data-step")).containsExactly("StartEvent_1",
				"check", "markInProgress", "amountGateway", "reviewHigh", "decide", "markDecided", "createNotice",
				"sendMessage", "close", "markClosed", "EndEvent_1");
		String inFiveDays = LocalDate.now(this.clock).plusDays(5).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
		assertThat(high.document().select("[data-timer=escalationTimer]").text())
			.contains("Nach 5 Tagen eskalieren: am " + inFiveDays, "Eskalieren");
		assertThat(high.document().select("[data-timer=processingTimeOver]").text()).contains("Bearbeitungsfrist");
		assertThat(high.mainText()).contains("${caseRoute.createNotice(execution)}",
				"${caseRoute.sendMessage(execution, 'cases.route.message.decided')}");

		WebSession.Page low = this.admin.submit(routePath + "/probelauf", Map.of("beispieldaten", "amount=500"));
		assertThat(low.document().select("ol.route-path > li").eachAttr("data-step")).doesNotContain("reviewHigh")
			.contains("decide", "EndEvent_1");

		WebSession.Page missing = this.admin.submit(routePath + "/probelauf", Map.of("beispieldaten", ""));
		assertThat(missing.status()).isEqualTo(200);
		assertThat(missing.mainText()).contains("Der Laufweg bricht ab:", "Eine Bedingung lässt sich nicht auswerten");

		assertThat(this.runtime.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
		assertThat(countThreads()).isEqualTo(postboxThreads);
		assertThat(this.jdbc.sql("select count(*) from case_file where form_key = :k")
			.param("k", this.formKey)
			.query(Integer.class)
			.single()).isZero();
		assertThat(stateOf(1)).isEqualTo("DRAFT");
	}

	@Test
	void theDryRunTakesTheDataOfAnExistingCaseByReferenceAndAuditsTheRead() {
		UUID high = openCase("1500");
		String reference = referenceOf(high);
		String routePath = upload("escalation-route.bpmn");
		this.admin.open(routePath);

		WebSession.Page fromCase = this.admin.submit(routePath + "/probelauf",
				Map.of("vorgang", reference.toLowerCase(Locale.ROOT), "beispieldaten", "amount=10"));

		assertThat(fromCase.status()).isEqualTo(200);
		assertThat(fromCase.document().select("ol.route-path > li").eachAttr("data-step")).contains("reviewHigh");
		assertThat(fromCase.document().select("#beispieldaten").text()).contains("amount=1500", "name=Erika Probe");
		assertThat(this.jdbc.sql("""
				select count(*) from audit_log where action = 'case.read-for-dry-run' and record_id = :id""")
			.param("id", high.toString())
			.query(Integer.class)
			.single()).isEqualTo(1);

		WebSession.Page unknown = this.admin.submit(routePath + "/probelauf",
				Map.of("vorgang", "VG-1999-999999", "beispieldaten", ""));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.document().title()).startsWith("Fehler: ");
		assertThat(unknown.document().select(".error-summary a[href=#vorgang]").text())
			.isEqualTo(unknown.document().select("#vorgang-error").text())
			.contains("Aktenzeichen");
	}

	@Test
	void publishingMakesNewCasesRunOnTheNewVersionWhileRunningCasesStayOnTheirs() {
		UUID before = openCase("100");
		assertThat(definitionOf(before)).startsWith("amtsweg-default-route:");

		publish(upload("escalation-route.bpmn"));
		String version1 = publishedDefinition(1);
		UUID onVersion1 = openCase("1500");

		assertThat(definitionOf(onVersion1)).isEqualTo(version1);
		assertThat(definitionOf(before)).startsWith("amtsweg-default-route:");
		assertThat(this.admin.open(BASE + "/" + this.caseTypeId).mainText()).contains("Version 1 ist veröffentlicht");

		publish(upload("short-route.bpmn"));
		UUID onVersion2 = openCase("1500");

		assertThat(stateOf(1)).isEqualTo("RETIRED");
		assertThat(stateOf(2)).isEqualTo("PUBLISHED");
		assertThat(definitionOf(onVersion2)).isEqualTo(publishedDefinition(2));
		assertThat(definitionOf(onVersion1)).isEqualTo(version1);
		// the running case goes on along version 1: past the check to the gateway on its
		// data
		complete(onVersion1, "check");
		assertThat(openTasks(onVersion1)).containsExactly("reviewHigh");
		assertThat(openTasks(onVersion2)).containsExactly("check");
	}

	@Test
	void migrationMovesTheCasesWhoseStepExistsAndReportsTheOthersWithTheReason() {
		publish(upload("escalation-route.bpmn"));
		UUID atReview = openCase("2500");
		complete(atReview, "check");
		UUID atCheck = openCase("10");
		assertThat(openTasks(atReview)).containsExactly("reviewHigh");

		publish(upload("short-route.bpmn"));
		WebSession.Page caseType = this.admin.open(BASE + "/" + this.caseTypeId);
		WebSession.Page report = this.admin.submit(BASE + "/" + this.caseTypeId + "/migrieren", Map.of());
		assertThat(report.isRedirect()).isTrue();
		WebSession.Page shown = this.admin.open(report.location().orElseThrow());

		assertThat(caseType.status()).isEqualTo(200);
		assertThat(shown.mainText()).contains("Bericht der Migration auf Version 2");
		String referenceAtCheck = referenceOf(atCheck);
		String referenceAtReview = referenceOf(atReview);
		assertThat(shown.document().select("tr[data-reference=" + referenceAtCheck + "]").text()).contains("migriert")
			.doesNotContain("nicht migrierbar");
		assertThat(shown.document().select("tr[data-reference=" + referenceAtReview + "]").text())
			.contains("nicht migrierbar", "reviewHigh");
		assertThat(definitionOf(atCheck)).isEqualTo(publishedDefinition(2));
		assertThat(definitionOf(atReview)).isEqualTo(
				this.jdbc.sql("select process_definition_id from case_route where case_type_id = :t and version = 1")
					.param("t", this.caseTypeId)
					.query(String.class)
					.single());
		assertThat(this.jdbc.sql("""
				select action from audit_log where record_id = :id and action like 'case.route-%'""")
			.param("id", atCheck.toString())
			.query(String.class)
			.list()).contains("case.route-migrated");
		assertThat(this.jdbc.sql("""
				select action from audit_log where record_id = :id and action like 'case.route-%'""")
			.param("id", atReview.toString())
			.query(String.class)
			.list()).contains("case.route-not-migrated");
	}

	@Test
	void theExampleRouteEscalatesWhenItsTimerFiresAndWritesToTheApplicantsPostbox() {
		publish(upload("escalation-route.bpmn"));
		UUID caseId = openCase("300");
		complete(caseId, "check");
		assertThat(openTasks(caseId)).containsExactly("decide");

		String instance = processInstanceOf(caseId);
		Job escalation = this.management.createTimerJobQuery()
			.processInstanceId(instance)
			.list()
			.stream()
			.filter((job) -> "escalationTimer".equals(job.getElementId()))
			.findFirst()
			.orElseThrow();
		// due now: the engine's job executor runs it (as it would after five days)
		this.management.moveTimerToExecutableJob(escalation.getId());

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.sql("select kind from case_event where case_id = :id")
				.param("id", caseId)
				.query(String.class)
				.list()).contains("escalated"));
		assertThat(openTasks(caseId)).containsExactly("decide");

		SystemActor.run(() -> this.tasks.complete(task(caseId, "decide").getId(), Map.of("result", "APPROVED")));

		assertThat(this.postbox.threadsOfTopic(this.musterstadt.id(), "case:" + caseId)).singleElement()
			.satisfies((thread) -> assertThat(thread.subject()).contains(referenceOf(caseId)));
		assertThat(openTasks(caseId)).containsExactly("close");
	}

	@Test
	void aCaseTypeOfAnotherMunicipalityDoesNotExistForTheAdmin() {
		UUID foreign = this.jdbc.sql("""
				insert into case_type (municipality_id, form_key, version, name_de, name_en, processing_days)
				values ((select id from municipality where slug = 'beispielheim'), :key, 1, 'Fremd', 'Foreign', 10)
				returning id""").param("key", this.formKey).query(UUID.class).single();

		assertThat(this.admin.get(BASE + "/" + foreign).status()).isEqualTo(404);
		assertThat(newSession().signInAsStaff("standesamt@musterstadt.example").get(BASE).status()).isIn(302, 403);
	}

	// --- helpers

	private String upload(String resource) {
		return RouteFixtures.upload(this.admin, this.caseTypeId, resource(resource));
	}

	private void publish(String routePath) {
		RouteFixtures.publish(this.admin, routePath);
	}

	private String stateOf(int version) {
		return RouteFixtures.stateOf(this.jdbc, this.caseTypeId, version);
	}

	private String publishedDefinition(int version) {
		return this.jdbc.sql(
				"select process_definition_id from case_route where case_type_id = :t and version = :v and state = 'PUBLISHED'")
			.param("t", this.caseTypeId)
			.param("v", version)
			.query(String.class)
			.single();
	}

	private UUID openCase(String amount) {
		Submission submission = SystemActor.call(() -> {
			Draft draft = this.filling.start(this.musterstadt, this.formKey, null);
			Applicant applicant = new Applicant(null, Set.of(draft.id()), Set.of());
			FormFilling.Loaded loaded = this.filling.load(this.musterstadt, this.formKey, draft.id(), applicant);
			Answers answers = loaded.draft().answers();
			answers.put("name", "Erika Probe");
			answers.put("amount", amount);
			answers.put("email", "laufweg-" + UUID.randomUUID() + "@example.org");
			this.filling.save(loaded, answers);
			return this.filling.submit(this.musterstadt, this.formKey, draft.id(), draft.idempotencyKey(), applicant,
					Locale.GERMAN);
		});
		return CaseFixtures.awaitCase(this.jdbc, submission.id());
	}

	private String processInstanceOf(UUID caseId) {
		return RouteFixtures.processInstanceOf(this.jdbc, caseId);
	}

	private String referenceOf(UUID caseId) {
		return RouteFixtures.referenceOf(this.jdbc, caseId);
	}

	private String definitionOf(UUID caseId) {
		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.processInstanceId(processInstanceOf(caseId))
			.singleResult();
		return instance.getProcessDefinitionId();
	}

	private List<String> openTasks(UUID caseId) {
		return this.tasks.createTaskQuery()
			.processInstanceId(processInstanceOf(caseId))
			.list()
			.stream()
			.map(Task::getTaskDefinitionKey)
			.toList();
	}

	private Task task(UUID caseId, String key) {
		return this.tasks.createTaskQuery()
			.processInstanceId(processInstanceOf(caseId))
			.taskDefinitionKey(key)
			.singleResult();
	}

	private void complete(UUID caseId, String key) {
		SystemActor.run(() -> this.tasks.complete(task(caseId, key).getId()));
	}

	private int countThreads() {
		return this.jdbc.sql("select count(*) from postbox_thread").query(Integer.class).single();
	}

	static String resource(String name) {
		return RouteFixtures.resource(name);
	}

}
