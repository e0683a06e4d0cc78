package de.amtsweg.cases.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks of an uploaded route, without the application. */
class RouteValidationTests {

	static final String EXAMPLE = read("/routes/escalation-route.bpmn");

	private static final UUID OWN_UNIT = UUID.randomUUID();

	static String read(String resource) {
		try (InputStream in = RouteValidationTests.class.getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static RouteValidator.RouteCheck check(String xml) {
		return RouteValidator.check(xml.getBytes(StandardCharsets.UTF_8), Set.of(OWN_UNIT));
	}

	private static String replaced(String target, String replacement) {
		assertThat(EXAMPLE).contains(target);
		return EXAMPLE.replace(target, replacement);
	}

	private static void assertRefusedFor(String xml, String kind) {
		RouteValidator.RouteCheck check = check(xml);
		assertThat(check.valid()).isFalse();
		assertThat(check.problems()).extracting(RouteProblem::kind).contains(kind);
	}

	@Test
	void theModellerStyleExampleWithGatewayTimersAndServiceCallsIsAccepted() {
		RouteValidator.RouteCheck check = check(EXAMPLE);

		assertThat(check.problems()).isEmpty();
		assertThat(check.valid()).isTrue();
		assertThat(check.process().getId()).isEqualTo("Process_Laufweg_Betrag");
		assertThat(check.model().getLocationMap()).containsKey("decide");
	}

	@Test
	void theBuiltInRoutePassesEveryCheckButItsReservedProcessId() {
		String builtIn = read("/cases/routes/default.bpmn20.xml");

		assertThat(check(builtIn).problems()).extracting(RouteProblem::kind).containsExactly("processIdReserved");
	}

	@Test
	void aFixedOrgUnitOfTheMunicipalityIsAcceptedAsGroupButOneOfAnotherIsNot() {
		String own = replaced("flowable:candidateGroups=\"${orgUnitGroup}\">\n      <bpmn:incoming>Flow_toCheck",
				"flowable:candidateGroups=\"orgunit:" + OWN_UNIT + "\">\n      <bpmn:incoming>Flow_toCheck");
		assertThat(check(own).problems()).isEmpty();

		String foreign = own.replace(OWN_UNIT.toString(), UUID.randomUUID().toString());
		assertRefusedFor(foreign, "candidateGroupUnknown");
	}

	@Test
	void aUserTaskWithoutGroupIsRefused() {
		assertRefusedFor(replaced(
				"<bpmn:userTask id=\"check\" name=\"Vollständigkeit prüfen\" "
						+ "flowable:candidateGroups=\"${orgUnitGroup}\">",
				"<bpmn:userTask id=\"check\" name=\"Vollständigkeit prüfen\">"), "candidateGroupMissing");
	}

	@Test
	void aUserTaskAssignedToAPersonIsRefused() {
		assertRefusedFor(
				replaced("<bpmn:userTask id=\"check\" ", "<bpmn:userTask id=\"check\" flowable:assignee=\"kermit\" "),
				"assignee");
	}

	@Test
	void malformedXmlIsRefusedWithItsPosition() {
		RouteValidator.RouteCheck check = check(EXAMPLE.replace("</bpmn:process>", "</bpmn:prozess>"));

		assertThat(check.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.kind()).isEqualTo("malformed");
			assertThat(problem.args().get(0)).matches("\\d+");
		});
	}

	@Test
	void aDoctypeWithAnExternalEntityIsRefusedBeforeAnythingIsResolved() {
		String xxe = EXAMPLE.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE d [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>")
			.replace("name=\"Entscheiden\"", "name=\"&secret;\"");

		assertThat(check(xxe).problems()).extracting(RouteProblem::kind).containsExactly("doctype");
	}

	@Test
	void xmlThatIsNotBpmnIsRefusedByTheSchema() {
		assertRefusedFor("<?xml version=\"1.0\"?><route><step/></route>", "schema");
	}

	@Test
	void aModelWithoutExecutableProcessIsRefused() {
		assertRefusedFor(replaced("isExecutable=\"true\"", "isExecutable=\"false\""), "processCount");
	}

	@Test
	void aScriptTaskIsRefused() {
		assertRefusedFor(replaced(
				"<bpmn:serviceTask id=\"escalate\" name=\"Eskalieren\" flowable:expression=\"${caseRoute.escalate(execution)}\">",
				"<bpmn:scriptTask id=\"escalate\" name=\"Eskalieren\" scriptFormat=\"groovy\">")
			.replace("<bpmn:outgoing>Flow_escalated</bpmn:outgoing>\n    </bpmn:serviceTask>",
					"<bpmn:outgoing>Flow_escalated</bpmn:outgoing>\n<bpmn:script>'rm -rf /'.execute()</bpmn:script>"
							+ "</bpmn:scriptTask>"),
				"scriptTask");
	}

	@Test
	void aJavaClassDelegateIsRefused() {
		assertRefusedFor(replaced("flowable:expression=\"${caseRoute.escalate(execution)}\"",
				"flowable:class=\"org.example.Evil\""), "javaClass");
	}

	@Test
	void aDelegateExpressionIsRefused() {
		assertRefusedFor(replaced("flowable:expression=\"${caseRoute.escalate(execution)}\"",
				"flowable:delegateExpression=\"${dataSource}\""), "delegateExpression");
	}

	@Test
	void aShellTaskIsRefused() {
		assertRefusedFor(
				replaced("flowable:expression=\"${caseRoute.escalate(execution)}\"", "flowable:type=\"shell\""),
				"taskType");
	}

	@Test
	void aServiceCallOutsideTheWhitelistIsRefused() {
		assertRefusedFor(replaced("${caseRoute.escalate(execution)}",
				"${runtimeService.deleteProcessInstance(execution.id, 'x')}"), "expression");
		assertRefusedFor(
				replaced("${caseRoute.escalate(execution)}", "${caseRoute.getClass().forName('java.lang.Runtime')}"),
				"expression");
		assertRefusedFor(replaced("${caseRoute.status(execution, &apos;DECIDED&apos;)}",
				"${caseRoute.status(execution, &apos;DELETED&apos;)}"), "expression");
	}

	@Test
	void anExecutionListenerIsRefused() {
		assertRefusedFor(replaced("<bpmn:incoming>Flow_toCheck</bpmn:incoming>",
				"<bpmn:extensionElements><flowable:executionListener event=\"start\" class=\"org.example.Evil\" />"
						+ "</bpmn:extensionElements><bpmn:incoming>Flow_toCheck</bpmn:incoming>"),
				"listener");
	}

	@Test
	void aTaskListenerIsRefused() {
		assertRefusedFor(replaced("<bpmn:incoming>Flow_toCheck</bpmn:incoming>",
				"<bpmn:extensionElements><flowable:taskListener event=\"create\" expression=\"${caseRoute.escalate(execution)}\" />"
						+ "</bpmn:extensionElements><bpmn:incoming>Flow_toCheck</bpmn:incoming>"),
				"listener");
	}

	@Test
	void aConditionThatCallsAMethodIsRefused() {
		assertRefusedFor(replaced("${amount &gt; 1000}", "${amount.getClass().forName('x') != null}"), "condition");
	}

	@Test
	void anExpressionInATaskNameIsRefused() {
		assertRefusedFor(replaced("name=\"Vollständigkeit prüfen\"", "name=\"${caseRoute.toString()}\""),
				"expressionNotAllowed");
	}

	@Test
	void aTimerWithACallIsRefused() {
		assertRefusedFor(replaced(">P5D<", ">${caseRoute.toString()}<"), "timer");
	}

	@Test
	void aSubProcessCallIsRefused() {
		assertRefusedFor(replaced("<bpmn:endEvent id=\"escalatedEnd\" name=\"Eskaliert\">",
				"<bpmn:callActivity id=\"other\" calledElement=\"another\" /><bpmn:endEvent id=\"escalatedEnd\" name=\"Eskaliert\">"),
				"elementNotAllowed");
	}

	@ParameterizedTest
	@ValueSource(strings = { "${amount > 1000}", "${result == 'APPROVED'}", "${pickup and result == 'APPROVED'}",
			"${not pickup}", "${(a == 1 || b != 'x') && c >= -2.5}", "${kind eq \"erweitert\"}", "${empty note}" })
	void plainComparisonsOfVariablesAreConditions(String condition) {
		assertThat(RouteValidator.isPlainCondition(condition)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "${amount.class}", "${x()}", "${caseRoute == null}", "${execution.id == 'a'}",
			"${a[0] == 1}", "${'a'.concat('b') == 'ab'}", "${a = 1}", "#{a == 1}", "${a == '${b}'}",
			"${a == 1} ${b == 2}", "amount > 1000", "${(a == 1}", "${a == 1; b}" })
	void everythingElseIsNoCondition(String condition) {
		assertThat(RouteValidator.isPlainCondition(condition)).isFalse();
	}

}
