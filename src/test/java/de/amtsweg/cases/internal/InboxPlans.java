package de.amtsweg.cases.internal;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The query plans of the inbox's statements, for the benchmark: the statements the
 * repository runs, explained with {@code EXPLAIN (ANALYZE, BUFFERS)}.
 */
public final class InboxPlans {

	private InboxPlans() {
	}

	/** The plans of the capped count and of the page, one after the other. */
	public static String explain(JdbcClient jdbc, InboxQuery query) {
		CaseRepository.InboxSql sql = CaseRepository.inboxSql(query, 25);
		return "-- count\n" + plan(jdbc, sql.count(), sql.params()) + "-- page\n"
				+ plan(jdbc, sql.page(), sql.params());
	}

	/** The plans of the statements as they were before they were merged per unit. */
	public static String explainOverAllUnits(JdbcClient jdbc, InboxQuery query) {
		CaseRepository.InboxSql sql = CaseRepository.inboxSql(query, 25, false);
		return "-- count\n" + plan(jdbc, sql.count(), sql.params()) + "-- page\n"
				+ plan(jdbc, sql.page(), sql.params());
	}

	/** The plan of the form filter's list of forms. */
	public static String explainFormKeys(JdbcClient jdbc, java.util.Set<java.util.UUID> units) {
		return plan(jdbc, CaseRepository.FORM_KEYS, Map.of("units", units.toArray(new java.util.UUID[0])));
	}

	/** The plan of any statement with named parameters. */
	public static String plan(JdbcClient jdbc, String sql, Map<String, Object> params) {
		List<String> lines = jdbc.sql("explain (analyze, buffers) " + sql).params(params).query(String.class).list();
		return String.join("\n", lines) + "\n";
	}

}
