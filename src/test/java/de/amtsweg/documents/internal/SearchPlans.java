package de.amtsweg.documents.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
		return explain(jdbc, sql, municipalityId, units, text, DocumentSearch.RANK_WINDOW);
	}

	/**
	 * The plan of session 4's statement (1,000 ranked) with session 4's text index over
	 * the whole table, built in a transaction that is rolled back.
	 */
	public static String explainBefore(JdbcClient jdbc, PlatformTransactionManager transactions, UUID municipalityId,
			Set<UUID> units, String text) {
		return new TransactionTemplate(transactions).execute((status) -> {
			status.setRollbackOnly();
			jdbc.sql("create index document_version_search_idx on document_version using gin (search)").update();
			jdbc.sql("drop index document_version_unit_search_idx").update();
			jdbc.sql("drop index document_version_unit_created_idx").update();
			return explain(jdbc, DocumentSearch.SQL_BEFORE, municipalityId, units, text, 1000);
		});
	}

	private static String explain(JdbcClient jdbc, String sql, UUID municipalityId, Set<UUID> units, String text,
			int window) {
		List<String> lines = jdbc.sql("explain (analyze, buffers) " + sql)
			.params(Map.of("text", text, "municipality", municipalityId, "units", units.toArray(UUID[]::new), "window",
					window, "scan", DocumentSearch.SCAN_WINDOW, "limit", DocumentSearch.PAGE_SIZE + 1, "offset", 0))
			.query(String.class)
			.list();
		return String.join("\n", lines) + "\n";
	}

}
