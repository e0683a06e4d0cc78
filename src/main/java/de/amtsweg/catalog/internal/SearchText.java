package de.amtsweg.catalog.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words as the finder sees them: lower case and accent-folded like PostgreSQL's
 * {@code unaccent} ("Bürgerbüro" becomes "burgerburo", "ß" becomes "ss"), and German
 * compounds split at known last parts ("hundesteuer" also yields "hunde" and "steuer").
 */
public final class SearchText {

	private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	/** The shortest first part a compound may be split into. */
	private static final int MIN_HEAD = 3;

	private final List<String> parts;

	/**
	 * @param parts known last parts of compounds, e.g. "steuer", "urkunde"
	 */
	public SearchText(Collection<String> parts) {
		this.parts = parts.stream()
			.map(SearchText::fold)
			.distinct()
			.sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
			.toList();
	}

	/** Lower case without accents, as PostgreSQL's unaccent folds German text. */
	public static String fold(String text) {
		String lower = text.toLowerCase(Locale.GERMAN).replace("ß", "ss");
		return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
	}

	/** The folded words of a text. */
	public static List<String> words(String text) {
		return Arrays.stream(NON_WORD.split(fold(text))).filter((word) -> !word.isEmpty()).toList();
	}

	/**
	 * The parts of a folded word that is a compound, longest last part first, without the
	 * word itself; empty if it is none. A linking "s" of the first part is dropped
	 * ("geburtsurkunde" gives "urkunde" and "geburt").
	 */
	public List<String> parts(String word) {
		List<String> found = new ArrayList<>();
		split(word, found, 0);
		return found;
	}

	/** The words of the texts and the parts of their compounds, each once. */
	public Set<String> wordsAndParts(Collection<String> texts) {
		Set<String> result = new LinkedHashSet<>();
		for (String text : texts) {
			for (String word : words(text)) {
				result.add(word);
				result.addAll(parts(word));
			}
		}
		return result;
	}

	private void split(String word, List<String> found, int depth) {
		if (depth > 3) {
			return;
		}
		for (String part : this.parts) {
			if (word.length() >= part.length() + MIN_HEAD && word.endsWith(part)) {
				String head = word.substring(0, word.length() - part.length());
				if (head.endsWith("s") && head.length() > MIN_HEAD + 1) {
					head = head.substring(0, head.length() - 1);
				}
				found.add(part);
				found.add(head);
				split(head, found, depth + 1);
				return;
			}
		}
	}

}
