package de.amtsweg.cases.internal;

import java.util.List;

/**
 * One reason why an uploaded route is refused, as a message key of the cases bundle with
 * its arguments (usually the element id first).
 *
 * @param key message key, e.g. {@code cases.route.problem.scriptTask}
 * @param args message arguments
 */
public record RouteProblem(String key, List<String> args) {

	static RouteProblem of(String kind, String... args) {
		return new RouteProblem("cases.route.problem." + kind, List.of(args));
	}

	/** The kind of problem, the last part of the key. */
	public String kind() {
		return this.key.substring(this.key.lastIndexOf('.') + 1);
	}

	public Object[] arguments() {
		return this.args.toArray();
	}

}
