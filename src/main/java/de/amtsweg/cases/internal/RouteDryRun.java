package de.amtsweg.cases.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import de.amtsweg.payments.Claims;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.EventDefinition;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.InclusiveGateway;
import org.flowable.bpmn.model.IntermediateCatchEvent;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.TerminateEventDefinition;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.api.variable.VariableContainer;
import org.flowable.common.engine.impl.el.ExpressionManager;
import org.flowable.common.engine.impl.variable.MapDelegateVariableContainer;
import org.jspecify.annotations.Nullable;

/**
 * "Ergebnis testen": walks a (validated) route on sample data without the engine, so
 * nothing real can happen — no case, no process instance, no mail, notice or payment.
 * Conditions are evaluated by the engine's own expression language on the sample
 * variables, so a gateway decides as it would in a real case; service tasks are only
 * recorded. Timers are listed with the date they would fire and the steps of their
 * branch. A model that fails at run time (a condition on a missing variable, a gateway
 * without a way out, an endless loop) yields the error instead of an exception.
 */
public final class RouteDryRun {

	static final int MAX_STEPS = 200;

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

	private static final Pattern WEEKS = Pattern.compile("(\\d+)W");

	private final Process process;

	private final Map<String, Object> variables;

	private final Map<String, Map<String, Object>> decisions;

	private final ExpressionManager expressions;

	private final ZonedDateTime now;

	private final Map<String, Integer> joinArrivals = new HashMap<>();

	private int steps;

	private boolean terminated;

	private final List<Timer> timers = new ArrayList<>();

	private final List<Step> serviceCalls = new ArrayList<>();

	private RouteDryRun(Process process, Map<String, Object> variables, Map<String, Map<String, Object>> decisions,
			ExpressionManager expressions, ZonedDateTime now) {
		this.process = process;
		this.variables = new LinkedHashMap<>(variables);
		this.decisions = decisions;
		this.expressions = expressions;
		this.now = now;
	}

	/**
	 * One step of a route.
	 *
	 * @param id the element's id in the model
	 * @param name its name, or the id when it has none
	 * @param kind userTask, serviceTask, gateway, timer, start or end
	 * @param detail what it does: candidate group, call, chosen way, timer value
	 */
	public record Step(String id, String name, String kind, String detail) {

		public String messageKey() {
			return "cases.route.kind." + this.kind;
		}

	}

	/**
	 * A timer the route reaches.
	 *
	 * @param id the timer event
	 * @param name its name
	 * @param attachedTo the task it watches, or null for a timer on the way
	 * @param definition its date, duration or cycle as modelled
	 * @param firesAt when it would fire, if that can be computed
	 * @param branch what would follow if it fires while the task is open
	 */
	public record Timer(String id, String name, @Nullable String attachedTo, String definition,
			@Nullable ZonedDateTime firesAt, List<Step> branch) {
	}

	/**
	 * The outcome of a dry run.
	 *
	 * @param path the steps taken, in order
	 * @param timers the timers reached
	 * @param serviceCalls the calls the route would make (none is made)
	 * @param error what went wrong at run time; null if the route ran to its end
	 * @param variables the variables at the end
	 */
	public record Result(List<Step> path, List<Timer> timers, List<Step> serviceCalls, @Nullable RouteProblem error,
			Map<String, Object> variables) {
	}

	static Result run(Process process, Map<String, Object> variables, Map<String, Map<String, Object>> decisions,
			ExpressionManager expressions, ZonedDateTime now) {
		return new RouteDryRun(process, variables, decisions, expressions, now).run();
	}

	private Result run() {
		List<Step> path = new ArrayList<>();
		RouteProblem error = null;
		try {
			List<StartEvent> starts = this.process.findFlowElementsOfType(StartEvent.class, false);
			if (starts.isEmpty()) {
				throw new DryRunFailure("noStart");
			}
			visit(starts.get(0), path, true);
		}
		catch (DryRunFailure ex) {
			error = ex.problem;
		}
		catch (RuntimeException ex) {
			// the engine's expression language reports e.g. unknown variables
			error = new RouteProblem("cases.route.dryRun.error.expression",
					List.of((ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName()));
		}
		return new Result(path, List.copyOf(this.timers), List.copyOf(this.serviceCalls), error,
				Map.copyOf(this.variables));
	}

	private void visit(FlowNode node, List<Step> out, boolean mainPath) {
		if (this.terminated) {
			return;
		}
		if (++this.steps > MAX_STEPS) {
			throw new DryRunFailure("loop", String.valueOf(MAX_STEPS));
		}
		if (node instanceof ParallelGateway && node.getIncomingFlows().size() > 1) {
			int arrived = this.joinArrivals.merge(node.getId(), 1, Integer::sum);
			if (arrived < node.getIncomingFlows().size()) {
				return;
			}
			this.joinArrivals.remove(node.getId());
		}
		if (node instanceof UserTask task) {
			out.add(step(task, "userTask", String.join(", ", task.getCandidateGroups())));
			for (BoundaryEvent boundary : boundaryEventsOf(task)) {
				timer(boundary, task.getId(), mainPath);
			}
			Map<String, Object> decision = this.decisions.getOrDefault(task.getId(), Map.of());
			this.variables.putAll(decision);
			follow(node, out, mainPath);
		}
		else if (node instanceof ServiceTask task) {
			Step step = RouteValidator.paymentCall(task.getImplementation())
				.map((payment) -> step(task, "payment", paymentDetail(task, payment)))
				.orElseGet(() -> step(task, "serviceTask", task.getImplementation()));
			out.add(step);
			if (mainPath) {
				this.serviceCalls.add(step);
			}
			follow(node, out, mainPath);
		}
		else if (node instanceof ExclusiveGateway gateway) {
			SequenceFlow chosen = null;
			for (SequenceFlow flow : gateway.getOutgoingFlows()) {
				if (!flow.getId().equals(gateway.getDefaultFlow()) && hasCondition(flow) && isTrue(flow)) {
					chosen = flow;
					break;
				}
			}
			if (chosen == null) {
				chosen = gateway.getOutgoingFlows()
					.stream()
					.filter((flow) -> flow.getId().equals(gateway.getDefaultFlow()) || !hasCondition(flow))
					.findFirst()
					.orElseThrow(() -> new DryRunFailure("noWay", name(gateway)));
			}
			out.add(step(gateway, "gateway", "→ " + flowLabel(chosen)));
			visit((FlowNode) chosen.getTargetFlowElement(), out, mainPath);
		}
		else if (node instanceof Gateway gateway) {
			// parallel: every way; inclusive: every way whose condition holds
			out.add(step(gateway, "gateway", "→ "
					+ String.join(", ", gateway.getOutgoingFlows().stream().map(RouteDryRun::flowLabel).toList())));
			List<SequenceFlow> taken = new ArrayList<>();
			for (SequenceFlow flow : gateway.getOutgoingFlows()) {
				if (gateway instanceof ParallelGateway || !hasCondition(flow) || isTrue(flow)) {
					taken.add(flow);
				}
			}
			if (taken.isEmpty()) {
				throw new DryRunFailure("noWay", name(gateway));
			}
			for (SequenceFlow flow : taken) {
				visit((FlowNode) flow.getTargetFlowElement(), out, mainPath);
			}
		}
		else if (node instanceof IntermediateCatchEvent event) {
			Timer timer = timer(event, null, mainPath);
			out.add(step(event, "timer", timer.definition()));
			follow(node, out, mainPath);
		}
		else if (node instanceof StartEvent) {
			out.add(step(node, "start", ""));
			follow(node, out, mainPath);
		}
		else if (node instanceof EndEvent end) {
			out.add(step(end, "end", ""));
			for (EventDefinition definition : end.getEventDefinitions()) {
				if (definition instanceof TerminateEventDefinition && mainPath) {
					this.terminated = true;
				}
			}
		}
		else {
			throw new DryRunFailure("unsupported", name(node));
		}
	}

	private void follow(FlowNode node, List<Step> out, boolean mainPath) {
		for (SequenceFlow flow : node.getOutgoingFlows()) {
			if (!hasCondition(flow) || isTrue(flow)) {
				visit((FlowNode) flow.getTargetFlowElement(), out, mainPath);
			}
		}
	}

	private Timer timer(FlowNode event, @Nullable String attachedTo, boolean mainPath) {
		List<EventDefinition> definitions = (event instanceof BoundaryEvent boundary) ? boundary.getEventDefinitions()
				: ((IntermediateCatchEvent) event).getEventDefinitions();
		TimerEventDefinition definition = (TimerEventDefinition) definitions.get(0);
		String value = RouteValidator.timerValue(definition);
		ZonedDateTime firesAt = firesAt(value);
		List<Step> branch = new ArrayList<>();
		if (attachedTo != null) {
			// a separate walk: its steps and timers are shown, its service calls are not
			// on the path
			RouteDryRun side = new RouteDryRun(this.process, this.variables, this.decisions, this.expressions,
					this.now);
			side.steps = this.steps;
			side.follow(event, branch, false);
		}
		Timer timer = new Timer(event.getId(), name(event), attachedTo, (value != null) ? value : "", firesAt,
				List.copyOf(branch));
		if (mainPath) {
			this.timers.add(timer);
		}
		return timer;
	}

	private @Nullable ZonedDateTime firesAt(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String text = value;
		Matcher variable = VARIABLE.matcher(value);
		if (variable.matches()) {
			Object resolved = this.variables.get(variable.group(1));
			if (resolved == null) {
				throw new DryRunFailure("timerVariable", variable.group(1));
			}
			text = resolved.toString();
		}
		try {
			if (text.startsWith("P") || text.startsWith("R")) {
				String duration = text.startsWith("R") ? text.substring(text.indexOf('/') + 1) : text;
				Matcher weeks = WEEKS.matcher(duration);
				if (weeks.find()) {
					duration = weeks.replaceFirst((Integer.parseInt(weeks.group(1)) * 7) + "D");
				}
				GregorianCalendar calendar = GregorianCalendar.from(this.now);
				DatatypeFactory.newInstance().newDuration(duration).addTo(calendar);
				return calendar.toZonedDateTime();
			}
			if (text.length() == 10) {
				return LocalDate.parse(text).atStartOfDay(this.now.getZone());
			}
			return OffsetDateTime.parse(text).atZoneSameInstant(this.now.getZone());
		}
		catch (DateTimeParseException | IllegalArgumentException | DatatypeConfigurationException ex) {
			throw new DryRunFailure("timerValue", value, text);
		}
	}

	private List<BoundaryEvent> boundaryEventsOf(FlowNode task) {
		List<BoundaryEvent> events = new ArrayList<>();
		for (FlowElement element : this.process.getFlowElements()) {
			if (element instanceof BoundaryEvent boundary && task.getId().equals(boundary.getAttachedToRefId())) {
				events.add(boundary);
			}
		}
		return events;
	}

	private static boolean hasCondition(SequenceFlow flow) {
		return flow.getConditionExpression() != null && !flow.getConditionExpression().isBlank();
	}

	private boolean isTrue(SequenceFlow flow) {
		VariableContainer container = new MapDelegateVariableContainer(this.variables, VariableContainer.empty());
		Object value = this.expressions.createExpression(flow.getConditionExpression().trim()).getValue(container);
		if (value instanceof Boolean result) {
			return result;
		}
		throw new DryRunFailure("notBoolean", flow.getConditionExpression().trim());
	}

	/** The amount the route would request, e.g. {@code 12,00 EUR}. */
	private String paymentDetail(ServiceTask task, RouteValidator.PaymentCall payment) {
		BigDecimal amount = payment.amountVariable().map((name) -> {
			Object value = this.variables.get(name);
			if (value == null) {
				throw new DryRunFailure("paymentAmount", name(task), name);
			}
			return Claims.amountOf(value.toString())
				.filter(Claims::isAmount)
				.orElseThrow(() -> new DryRunFailure("paymentAmountInvalid", name(task), name, value.toString()));
		}).orElseGet(() -> payment.fixedAmount().orElseThrow());
		NumberFormat format = NumberFormat.getNumberInstance(Locale.GERMANY);
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(2);
		return format.format(amount) + " EUR";
	}

	private static Step step(FlowNode node, String kind, @Nullable String detail) {
		return new Step(node.getId(), name(node), kind, (detail != null) ? detail : "");
	}

	private static String name(FlowElement element) {
		return (element.getName() != null && !element.getName().isBlank()) ? element.getName() : element.getId();
	}

	private static String flowLabel(SequenceFlow flow) {
		String target = name(flow.getTargetFlowElement());
		return (flow.getName() != null && !flow.getName().isBlank()) ? flow.getName() + " (" + target + ")" : target;
	}

	/**
	 * The steps of a route in the order they are reached from the start, each once, each
	 * task followed by its timers: the diagram as a list for readers without JavaScript.
	 */
	static List<Step> outline(Process process) {
		List<Step> steps = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		Deque<FlowNode> queue = new ArrayDeque<>(process.findFlowElementsOfType(StartEvent.class, false));
		List<BoundaryEvent> boundaries = process.findFlowElementsOfType(BoundaryEvent.class, false);
		while (!queue.isEmpty()) {
			FlowNode node = queue.poll();
			if (!seen.add(node.getId())) {
				continue;
			}
			steps.add(outlineStep(node));
			for (BoundaryEvent boundary : boundaries) {
				if (node.getId().equals(boundary.getAttachedToRefId()) && seen.add(boundary.getId())) {
					steps.add(outlineStep(boundary));
					boundary.getOutgoingFlows().forEach((flow) -> queue.add((FlowNode) flow.getTargetFlowElement()));
				}
			}
			for (SequenceFlow flow : node.getOutgoingFlows()) {
				if (flow.getTargetFlowElement() instanceof FlowNode target) {
					queue.add(target);
				}
			}
		}
		return steps;
	}

	private static Step outlineStep(FlowNode node) {
		if (node instanceof UserTask task) {
			return step(task, "userTask", String.join(", ", task.getCandidateGroups()));
		}
		if (node instanceof ServiceTask task) {
			return step(task, "serviceTask", task.getImplementation());
		}
		if (node instanceof Gateway gateway) {
			List<String> ways = new ArrayList<>();
			for (SequenceFlow flow : gateway.getOutgoingFlows()) {
				String condition = hasCondition(flow) ? flow.getConditionExpression().trim()
						: (flow.getId().equals(defaultFlow(gateway)) ? "sonst" : "");
				ways.add(flowLabel(flow) + (condition.isEmpty() ? "" : ": " + condition));
			}
			return step(gateway, "gateway", String.join("; ", ways));
		}
		if (node instanceof BoundaryEvent || node instanceof IntermediateCatchEvent) {
			List<EventDefinition> definitions = (node instanceof BoundaryEvent boundary)
					? boundary.getEventDefinitions() : ((IntermediateCatchEvent) node).getEventDefinitions();
			String value = (!definitions.isEmpty() && definitions.get(0) instanceof TimerEventDefinition timer)
					? RouteValidator.timerValue(timer) : null;
			return step(node, "timer", value);
		}
		if (node instanceof StartEvent) {
			return step(node, "start", "");
		}
		return step(node, (node instanceof EndEvent) ? "end" : "other", "");
	}

	private static @Nullable String defaultFlow(Gateway gateway) {
		if (gateway instanceof ExclusiveGateway exclusive) {
			return exclusive.getDefaultFlow();
		}
		if (gateway instanceof InclusiveGateway inclusive) {
			return inclusive.getDefaultFlow();
		}
		return null;
	}

	/** The route cannot go on; the message is for the admin. */
	static final class DryRunFailure extends RuntimeException {

		final RouteProblem problem;

		DryRunFailure(String kind, String... args) {
			super(kind);
			this.problem = new RouteProblem("cases.route.dryRun.error." + kind, List.of(args));
		}

	}

}
