package de.amtsweg.catalog;

import java.util.Locale;

/**
 * A text in German (always there) and English (may be empty; then German is shown).
 *
 * @param de German
 * @param en English, or empty
 */
public record LocalizedText(String de, String en) {

	public static final LocalizedText EMPTY = new LocalizedText("", "");

	public LocalizedText {
		de = de.strip();
		en = en.strip();
	}

	public static LocalizedText of(String de) {
		return new LocalizedText(de, "");
	}

	/** The text in the language, falling back to German. */
	public String in(Locale locale) {
		return (Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) && !this.en.isEmpty()) ? this.en : this.de;
	}

	public boolean isEmpty() {
		return this.de.isEmpty() && this.en.isEmpty();
	}

}
