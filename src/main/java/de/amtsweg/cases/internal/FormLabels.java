package de.amtsweg.cases.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * The answers of a case as people read them, with the labels of the form definition
 * version the applicant filled in: one section per page, a row per answered question,
 * choices by their labels, dates as 27.03.2007.
 */
public final class FormLabels {

	private FormLabels() {
	}

	static Map<String, Object> parse(String definitionJson) {
		return CaseIntake.JSON.readValue(definitionJson, new TypeReference<Map<String, Object>>() {
		});
	}

	/** A localized text of the definition ({"de": ..., "en": ...}). */
	static String text(@Nullable Object localized, String language, String fallback) {
		if (localized instanceof Map<?, ?> map) {
			Object value = map.get(language);
			if (value == null) {
				value = map.get("de");
			}
			return (value != null) ? value.toString() : fallback;
		}
		return (localized != null) ? localized.toString() : fallback;
	}

	static String plain(@Nullable Object answer) {
		return (answer instanceof String text) ? text : "";
	}

	/** The answer to the form's first e-mail field, for guests. */
	static @Nullable String emailAnswer(Map<String, Object> definition, Map<String, Object> answers) {
		for (Map<String, Object> field : fields(definition)) {
			if ("email".equals(field.get("type"))) {
				String value = plain(answers.get(String.valueOf(field.get("id")))).trim();
				if (value.contains("@")) {
					return value;
				}
			}
		}
		return null;
	}

	/**
	 * The answers in the order of the definition; answers the definition no longer knows
	 * come last under their ids.
	 */
	public static List<Section> sections(String definitionJson, Map<String, Object> answers, Locale locale,
			Map<String, String> fileNames) {
		Map<String, Object> definition = parse(definitionJson);
		String language = locale.getLanguage();
		Map<String, Object> codeLists = map(definition.get("codeLists"));
		List<Section> sections = new ArrayList<>();
		java.util.Set<String> shown = new java.util.HashSet<>();
		for (Object pageObject : list(definition.get("pages"))) {
			Map<String, Object> page = map(pageObject);
			List<Row> rows = new ArrayList<>();
			for (Object fieldObject : list(page.get("fields"))) {
				Map<String, Object> field = map(fieldObject);
				String id = String.valueOf(field.get("id"));
				shown.add(id);
				Object answer = answers.get(id);
				if (answer == null) {
					continue;
				}
				String label = text(field.get("label"), language, id);
				if ("group".equals(field.get("type"))) {
					int index = 1;
					for (Object item : list(answer)) {
						List<String> lines = new ArrayList<>();
						Map<String, Object> entry = map(item);
						for (Object subObject : list(field.get("fields"))) {
							Map<String, Object> sub = map(subObject);
							String value = value(sub, entry.get(String.valueOf(sub.get("id"))), codeLists, language,
									fileNames);
							if (!value.isEmpty()) {
								lines.add(text(sub.get("label"), language, "") + ": " + value);
							}
						}
						rows.add(new Row(label + " " + index++, lines));
					}
				}
				else {
					String value = value(field, answer, codeLists, language, fileNames);
					if (!value.isEmpty()) {
						rows.add(new Row(label, List.of(value)));
					}
				}
			}
			if (!rows.isEmpty()) {
				sections.add(new Section(text(page.get("title"), language, ""), rows));
			}
		}
		List<Row> rest = new ArrayList<>();
		answers.forEach((id, answer) -> {
			if (!shown.contains(id)) {
				rest.add(new Row(id, List.of(String.valueOf(answer))));
			}
		});
		if (!rest.isEmpty()) {
			sections.add(new Section("", rest));
		}
		return sections;
	}

	private static String value(Map<String, Object> field, @Nullable Object answer, Map<String, Object> codeLists,
			String language, Map<String, String> fileNames) {
		if (answer == null) {
			return "";
		}
		String type = String.valueOf(field.get("type"));
		Map<String, String> labels = new LinkedHashMap<>();
		Object codeList = field.get("codeList");
		if (codeList != null) {
			for (Object option : list(codeLists.get(codeList.toString()))) {
				Map<String, Object> entry = map(option);
				labels.put(String.valueOf(entry.get("code")), text(entry.get("label"), language, ""));
			}
		}
		return switch (type) {
			case "date" -> {
				Map<String, Object> parts = map(answer);
				yield parts.isEmpty() ? plain(answer) : "%02d.%02d.%s".formatted(number(parts.get("day")),
						number(parts.get("month")), plain(parts.get("year")));
			}
			case "address" -> {
				Map<String, Object> parts = map(answer);
				String street = (plain(parts.get("street")) + " " + plain(parts.get("houseNumber"))).trim();
				String city = (plain(parts.get("postcode")) + " " + plain(parts.get("city"))).trim();
				yield (street.isEmpty() && city.isEmpty()) ? "" : street + ", " + city;
			}
			case "yesNo" -> switch (plain(answer)) {
				case "yes" -> "en".equals(language) ? "Yes" : "Ja";
				case "no" -> "en".equals(language) ? "No" : "Nein";
				default -> "";
			};
			case "declaration" ->
				"true".equals(plain(answer)) ? ("en".equals(language) ? "Confirmed" : "Bestätigt") : "";
			case "choice" -> labels.getOrDefault(plain(answer), plain(answer));
			case "multiChoice" -> String.join(", ",
					list(answer).stream()
						.map((code) -> labels.getOrDefault(code.toString(), code.toString()))
						.toList());
			case "file" -> String.join(", ",
					list(answer).stream().map((id) -> fileNames.getOrDefault(id.toString(), id.toString())).toList());
			default -> (answer instanceof String text) ? text.trim() : String.valueOf(answer);
		};
	}

	private static int number(@Nullable Object value) {
		try {
			return Integer.parseInt(plain(value).trim());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static List<Map<String, Object>> fields(Map<String, Object> definition) {
		List<Map<String, Object>> fields = new ArrayList<>();
		for (Object page : list(definition.get("pages"))) {
			for (Object field : list(map(page).get("fields"))) {
				fields.add(map(field));
			}
		}
		return fields;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(@Nullable Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	private static List<Object> list(@Nullable Object value) {
		return (value instanceof Collection<?> collection) ? new ArrayList<>(collection) : List.of();
	}

	/**
	 * @param title the page's title
	 * @param rows its answers
	 */
	public record Section(String title, List<Row> rows) {
	}

	/**
	 * @param label the question
	 * @param lines the answer (several for a group entry)
	 */
	public record Row(String label, List<String> lines) {
	}

}
