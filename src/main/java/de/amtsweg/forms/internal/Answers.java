package de.amtsweg.forms.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an applicant entered, as entered (so that a page can show a wrong input again).
 * Each field's raw value is a text, a list of texts (multiple choice, files), a map of
 * texts (date parts, address parts) or, for a repeatable group, a list of entries that
 * are themselves maps of this kind.
 */
public final class Answers {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Object> values;

	public Answers() {
		this(new LinkedHashMap<>());
	}

	Answers(Map<String, Object> values) {
		this.values = values;
	}

	public static Answers fromJson(String json) {
		Map<String, Object> values = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
		});
		return new Answers(values);
	}

	public String toJson() {
		return JSON.writeValueAsString(this.values);
	}

	/** The top-level values, keyed by field id. */
	public Map<String, Object> values() {
		return this.values;
	}

	public @Nullable Object get(String id) {
		return this.values.get(id);
	}

	public void put(String id, @Nullable Object value) {
		if (value == null) {
			this.values.remove(id);
		}
		else {
			this.values.put(id, value);
		}
	}

	public void remove(String id) {
		this.values.remove(id);
	}

	public boolean has(String id) {
		return this.values.containsKey(id);
	}

	/** The entries of a group, each a map of sub-field values; never null. */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> items(String groupId) {
		Object value = this.values.get(groupId);
		if (value instanceof List<?> list) {
			List<Map<String, Object>> items = new ArrayList<>();
			for (Object item : list) {
				items.add((item instanceof Map<?, ?> map) ? (Map<String, Object>) map : new LinkedHashMap<>());
			}
			return items;
		}
		return new ArrayList<>();
	}

	public Answers copy() {
		return fromJson(toJson());
	}

	public static String text(@Nullable Object raw) {
		return (raw instanceof String text) ? text : "";
	}

	@SuppressWarnings("unchecked")
	public static Map<String, String> parts(@Nullable Object raw) {
		return (raw instanceof Map<?, ?> map) ? (Map<String, String>) map : Map.of();
	}

	public static List<String> list(@Nullable Object raw) {
		if (raw instanceof List<?> list) {
			return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
		}
		return List.of();
	}

}
