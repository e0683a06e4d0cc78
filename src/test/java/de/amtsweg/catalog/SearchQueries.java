package de.amtsweg.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Realistic citizen queries with the service each should find (shared by the hit-quality
 * test and the search benchmark under bench/catalog).
 *
 * @param query what a citizen types
 * @param expected slug of the service that must be among the first three hits in
 * Musterstadt
 */
public record SearchQueries(String query, String expected) {

	public static List<SearchQueries> all() {
		try (InputStream in = SearchQueries.class.getResourceAsStream("/catalog/search-queries.csv")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.skip(1)
				.filter((line) -> !line.isBlank())
				.map((line) -> line.split(";"))
				.map((fields) -> new SearchQueries(fields[0], fields[1]))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
