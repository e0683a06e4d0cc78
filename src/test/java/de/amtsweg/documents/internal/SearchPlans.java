package de.amtsweg.documents.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The query plan of the e-file search, for the benchmark: the statement the search runs
 * (or an earlier shape of it), explained with {@code EXPLAIN (ANALYZE, BUFFERS)}.
 */
public final class SearchPlans {

	private SearchPlans() {
	}

	/** The plan of the search's statement for page 1. */
	public static String explain(JdbcClient jdbc, UUID municipalityId, Set<UUID> units, String text) {
		return explain(jdbc, DocumentSearch.SQL, municipalityId, units, text);
	}

	/** The plan of a statement with the search's parameters. */
	public static String explain(JdbcClient jdbc, String sql, UUID municipalityId, Set<UUID> units, String text) {
		List<String> lines = jdbc.sql("explain (analyze, buffers) " + sql)
			.params(Map.of("text", text, "municipality", municipalityId, "units", units.toArray(UUID[]::new), "window",
					DocumentSearch.RANK_WINDOW, "limit", DocumentSearch.PAGE_SIZE + 1, "offset", 0))
			.query(String.class)
			.list();
		return String.join("\n", lines) + "\n";
	}

}
