package de.amtsweg.forms.internal.sharing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.forms.internal.FormDefinitions;
import de.amtsweg.forms.internal.FormVersion;
import de.amtsweg.forms.internal.definition.FormDefinition;
import de.amtsweg.forms.internal.definition.FormDefinitionReader;
import de.amtsweg.forms.internal.definition.InvalidDefinitionException;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing forms between municipalities (Nachnutzung, "Einer für Alle"): one file holds
 * the shared part of a form and, for information, the exporting municipality's local
 * details. The importing municipality keeps the shared part as it is and supplies its own
 * local details (responsible unit, parameters such as fees, texts).
 */
@Service
public class FormSharing {

	public static final String FORMAT = "amtsweg-form";

	public static final int FORMAT_VERSION = 1;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final FormDefinitions definitions;

	private final FormDefinitionReader reader;

	private final Municipalities municipalities;

	private final MessageSource messages;

	private final Clock clock;

	FormSharing(FormDefinitions definitions, FormDefinitionReader reader, Municipalities municipalities,
			MessageSource messages, Clock clock) {
		this.definitions = definitions;
		this.reader = reader;
		this.municipalities = municipalities;
		this.messages = messages;
		this.clock = clock;
	}

	/** The newest published version (else the draft) as one file. */
	public String export(UUID municipalityId, String key) {
		FormVersion version = this.definitions.published(municipalityId, key)
			.or(() -> this.definitions.draft(municipalityId, key))
			.orElseThrow(() -> new NotFoundException("Form " + key));
		Municipality municipality = this.municipalities.get(municipalityId);
		ObjectNode definition = (ObjectNode) JSON.readTree(version.json());
		JsonNode local = definition.remove("local");
		ObjectNode file = JSON.createObjectNode();
		file.put("format", FORMAT);
		file.put("formatVersion", FORMAT_VERSION);
		file.put("exportedAt", this.clock.instant().toString());
		ObjectNode source = file.putObject("source");
		source.put("municipality", municipality.name());
		source.put("ags", municipality.ags().value());
		source.put("formKey", version.key());
		source.put("formVersion", version.version());
		file.set("definition", definition);
		file.set("local", (local != null) ? local : JSON.createObjectNode());
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file);
	}

	/** Reads a shared file and compares it with what the municipality has. */
	public Preview preview(UUID municipalityId, String file, Locale locale) {
		JsonNode root;
		try {
			root = JSON.readTree(file);
		}
		catch (JacksonException ex) {
			throw new SharingException(message(locale, "forms.sharing.malformed", ex.getOriginalMessage()));
		}
		if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asString(""))) {
			throw new SharingException(message(locale, "forms.sharing.notAForm"));
		}
		int formatVersion = root.path("formatVersion").asInt(0);
		if (formatVersion != FORMAT_VERSION) {
			throw new SharingException(message(locale, "forms.sharing.incompatible", formatVersion, FORMAT_VERSION));
		}
		JsonNode definitionNode = root.path("definition");
		if (!definitionNode.isObject()) {
			throw new SharingException(message(locale, "forms.sharing.notAForm"));
		}
		ObjectNode shared = ((ObjectNode) definitionNode).deepCopy();
		shared.remove("local");
		String sharedJson = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(shared);
		FormDefinition definition;
		try {
			definition = this.reader.read(sharedJson, locale);
		}
		catch (InvalidDefinitionException ex) {
			throw new SharingException(message(locale, "forms.sharing.invalidDefinition",
					String.join("; ", ex.problems().stream().map(Object::toString).toList())));
		}
		Optional<FormVersion> current = this.definitions.published(municipalityId, definition.key())
			.or(() -> this.definitions.draft(municipalityId, definition.key()));
		List<String> differences = new ArrayList<>();
		if (current.isPresent()) {
			ObjectNode currentShared = (ObjectNode) JSON.readTree(current.get().json());
			currentShared.remove("local");
			differences.addAll(differences(currentShared, shared, locale));
		}
		JsonNode sourceLocal = root.path("local");
		return new Preview(definition.key(), definition.title().in(locale),
				root.path("source").path("municipality").asString(""), root.path("source").path("formVersion").asInt(0),
				sharedJson, definition, current.map(FormVersion::version).orElse(null), differences,
				sourceLocal.isObject() ? JSON.writeValueAsString(sourceLocal) : "{}",
				current.map((version) -> version.definition().local()).orElse(FormDefinition.Local.empty()));
	}

	/**
	 * Takes the shared part over unchanged and adds the municipality's own details; saved
	 * as a draft to check and publish.
	 */
	@Transactional
	public FormVersion importInto(UUID municipalityId, String file, LocalDetails local, Locale locale) {
		Preview preview = preview(municipalityId, file, locale);
		ObjectNode definition = (ObjectNode) JSON.readTree(preview.sharedJson());
		ObjectNode localNode = definition.putObject("local");
		if (local.responsibleUnit() != null && !local.responsibleUnit().isBlank()) {
			localNode.put("responsibleUnit", local.responsibleUnit());
		}
		ObjectNode parameters = JSON.createObjectNode();
		local.parameters().forEach((id, value) -> {
			if (value != null && !value.isBlank()) {
				parameters.put(id, value.trim());
			}
		});
		if (!parameters.isEmpty()) {
			localNode.set("parameters", parameters);
		}
		putText(localNode, "intro", local.intro());
		putText(localNode, "contact", local.contact());
		putText(localNode, "afterSubmit", local.afterSubmit());
		String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(definition);
		return this.definitions.save(municipalityId, json, "shared", locale);
	}

	/**
	 * Where the shared parts differ, for people: pages and fields added, removed,
	 * changed.
	 */
	List<String> differences(JsonNode current, JsonNode incoming, Locale locale) {
		List<String> differences = new ArrayList<>();
		if (!current.path("title").equals(incoming.path("title"))) {
			differences.add(message(locale, "forms.sharing.diff.title"));
		}
		Map<String, JsonNode> currentPages = byId(current.path("pages"));
		Map<String, JsonNode> incomingPages = byId(incoming.path("pages"));
		incomingPages.keySet()
			.stream()
			.filter((id) -> !currentPages.containsKey(id))
			.forEach((id) -> differences.add(message(locale, "forms.sharing.diff.pageAdded", id)));
		currentPages.keySet()
			.stream()
			.filter((id) -> !incomingPages.containsKey(id))
			.forEach((id) -> differences.add(message(locale, "forms.sharing.diff.pageRemoved", id)));
		Map<String, JsonNode> currentFields = fields(current);
		Map<String, JsonNode> incomingFields = fields(incoming);
		incomingFields.forEach((id, field) -> {
			JsonNode before = currentFields.get(id);
			if (before == null) {
				differences.add(message(locale, "forms.sharing.diff.fieldAdded", id));
			}
			else if (!before.equals(field)) {
				differences.add(message(locale, "forms.sharing.diff.fieldChanged", id));
			}
		});
		currentFields.keySet()
			.stream()
			.filter((id) -> !incomingFields.containsKey(id))
			.forEach((id) -> differences.add(message(locale, "forms.sharing.diff.fieldRemoved", id)));
		for (String part : List.of("codeLists", "rules", "computed", "parameters")) {
			if (!current.path(part).equals(incoming.path(part))) {
				differences.add(message(locale, "forms.sharing.diff." + part));
			}
		}
		return differences;
	}

	private static Map<String, JsonNode> byId(JsonNode array) {
		Map<String, JsonNode> map = new LinkedHashMap<>();
		array.values().forEach((node) -> map.put(node.path("id").asString(), node));
		return map;
	}

	private static Map<String, JsonNode> fields(JsonNode definition) {
		Map<String, JsonNode> map = new LinkedHashMap<>();
		definition.path("pages").values().forEach((page) -> map.putAll(byId(page.path("fields"))));
		return map;
	}

	private static void putText(ObjectNode node, String name, @Nullable String text) {
		if (text != null && !text.isBlank()) {
			node.put(name, text.trim());
		}
	}

	private String message(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	/**
	 * What an import would bring.
	 *
	 * @param key the form's key
	 * @param title its title
	 * @param sourceMunicipality who exported it
	 * @param sourceVersion the exported version
	 * @param sharedJson the shared part
	 * @param definition the shared part, read
	 * @param currentVersion the municipality's own version of this form, if any
	 * @param differences how the shared part differs from the municipality's own
	 * @param sourceLocalJson the exporting municipality's local details, for information
	 * @param currentLocal the municipality's own local details, kept as defaults
	 */
	public record Preview(String key, String title, String sourceMunicipality, int sourceVersion, String sharedJson,
			FormDefinition definition, @Nullable Integer currentVersion, List<String> differences,
			String sourceLocalJson, FormDefinition.Local currentLocal) {
	}

	/**
	 * What the importing municipality supplements.
	 *
	 * @param responsibleUnit key of its responsible org unit
	 * @param parameters values of the form's parameters (e.g. fees)
	 * @param intro own text on the start page
	 * @param contact how to reach the unit
	 * @param afterSubmit what happens after submission
	 */
	public record LocalDetails(@Nullable String responsibleUnit, Map<String, String> parameters, @Nullable String intro,
			@Nullable String contact, @Nullable String afterSubmit) {
	}

	/** A file that cannot be imported, with the reason for people. */
	public static class SharingException extends RuntimeException {

		public SharingException(String message) {
			super(message);
		}

	}

}
