package de.amtsweg.forms.internal.definition;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A text of a form definition in German and, where given, other languages. German is
 * always there and is the fallback.
 *
 * @param translations language code to text; contains {@code de}
 */
public record Text(Map<String, String> translations) {

	public Text {
		if (!translations.containsKey("de")) {
			throw new IllegalArgumentException("A text needs a German version");
		}
		translations = Map.copyOf(translations);
	}

	public static Text german(String text) {
		return new Text(Map.of("de", text));
	}

	public static Text of(String german, @Nullable String english) {
		Map<String, String> map = new LinkedHashMap<>();
		map.put("de", german);
		if (english != null) {
			map.put("en", english);
		}
		return new Text(map);
	}

	public String in(Locale locale) {
		String text = this.translations.get(locale.getLanguage());
		return (text != null) ? text : this.translations.get("de");
	}

	public String german() {
		return this.translations.get("de");
	}

}
