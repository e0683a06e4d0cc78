package de.amtsweg.cases.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The case data a route's gateways decide on: the form's plain answers (text, numbers,
 * yes/no) and computed values such as the fee, as process variables under their field
 * ids. Nested answers (groups, files) and names the route itself uses are left out.
 */
final class RouteVariables {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	private static final Set<String> OWN = Set.of(CaseRoute.CASE_ID, CaseRoute.ORG_UNIT_GROUP, CaseRoute.PICKUP,
			CaseRoute.DEADLINE, CaseRoute.RESULT, CaseRoute.NOTICE_TEXT);

	private RouteVariables() {
	}

	static Map<String, Object> of(Map<String, Object> answers, Map<String, BigDecimal> computed) {
		Map<String, Object> variables = new LinkedHashMap<>();
		answers.forEach((name, value) -> {
			if (allowed(name) && (value instanceof String || value instanceof Number || value instanceof Boolean)) {
				variables.put(name,
						(value instanceof String text && text.length() > 4000) ? text.substring(0, 4000) : value);
			}
		});
		computed.forEach((name, value) -> {
			if (allowed(name) && value != null) {
				variables.put(name, value);
			}
		});
		return variables;
	}

	static boolean allowed(String name) {
		return NAME.matcher(name).matches() && !OWN.contains(name) && !RouteValidator.RESERVED.contains(name);
	}

}
