package de.amtsweg.catalog.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.amtsweg.catalog.Activity;
import de.amtsweg.catalog.CatalogService;
import de.amtsweg.catalog.LifeSituation;
import de.amtsweg.catalog.LocalizedText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps what the finder searches up to date: each service's weighted search vector (names
 * A; keywords, compound parts, activities and life situations B; summary C; description,
 * documents and legal basis D) and the catalogue's vocabulary for correcting misspelt
 * words. Called in the transaction of every change of a service.
 */
@Component
public class SearchIndex {

	private static final int MIN_WORD = 3;

	private final ServiceRepository services;

	private final SearchDictionary dictionary;

	private final JdbcClient jdbc;

	public SearchIndex(ServiceRepository services, SearchDictionary dictionary, JdbcClient jdbc) {
		this.services = services;
		this.dictionary = dictionary;
		this.jdbc = jdbc;
	}

	public void reindex(Collection<java.util.UUID> serviceIds) {
		if (serviceIds.isEmpty()) {
			return;
		}
		Map<String, LifeSituation> lifeSituations = this.services.lifeSituations()
			.stream()
			.collect(Collectors.toMap(LifeSituation::slug, Function.identity()));
		SearchText text = this.dictionary.text();
		List<String> vocabulary = new ArrayList<>();
		for (CatalogService service : this.services.load(serviceIds)) {
			List<String> nameTexts = List.of(service.name().de(), service.name().en());
			List<String> termTexts = new ArrayList<>(service.keywords());
			for (Activity activity : service.activities()) {
				termTexts.add(activity.name().de());
				termTexts.add(activity.name().en());
			}
			for (String slug : service.lifeSituations()) {
				LifeSituation situation = lifeSituations.get(slug);
				if (situation != null) {
					termTexts.add(situation.name().de());
					termTexts.add(situation.name().en());
				}
			}
			List<String> terms = new ArrayList<>(termTexts);
			List<String> words = new ArrayList<>();
			for (String source : concat(nameTexts, termTexts)) {
				for (String word : SearchText.words(source)) {
					words.add(word);
					// the parts of compounds, so that "Steuer" finds "Hundesteuer"
					List<String> parts = text.parts(word);
					terms.addAll(parts);
					words.addAll(parts);
				}
			}
			List<String> texts = new ArrayList<>();
			texts.add(service.description().de());
			texts.add(service.description().en());
			texts.add(service.legalBasis());
			service.documents().forEach((document) -> texts.add(document.de() + " " + document.en()));
			this.services.updateSearch(service.id(), String.join(" ", SearchText.words(service.name().de())),
					String.join(" ", nameTexts), String.join(" ", terms), join(service.summary()),
					String.join(" ", texts));
			words.stream().filter((word) -> word.length() >= MIN_WORD).forEach(vocabulary::add);
		}
		addWords(vocabulary);
	}

	/** Adds words to the vocabulary the finder corrects against. */
	public void addWords(Collection<String> words) {
		List<String> fresh = words.stream().filter((word) -> word.length() >= MIN_WORD).distinct().toList();
		if (!fresh.isEmpty()) {
			this.jdbc.sql("""
					insert into catalog_search_word (word) select unnest(cast(:words as text[]))
					on conflict do nothing""").param("words", fresh.toArray(String[]::new)).update();
		}
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private static String join(LocalizedText text) {
		return text.de() + " " + text.en();
	}

}
