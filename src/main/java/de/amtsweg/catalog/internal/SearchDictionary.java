package de.amtsweg.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The synonym and compound dictionaries kept with the catalogue (tables
 * {@code catalog_synonym} and {@code catalog_compound_part}), read once and kept in
 * memory: they change only with a migration.
 */
@Component
public class SearchDictionary {

	private final JdbcClient jdbc;

	private final AtomicReference<Loaded> loaded = new AtomicReference<>();

	public SearchDictionary(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Splits compounds with the known parts. */
	public SearchText text() {
		return get().text();
	}

	/**
	 * What a folded term (one word or two separated by a space) stands for: each
	 * expansion a list of folded words that must all match. Empty if it is no synonym.
	 */
	public List<List<String>> expansions(String term) {
		return get().synonyms().getOrDefault(term, List.of());
	}

	/** Folded terms and expansion words, so the finder never "corrects" them. */
	public Set<String> synonymWords() {
		return get().synonymWords();
	}

	private Loaded get() {
		Loaded current = this.loaded.get();
		if (current == null) {
			current = load();
			this.loaded.set(current);
		}
		return current;
	}

	private Loaded load() {
		Map<String, List<List<String>>> synonyms = new HashMap<>();
		this.jdbc.sql("select term, expansion from catalog_synonym order by term, expansion")
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list()
			.forEach((pair) -> synonyms
				.computeIfAbsent(String.join(" ", SearchText.words(pair[0])), (key) -> new ArrayList<>())
				.add(SearchText.words(pair[1])));
		List<String> parts = this.jdbc.sql("select part from catalog_compound_part").query(String.class).list();
		Map<String, List<List<String>>> frozen = new HashMap<>();
		Set<String> words = new HashSet<>();
		synonyms.forEach((term, expansions) -> {
			frozen.put(term, List.copyOf(expansions));
			words.addAll(SearchText.words(term));
			expansions.forEach(words::addAll);
		});
		return new Loaded(new SearchText(parts), Map.copyOf(frozen), Set.copyOf(words));
	}

	private record Loaded(SearchText text, Map<String, List<List<String>>> synonyms, Set<String> synonymWords) {
	}

}
