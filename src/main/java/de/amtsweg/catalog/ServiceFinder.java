package de.amtsweg.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import de.amtsweg.catalog.internal.FinderCache;
import de.amtsweg.catalog.internal.FinderRepository;
import de.amtsweg.catalog.internal.FinderRepository.WordCheck;
import de.amtsweg.catalog.internal.SearchDictionary;
import de.amtsweg.catalog.internal.SearchText;
import de.amtsweg.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The responsibility finder: German full-text search over the services a municipality
 * offers.
 * <p>
 * A query is folded (lower case, no accents), misspelt words are replaced by the nearest
 * word of the catalogue ("geburtsurkunfe" becomes "geburtsurkunde"), synonyms add what
 * the catalogue calls the thing ("perso" also searches "personalausweis"), and every word
 * matches as the start of a stemmed word ("hunde" finds "Hundesteuer"), while compounds
 * were split when the service was indexed ("steuer" finds "Hundesteuer" too). All words
 * must match; if no service has them all, any word may. Hits are ranked by where the
 * words occur (name, keywords, summary, description), names equal to or starting with the
 * query first. Why this way: {@code bench/catalog/README.md}.
 */
@Service
@Transactional(readOnly = true)
public class ServiceFinder {

	/** Longest query accepted, in characters. */
	public static final int MAX_QUERY_LENGTH = 100;

	/** Most words of a query that are searched. */
	static final int MAX_WORDS = 8;

	/** How similar a catalogue word must be to replace a misspelt one (trigrams, 0–1). */
	static final double CORRECTION_SIMILARITY = 0.4;

	/**
	 * Folded German stop words that PostgreSQL's list misses because it holds them with
	 * umlauts.
	 */
	private static final Set<String> FOLDED_STOP_WORDS = Set.of("fur", "uber", "mochte", "mochten", "konnen", "kann",
			"muss", "mussen", "wurde", "ware", "hatte", "gegenuber", "dafur", "wo", "wie", "was", "bitte", "brauche",
			"benotige");

	private final FinderRepository repository;

	private final SearchDictionary dictionary;

	private final FinderCache cache;

	public ServiceFinder(FinderRepository repository, SearchDictionary dictionary, FinderCache cache) {
		this.repository = repository;
		this.dictionary = dictionary;
		this.cache = cache;
	}

	/**
	 * Searches the services the municipality offers.
	 * @param municipalityId the municipality
	 * @param query what the citizen typed, at most {@link #MAX_QUERY_LENGTH} characters
	 * @param lifeSituation only services of this life situation (slug), if given
	 * @param onlineOnly only services that can be done online
	 * @param limit how many hits at most
	 * @throws InvalidInputException (field {@code q}) if the query is empty or too long
	 */
	public SearchResult search(UUID municipalityId, String query, @Nullable String lifeSituation, boolean onlineOnly,
			int limit) {
		if (query.isBlank()) {
			throw InvalidInputException.of("q", "catalog.search.empty");
		}
		if (query.length() > MAX_QUERY_LENGTH) {
			throw InvalidInputException.of("q", "catalog.search.tooLong", MAX_QUERY_LENGTH);
		}
		return this.cache.get(municipalityId, query, lifeSituation, onlineOnly, limit,
				() -> searchNow(municipalityId, query, lifeSituation, onlineOnly, limit));
	}

	private SearchResult searchNow(UUID municipalityId, String query, @Nullable String lifeSituation,
			boolean onlineOnly, int limit) {
		Plan plan = plan(query);
		if (plan.groups().isEmpty()) {
			return new SearchResult(List.of(), 0, plan.understoodAs(), plan.corrected());
		}
		String phrase = plan.understoodAs();
		FinderRepository.Hits hits = this.repository.search(municipalityId, plan.tsQuery(" & "), phrase, lifeSituation,
				onlineOnly, limit);
		if (hits.total() == 0 && plan.groups().size() > 1) {
			hits = this.repository.search(municipalityId, plan.tsQuery(" | "), phrase, lifeSituation, onlineOnly,
					limit);
		}
		return new SearchResult(hits.hits(), hits.total(), plan.understoodAs(), plan.corrected());
	}

	/** How a query is searched: its words after correction, with their synonyms. */
	Plan plan(String query) {
		List<String> words = SearchText.words(query)
			.stream()
			.filter((word) -> !FOLDED_STOP_WORDS.contains(word))
			.limit(MAX_WORDS)
			.toList();
		Map<String, WordCheck> checks = this.repository.check(words.stream().distinct().toList());
		List<String> understood = new ArrayList<>();
		boolean corrected = false;
		for (String word : words) {
			WordCheck check = checks.get(word);
			if (check != null && check.stop()) {
				continue;
			}
			String searched = word;
			if (check != null && !check.known() && word.length() >= 4 && !isSynonym(word)) {
				Optional<String> nearest = this.repository.nearestWord(word, CORRECTION_SIMILARITY);
				if (nearest.isPresent() && !nearest.get().equals(word)) {
					searched = nearest.get();
					corrected = true;
				}
			}
			understood.add(searched);
		}
		List<List<List<String>>> groups = new ArrayList<>();
		for (int i = 0; i < understood.size(); i++) {
			List<List<String>> alternatives = new ArrayList<>();
			List<List<String>> pairExpansions = (i + 1 < understood.size())
					? this.dictionary.expansions(understood.get(i) + " " + understood.get(i + 1)) : List.of();
			if (!pairExpansions.isEmpty()) {
				alternatives.add(List.of(understood.get(i), understood.get(i + 1)));
				alternatives.addAll(pairExpansions);
				i++;
			}
			else {
				alternatives.add(List.of(understood.get(i)));
				alternatives.addAll(this.dictionary.expansions(understood.get(i)));
			}
			groups.add(alternatives);
		}
		return new Plan(groups, String.join(" ", understood), corrected);
	}

	private boolean isSynonym(String word) {
		return !this.dictionary.expansions(word).isEmpty() || this.dictionary.synonymWords().contains(word);
	}

	/**
	 * A planned search.
	 *
	 * @param groups one group per query word (or pair of words): alternatives, each a
	 * list of words that must all match
	 * @param understoodAs the corrected words
	 * @param corrected whether a word was corrected
	 */
	record Plan(List<List<List<String>>> groups, String understoodAs, boolean corrected) {

		/** The query in {@code to_tsquery} syntax, groups joined by the operator. */
		String tsQuery(String operator) {
			return this.groups.stream()
				.map((alternatives) -> alternatives.stream()
					.map((words) -> words.stream().map(Plan::term).collect(Collectors.joining(" & ", "(", ")")))
					.collect(Collectors.joining(" | ", "(", ")")))
				.collect(Collectors.joining(operator));
		}

		/** Words of three letters or more match as the start of a word. */
		private static String term(String word) {
			return (word.length() >= 3) ? word + ":*" : word;
		}

	}

}
