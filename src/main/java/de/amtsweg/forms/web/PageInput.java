package de.amtsweg.forms.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.amtsweg.forms.internal.Answers;
import de.amtsweg.forms.internal.definition.FormDefinition.Field;
import de.amtsweg.forms.internal.definition.FormDefinition.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;

/**
 * Reads a posted page into the answers. Names follow the paths of {@link FieldView}:
 * {@code name}, {@code born.day}, {@code dogs.0.name}; a group posts its number of
 * entries as {@code dogs.count}. Files are not posted here: they are kept as uploaded.
 */
final class PageInput {

	static final int MAX_TEXT = 10_000;

	private PageInput() {
	}

	static void read(Page page, MultiValueMap<String, String> posted, Answers answers) {
		for (Field field : page.fields()) {
			if (field.isGroup()) {
				if (!posted.containsKey(field.id() + ".count")) {
					continue;
				}
				int count = count(posted.getFirst(field.id() + ".count"), field);
				List<Map<String, Object>> existing = answers.items(field.id());
				List<Map<String, Object>> items = new ArrayList<>();
				for (int i = 0; i < count; i++) {
					Map<String, Object> item = (i < existing.size()) ? existing.get(i) : new LinkedHashMap<>();
					for (Field sub : field.fields()) {
						Object value = value(sub, field.id() + "." + i + "." + sub.id(), posted, item.get(sub.id()));
						if (value != null) {
							item.put(sub.id(), value);
						}
						else {
							item.remove(sub.id());
						}
					}
					items.add(item);
				}
				answers.put(field.id(), items);
			}
			else {
				Object value = value(field, field.id(), posted, answers.get(field.id()));
				answers.put(field.id(), value);
			}
		}
	}

	private static int count(@Nullable String posted, Field group) {
		int max = (group.maxItems() != null) ? group.maxItems() : 50;
		try {
			return Math.max(0, Math.min(max, Integer.parseInt((posted != null) ? posted.trim() : "0")));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static @Nullable Object value(Field field, String name, MultiValueMap<String, String> posted,
			@Nullable Object previous) {
		switch (field.type()) {
			case DATE:
				return parts(name, posted, "day", "month", "year");
			case ADDRESS:
				return parts(name, posted, "street", "houseNumber", "postcode", "city");
			case MULTI_CHOICE: {
				List<String> values = posted.getOrDefault(name, List.of());
				return new ArrayList<>(
						values.stream().filter((value) -> !value.isBlank()).map(PageInput::clip).toList());
			}
			case DECLARATION:
				return "true".equals(posted.getFirst(name)) ? "true" : "";
			case FILE:
				// uploads are added and removed by their own actions
				return previous;
			default: {
				String value = posted.getFirst(name);
				return (value != null) ? clip(value) : "";
			}
		}
	}

	private static Map<String, String> parts(String name, MultiValueMap<String, String> posted, String... parts) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String part : parts) {
			String value = posted.getFirst(name + "." + part);
			values.put(part, (value != null) ? clip(value) : "");
		}
		return values;
	}

	private static String clip(String value) {
		return (value.length() > MAX_TEXT) ? value.substring(0, MAX_TEXT) : value;
	}

}
