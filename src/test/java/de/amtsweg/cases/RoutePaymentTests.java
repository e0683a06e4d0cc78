package de.amtsweg.cases;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route's service task "Zahlung anfordern" on the engine: a published route with
 * {@code caseRoute.requestPayment} sets one claim on the case, in its history and on the
 * citizen's finances page, also when the engine runs the task again; the dry run shows
 * the amount. Each test makes its own form and case type.
 */
class RoutePaymentTests extends IntegrationTest {

	static final String ADMIN = "admin@musterstadt.example";

	static final String CITIZEN = "erika.mustermann@example.org";

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

	Municipality musterstadt;

	String formKey;

	UUID caseTypeId;

	WebSession admin;

	@BeforeEach
	void ownFormAndCaseType() {
		this.musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		this.formKey = "zahlung-" + UUID.randomUUID().toString().substring(0, 8);
		this.caseTypeId = RouteFixtures.formWithCaseType(this.definitions, this.jdbc, this.musterstadt.id(),
				this.formKey, "Genehmigung", "Permit", "fee", "Gebühr");
		this.admin = newSession().signInAsStaff(ADMIN);
	}

	@Test
	void thePublishedRouteRequestsThePaymentOnceEvenWhenTheTaskRunsAgain() {
		publish(upload(RouteFixtures.resource("payment-route.bpmn")));
		UUID caseId = openCase();
		String reference = referenceOf(caseId);
		complete(caseId, "check");
		assertThat(openTasks(caseId)).containsExactly("decide");

		// the engine runs the step again in the same process (a retried job, a moved
		// token)
		String instance = processInstanceOf(caseId);
		SystemActor.run(() -> this.runtime.createChangeActivityStateBuilder()
			.processInstanceId(instance)
			.moveActivityIdTo("decide", "requestFee")
			.changeState());
		assertThat(openTasks(caseId)).containsExactly("decide");

		assertThat(this.jdbc.sql("""
				select amount from payment_claim where origin_type = 'CASE' and origin_ref like :r""")
			.param("r", reference + "/%")
			.query(java.math.BigDecimal.class)
			.list()).singleElement().satisfies((amount) -> assertThat(amount).isEqualByComparingTo("12.00"));
		assertThat(this.jdbc.sql("select count(*) from case_event where case_id = :id and kind = 'feeClaimed'")
			.param("id", caseId)
			.query(Integer.class)
			.single()).isOne();

		WebSession citizen = CaseFixtures.signedIn(newSession(), "/anmelden", CITIZEN);
		assertThat(citizen.get("/konto/finanzen").mainText()).contains("Verwaltungsgebühr (" + reference + ")",
				"12,00 €");
		assertThat(citizen.get("/konto/antraege/" + caseId).mainText()).contains("Gebühr/Forderung festgesetzt");
	}

	@Test
	void anAmountFromAVariableOfTheFormIsRequested() {
		String route = RouteFixtures.resource("payment-route.bpmn").replace("&apos;12,00&apos;", "&apos;fee&apos;");
		publish(upload(route));
		UUID caseId = openCase();
		complete(caseId, "check");

		assertThat(this.jdbc.sql("select amount from payment_claim where origin_type = 'CASE' and origin_ref like :r")
			.param("r", referenceOf(caseId) + "/%")
			.query(java.math.BigDecimal.class)
			.list()).singleElement().satisfies((amount) -> assertThat(amount).isEqualByComparingTo("45.00"));
	}

	@Test
	void theDryRunShowsThePaymentStepWithItsAmountAndRequestsNothing() {
		String routePath = upload(RouteFixtures.resource("payment-route.bpmn"));
		this.admin.open(routePath);

		WebSession.Page result = this.admin.submit(routePath + "/probelauf", Map.of("beispieldaten", "name=Erika"));

		assertThat(result.status()).isEqualTo(200);
		assertThat(result.document().select("ol.route-path > li[data-step=requestFee]").text())
			.isEqualTo("Gebühr anfordern (Zahlung anfordern) : 12,00 EUR");
		assertThat(result.document().select("#ergebnis ul li").eachText()).contains("Gebühr anfordern: 12,00 EUR");

		String byVariable = upload(
				RouteFixtures.resource("payment-route.bpmn").replace("&apos;12,00&apos;", "&apos;fee&apos;"));
		this.admin.open(byVariable);
		WebSession.Page withFee = this.admin.submit(byVariable + "/probelauf", Map.of("beispieldaten", "fee=1250.5"));
		assertThat(withFee.document().select("ol.route-path > li[data-step=requestFee]").text())
			.endsWith("1.250,50 EUR");
		WebSession.Page withoutFee = this.admin.submit(byVariable + "/probelauf", Map.of("beispieldaten", ""));
		assertThat(withoutFee.mainText()).contains("Der Laufweg bricht ab:",
				"Der Schritt „Gebühr anfordern“ (Zahlung anfordern) braucht die Variable „fee“, die nicht gesetzt ist.");
	}

	@Test
	void anUploadWithAWrongPaymentCallIsRefusedWithTheTaskNamed() {
		HttpResponse<byte[]> response = postUpload(
				RouteFixtures.resource("payment-route.bpmn").replace("&apos;P14D&apos;", "&apos;zwei Wochen&apos;"));

		String page = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(page)
			.contains("Die Serviceaufgabe „requestFee“ (Zahlung anfordern) hat keine gültige Zahlungsfrist");
	}

	// --- helpers

	private String upload(String xml) {
		return RouteFixtures.upload(this.admin, this.caseTypeId, xml);
	}

	private HttpResponse<byte[]> postUpload(String xml) {
		return RouteFixtures.postUpload(this.admin, this.caseTypeId, xml);
	}

	private void publish(String routePath) {
		RouteFixtures.publish(this.admin, routePath);
	}

	private UUID openCase() {
		UUID erika = CaseFixtures.accountOf(this.jdbc, CITIZEN);
		Submission submission = SystemActor.call(() -> {
			Draft draft = this.filling.start(this.musterstadt, this.formKey, erika);
			Applicant applicant = new Applicant(erika, Set.of(draft.id()), Set.of());
			FormFilling.Loaded loaded = this.filling.load(this.musterstadt, this.formKey, draft.id(), applicant);
			Answers answers = loaded.draft().answers();
			answers.put("name", "Erika Mustermann");
			answers.put("fee", "45");
			answers.put("email", CITIZEN);
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

	private List<String> openTasks(UUID caseId) {
		return this.tasks.createTaskQuery()
			.processInstanceId(processInstanceOf(caseId))
			.list()
			.stream()
			.map(Task::getTaskDefinitionKey)
			.toList();
	}

	private void complete(UUID caseId, String key) {
		SystemActor.run(() -> this.tasks.complete(this.tasks.createTaskQuery()
			.processInstanceId(processInstanceOf(caseId))
			.taskDefinitionKey(key)
			.singleResult()
			.getId()));
	}

}
