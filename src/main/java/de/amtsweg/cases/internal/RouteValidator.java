package de.amtsweg.cases.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import de.amtsweg.cases.CaseStatus;
import de.amtsweg.deadlines.DeadlinePeriod;
import de.amtsweg.payments.Claims;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.EventDefinition;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.InclusiveGateway;
import org.flowable.bpmn.model.IntermediateCatchEvent;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.ScriptTask;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.TerminateEventDefinition;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.bpmn.model.UserTask;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks an uploaded BPMN 2.0 model before it may run on the engine. A route is written
 * by a municipality's admin, not by a programmer, so it must not be able to run code:
 * only user tasks for org-unit groups, gateways, timers and service tasks calling the
 * known methods of {@code caseRoute} are allowed, conditions only compare process
 * variables with constants, and a last scan refuses every expression in the document that
 * was not checked on the way (the engine evaluates expressions in places such as task
 * names, too).
 */
public final class RouteValidator {

	static final int MAX_BYTES = 1_000_000;

	/** Names an expression must not touch: the engine's context objects and our bean. */
	static final Set<String> RESERVED = Set.of("execution", "task", "caseRoute", "authenticatedUserId",
			"variableContainer", "processEngine", "runtimeService", "taskService", "applicationContext", "System",
			"Runtime", "Class");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true",
			"false", "null", "empty");

	private static final Pattern STATUS_CALL = Pattern.compile("\\$\\{caseRoute\\.status\\(execution, ?'("
			+ Arrays.stream(CaseStatus.values()).map(Enum::name).collect(Collectors.joining("|")) + ")'\\)\\}");

	private static final Pattern PLAIN_CALL = Pattern
		.compile("\\$\\{caseRoute\\.(createNotice|notifyApplicant|deadlinePassed|escalate)\\(execution\\)\\}");

	private static final Pattern SEND_MESSAGE = Pattern
		.compile("\\$\\{caseRoute\\.sendMessage\\(execution, ?'([^'\"\\\\${}#]{1,500})'\\)\\}");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

	private static final String PAYMENT_CALL_START = "${caseRoute.requestPayment(";

	private static final Pattern REQUEST_PAYMENT = Pattern.compile(
			"\\$\\{caseRoute\\.requestPayment\\(execution, ?'([^'\"\\\\${}#]*)', ?'([^'\"\\\\${}#]*)', ?'([^'\"\\\\${}#]*)'\\)\\}");

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	/** The longest purpose of a claim a route may request (as on the clerk's form). */
	static final int PAYMENT_PURPOSE_MAX = 200;

	private static final Pattern DURATION = Pattern
		.compile("P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?");

	private static final Pattern DATE_TIME = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})?)?");

	private static final Pattern CYCLE = Pattern.compile("R\\d{1,3}/" + DURATION.pattern());

	private static final Pattern ORG_UNIT_GROUP = Pattern.compile("orgunit:([0-9a-f-]{36})");

	/**
	 * The candidate group of the case's responsible org unit, set when the case opens.
	 */
	static final String RESPONSIBLE_GROUP = "${" + CaseRoute.ORG_UNIT_GROUP + "}";

	private RouteValidator() {
	}

	/**
	 * The outcome of a check.
	 *
	 * @param model the parsed model, if it parses
	 * @param process its executable process, if there is exactly one
	 * @param problems what is wrong; empty when the route may run
	 */
	public record RouteCheck(@Nullable BpmnModel model, @Nullable Process process, List<RouteProblem> problems) {

		public boolean valid() {
			return this.problems.isEmpty() && this.process != null;
		}

	}

	/**
	 * Checks the model.
	 * @param xml the uploaded bytes
	 * @param orgUnits the org units of the municipality a fixed candidate group may name
	 */
	public static RouteCheck check(byte[] xml, Set<UUID> orgUnits) {
		List<RouteProblem> problems = new ArrayList<>();
		if (xml.length == 0) {
			return failed(RouteProblem.of("empty"));
		}
		if (xml.length > MAX_BYTES) {
			return failed(RouteProblem.of("tooLarge", String.valueOf(MAX_BYTES / 1000)));
		}
		String text = new String(xml, StandardCharsets.UTF_8);
		if (text.toUpperCase(Locale.ROOT).contains("<!DOCTYPE") || text.contains("<!ENTITY")) {
			return failed(RouteProblem.of("doctype"));
		}
		Document dom;
		try {
			dom = parse(xml);
		}
		catch (SAXParseException ex) {
			return failed(RouteProblem.of("malformed", String.valueOf(ex.getLineNumber()),
					String.valueOf(ex.getColumnNumber()), String.valueOf(ex.getMessage())));
		}
		catch (SAXException | IOException ex) {
			return failed(RouteProblem.of("malformed", "?", "?", String.valueOf(ex.getMessage())));
		}
		BpmnModel model;
		try {
			model = new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(xml), true, true, "UTF-8");
		}
		catch (RuntimeException ex) {
			return failed(RouteProblem.of("schema", rootMessage(ex)));
		}
		List<Process> executable = model.getProcesses().stream().filter(Process::isExecutable).toList();
		if (executable.size() != 1) {
			return new RouteCheck(model, null, List.of(RouteProblem.of("processCount",
					String.valueOf(executable.size()), String.valueOf(model.getProcesses().size()))));
		}
		Process process = executable.get(0);
		if (process.getId().startsWith("amtsweg-")) {
			problems.add(RouteProblem.of("processIdReserved", process.getId()));
		}
		ProcessValidator validator = new ProcessValidatorFactory().createDefaultProcessValidator();
		for (ValidationError error : validator.validate(model)) {
			if (!error.isWarning()) {
				problems.add(
						RouteProblem.of("engine",
								(error.getActivityId() != null) ? error.getActivityId()
										: String.valueOf(error.getProcessDefinitionId()),
								error.getDefaultDescription()));
			}
		}
		Set<String> accepted = new HashSet<>();
		if (!process.getExecutionListeners().isEmpty() || !process.getEventListeners().isEmpty()) {
			problems.add(RouteProblem.of("listener", process.getId()));
		}
		for (FlowElement element : process.getFlowElements()) {
			checkElement(element, orgUnits, accepted, problems);
		}
		scanForUncheckedExpressions(dom.getDocumentElement(), accepted, problems);
		return new RouteCheck(model, process, List.copyOf(problems));
	}

	private static RouteCheck failed(RouteProblem problem) {
		return new RouteCheck(null, null, List.of(problem));
	}

	private static void checkElement(FlowElement element, Set<UUID> orgUnits, Set<String> accepted,
			List<RouteProblem> problems) {
		String id = element.getId();
		if (!element.getExecutionListeners().isEmpty()) {
			problems.add(RouteProblem.of("listener", id));
		}
		if (element instanceof ScriptTask) {
			problems.add(RouteProblem.of("scriptTask", id));
		}
		else if (element instanceof ServiceTask task) {
			checkServiceTask(task, accepted, problems);
		}
		else if (element instanceof UserTask task) {
			checkUserTask(task, orgUnits, accepted, problems);
		}
		else if (element instanceof ExclusiveGateway || element instanceof ParallelGateway
				|| element instanceof InclusiveGateway) {
			// conditions live on the sequence flows
		}
		else if (element instanceof StartEvent start) {
			if (!start.getEventDefinitions().isEmpty()) {
				problems.add(RouteProblem.of("elementNotAllowed", id, "startEvent mit Ereignis"));
			}
		}
		else if (element instanceof EndEvent end) {
			for (EventDefinition definition : end.getEventDefinitions()) {
				if (!(definition instanceof TerminateEventDefinition)) {
					problems.add(RouteProblem.of("elementNotAllowed", id, "endEvent mit Ereignis"));
				}
			}
		}
		else if (element instanceof BoundaryEvent event) {
			checkTimer(id, event.getEventDefinitions(), accepted, problems);
		}
		else if (element instanceof IntermediateCatchEvent event) {
			checkTimer(id, event.getEventDefinitions(), accepted, problems);
		}
		else if (element instanceof SequenceFlow flow) {
			if (flow.getConditionExpression() != null && !flow.getConditionExpression().isBlank()) {
				String condition = flow.getConditionExpression().trim();
				if (isPlainCondition(condition)) {
					accepted.add(condition);
				}
				else {
					problems.add(RouteProblem.of("condition", id, condition));
				}
			}
			if (flow.getSkipExpression() != null && !flow.getSkipExpression().isBlank()) {
				problems.add(RouteProblem.of("expression", id, flow.getSkipExpression()));
			}
		}
		else {
			problems.add(RouteProblem.of("elementNotAllowed", id, element.getClass().getSimpleName()));
		}
	}

	private static void checkServiceTask(ServiceTask task, Set<String> accepted, List<RouteProblem> problems) {
		String id = task.getId();
		if (task.getClass() != ServiceTask.class || (task.getType() != null && !task.getType().isBlank())) {
			problems.add(RouteProblem.of("taskType", id, (task.getType() != null && !task.getType().isBlank())
					? task.getType() : task.getClass().getSimpleName()));
			return;
		}
		if (!task.getFieldExtensions().isEmpty()) {
			problems.add(RouteProblem.of("fieldInjection", id));
		}
		if (task.getSkipExpression() != null && !task.getSkipExpression().isBlank()) {
			problems.add(RouteProblem.of("expression", id, task.getSkipExpression()));
		}
		String type = task.getImplementationType();
		if (ImplementationType.IMPLEMENTATION_TYPE_CLASS.equals(type)) {
			problems.add(RouteProblem.of("javaClass", id, task.getImplementation()));
		}
		else if (ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION.equals(type)) {
			problems.add(RouteProblem.of("delegateExpression", id, task.getImplementation()));
		}
		else if (ImplementationType.IMPLEMENTATION_TYPE_EXPRESSION.equals(type)) {
			String expression = task.getImplementation().trim();
			if (expression.startsWith(PAYMENT_CALL_START)) {
				checkPaymentCall(id, expression, accepted, problems);
			}
			else if (isAllowedCall(expression)) {
				accepted.add(expression);
			}
			else {
				problems.add(RouteProblem.of("expression", id, expression));
			}
		}
		else {
			problems.add(RouteProblem.of("serviceTaskWithoutCall", id));
		}
	}

	private static void checkUserTask(UserTask task, Set<UUID> orgUnits, Set<String> accepted,
			List<RouteProblem> problems) {
		String id = task.getId();
		if (!task.getTaskListeners().isEmpty()) {
			problems.add(RouteProblem.of("listener", id));
		}
		if ((task.getAssignee() != null && !task.getAssignee().isBlank()) || !task.getCandidateUsers().isEmpty()
				|| (task.getOwner() != null && !task.getOwner().isBlank())) {
			problems.add(RouteProblem.of("assignee", id));
		}
		if (task.getCandidateGroups().isEmpty()) {
			problems.add(RouteProblem.of("candidateGroupMissing", id));
		}
		for (String group : task.getCandidateGroups()) {
			String trimmed = group.trim();
			if (RESPONSIBLE_GROUP.equals(trimmed)) {
				accepted.add(trimmed);
				continue;
			}
			var matcher = ORG_UNIT_GROUP.matcher(trimmed);
			if (!matcher.matches() || !orgUnits.contains(uuid(matcher.group(1)))) {
				problems.add(RouteProblem.of("candidateGroupUnknown", id, trimmed));
			}
		}
	}

	private static @Nullable UUID uuid(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static void checkTimer(String id, List<EventDefinition> definitions, Set<String> accepted,
			List<RouteProblem> problems) {
		if (definitions.size() != 1 || !(definitions.get(0) instanceof TimerEventDefinition timer)) {
			problems.add(RouteProblem.of("elementNotAllowed", id, "Ereignis ohne Zeitgeber"));
			return;
		}
		String value = timerValue(timer);
		if (value == null) {
			problems.add(RouteProblem.of("timer", id, ""));
			return;
		}
		var variable = VARIABLE.matcher(value);
		if (variable.matches() && !RESERVED.contains(variable.group(1))) {
			accepted.add(value);
		}
		else if ((timer.getTimeDuration() != null && DURATION.matcher(value).matches())
				|| (timer.getTimeDate() != null && DATE_TIME.matcher(value).matches())
				|| (timer.getTimeCycle() != null && CYCLE.matcher(value).matches())) {
			// a constant
		}
		else {
			problems.add(RouteProblem.of("timer", id, value));
		}
	}

	/** The timer's date, duration or cycle, trimmed; null if it has none. */
	static @Nullable String timerValue(TimerEventDefinition timer) {
		for (String value : new String[] { timer.getTimeDate(), timer.getTimeDuration(), timer.getTimeCycle() }) {
			if (value != null && !value.isBlank()) {
				return value.trim();
			}
		}
		return null;
	}

	/**
	 * The arguments of a route's payment request
	 * {@code ${caseRoute.requestPayment(execution, '12,00', 'Verwaltungsgebühr',
	 * 'P14D')}}.
	 *
	 * @param amount a fixed amount ({@code 12,00} or {@code 12.00}) or the name of a
	 * process variable that holds it, such as the form's computed {@code fee}
	 * @param purpose the purpose the citizen reads on the claim
	 * @param duePeriod how long the citizen has to pay, ISO 8601 ({@code P14D},
	 * {@code P2W}, {@code P1M})
	 */
	record PaymentCall(String amount, String purpose, String duePeriod) {

		/** The fixed amount; empty when the amount names a variable. */
		Optional<BigDecimal> fixedAmount() {
			return IDENTIFIER.matcher(this.amount).matches() ? Optional.empty() : Claims.amountOf(this.amount);
		}

		/** The variable that holds the amount, if the amount names one. */
		Optional<String> amountVariable() {
			return IDENTIFIER.matcher(this.amount).matches() ? Optional.of(this.amount) : Optional.empty();
		}

	}

	/** The payment request's arguments, if the expression is one in the allowed form. */
	static Optional<PaymentCall> paymentCall(@Nullable String expression) {
		if (expression == null) {
			return Optional.empty();
		}
		var matcher = REQUEST_PAYMENT.matcher(expression.trim());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new PaymentCall(matcher.group(1).trim(), matcher.group(2).trim(), matcher.group(3).trim()));
	}

	private static void checkPaymentCall(String id, String expression, Set<String> accepted,
			List<RouteProblem> problems) {
		Optional<PaymentCall> call = paymentCall(expression);
		if (call.isEmpty()) {
			problems.add(RouteProblem.of("requestPayment", id, expression));
			return;
		}
		// its shape is safe: report wrong arguments once, not also as an unchecked
		// expression
		accepted.add(expression);
		PaymentCall payment = call.get();
		if (payment.amountVariable().isPresent()) {
			if (RESERVED.contains(payment.amount())) {
				problems.add(RouteProblem.of("requestPaymentAmount", id, payment.amount()));
			}
		}
		else if (payment.fixedAmount().filter(Claims::isAmount).isEmpty()) {
			problems.add(RouteProblem.of("requestPaymentAmount", id, payment.amount()));
		}
		if (payment.purpose().isBlank() || payment.purpose().length() > PAYMENT_PURPOSE_MAX) {
			problems.add(RouteProblem.of("requestPaymentPurpose", id, String.valueOf(PAYMENT_PURPOSE_MAX)));
		}
		if (DeadlinePeriod.parse(payment.duePeriod()).isEmpty()) {
			problems.add(RouteProblem.of("requestPaymentPeriod", id, payment.duePeriod()));
		}
	}

	/** Whether the expression calls one of the methods a route may call. */
	static boolean isAllowedCall(String expression) {
		return STATUS_CALL.matcher(expression).matches() || PLAIN_CALL.matcher(expression).matches()
				|| SEND_MESSAGE.matcher(expression).matches();
	}

	/**
	 * Whether a condition only compares process variables with constants: identifiers,
	 * string, number and boolean literals, comparison and logical operators and
	 * parentheses for grouping. No property access, no calls, no nested expressions.
	 */
	static boolean isPlainCondition(String condition) {
		if (!condition.startsWith("${") || !condition.endsWith("}")) {
			return false;
		}
		String body = condition.substring(2, condition.length() - 1);
		int depth = 0;
		boolean operandBefore = false;
		int tokens = 0;
		int i = 0;
		while (i < body.length()) {
			char c = body.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			tokens++;
			if (Character.isLetter(c) || c == '_') {
				int start = i;
				while (i < body.length() && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '_')) {
					i++;
				}
				String word = body.substring(start, i);
				if (RESERVED.contains(word)) {
					return false;
				}
				operandBefore = !KEYWORDS.contains(word) || Set.of("true", "false", "null").contains(word);
			}
			else if (Character.isDigit(c)) {
				while (i < body.length() && (Character.isDigit(body.charAt(i)) || body.charAt(i) == '.')) {
					i++;
				}
				operandBefore = true;
			}
			else if (c == '\'' || c == '"') {
				int end = body.indexOf(c, i + 1);
				if (end < 0) {
					return false;
				}
				String literal = body.substring(i + 1, end);
				if (literal.contains("\\") || literal.contains("${") || literal.contains("#{")) {
					return false;
				}
				i = end + 1;
				operandBefore = true;
			}
			else if (c == '(') {
				if (operandBefore) {
					// a call such as x(…) or 'a'(…)
					return false;
				}
				depth++;
				i++;
			}
			else if (c == ')') {
				if (--depth < 0) {
					return false;
				}
				i++;
				operandBefore = true;
			}
			else if (body.startsWith("==", i) || body.startsWith("!=", i) || body.startsWith("<=", i)
					|| body.startsWith(">=", i) || body.startsWith("&&", i) || body.startsWith("||", i)) {
				i += 2;
				operandBefore = false;
			}
			else if (c == '<' || c == '>' || c == '!' || c == '-') {
				i++;
				operandBefore = false;
			}
			else {
				return false;
			}
		}
		return depth == 0 && tokens > 0;
	}

	/** Refuses every expression anywhere in the document that was not checked above. */
	private static void scanForUncheckedExpressions(Element element, Set<String> accepted,
			List<RouteProblem> problems) {
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			checkText(element, attributes.item(i).getNodeValue(), accepted, problems);
		}
		boolean hasElementChildren = false;
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element childElement) {
				hasElementChildren = true;
				scanForUncheckedExpressions(childElement, accepted, problems);
			}
		}
		if (!hasElementChildren) {
			checkText(element, element.getTextContent(), accepted, problems);
		}
		else {
			for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
					checkText(element, child.getNodeValue(), accepted, problems);
				}
			}
		}
	}

	private static void checkText(Element element, @Nullable String value, Set<String> accepted,
			List<RouteProblem> problems) {
		if (value == null || (!value.contains("${") && !value.contains("#{"))) {
			return;
		}
		String trimmed = value.trim();
		if (!accepted.contains(trimmed)) {
			String id = element.getAttribute("id");
			Element owner = element;
			while (id.isEmpty() && owner.getParentNode() instanceof Element parent) {
				owner = parent;
				id = owner.getAttribute("id");
			}
			RouteProblem problem = RouteProblem.of("expressionNotAllowed", id.isEmpty() ? element.getLocalName() : id,
					(trimmed.length() > 120) ? trimmed.substring(0, 120) + "…" : trimmed);
			if (!problems.contains(problem)) {
				problems.add(problem);
			}
		}
	}

	private static Document parse(byte[] xml) throws SAXException, IOException {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		try {
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(new ErrorHandler() {

				@Override
				public void warning(SAXParseException exception) {
				}

				@Override
				public void error(SAXParseException exception) throws SAXException {
					throw exception;
				}

				@Override
				public void fatalError(SAXParseException exception) throws SAXException {
					throw exception;
				}

			});
			return builder.parse(new ByteArrayInputStream(xml));
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : ex.getMessage();
		return (message != null) ? message : ex.getClass().getSimpleName();
	}

}
