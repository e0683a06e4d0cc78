package de.amtsweg.forms.internal.fim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Imports FIM XDatenfelder data-field schemas (version 2.0 "Stammdatenschema" and 3.0
 * "Stammdatenschema"/"Datenfeldgruppe") into a form definition: data-field groups become
 * pages (or repeatable groups when they may occur more than once), data fields become
 * fields by their kind and data type, lengths and ranges become validation rules. What
 * has no counterpart — rules written as scripts or free text, code lists that are only
 * referenced, hidden and locked fields — is listed in the report so an editor can
 * supplement it.
 */
@Component
public class FimImporter {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final MessageSource messages;

	public FimImporter(MessageSource messages) {
		this.messages = messages;
	}

	public Result importXml(byte[] xml, Locale locale) {
		Document document = parse(xml, locale);
		Element root = document.getDocumentElement();
		String namespace = (root.getNamespaceURI() != null) ? root.getNamespaceURI() : "";
		String version;
		if (namespace.equals("urn:xoev-de:fim:standard:xdatenfelder_2")) {
			version = "2";
		}
		else if (namespace.startsWith("urn:xoev-de:fim:standard:xdatenfelder_3")) {
			version = "3";
		}
		else {
			throw new FimImportException(message(locale, "forms.fim.notXDatenfelder", root.getLocalName()));
		}
		Element top = child(root, "stammdatenschema");
		if (top == null) {
			top = child(root, "datenfeldgruppe");
		}
		if (top == null) {
			throw new FimImportException(message(locale, "forms.fim.noSchema", root.getLocalName()));
		}
		return new Conversion(locale, version).convert(top);
	}

	private Document parse(byte[] xml, Locale locale) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			// no DTDs, no external entities: the file comes from outside
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(new ByteArrayInputStream(xml));
		}
		catch (SAXParseException ex) {
			throw new FimImportException(
					message(locale, "forms.fim.malformed", ex.getLineNumber(), ex.getColumnNumber(), ex.getMessage()));
		}
		catch (SAXException | IOException ex) {
			throw new FimImportException(message(locale, "forms.fim.malformed", 0, 0, ex.getMessage()));
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String message(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	static @Nullable Element child(Element parent, String localName) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && localName.equals(element.getLocalName())) {
				return element;
			}
		}
		return null;
	}

	static List<Element> children(Element parent, String localName) {
		List<Element> found = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && localName.equals(element.getLocalName())) {
				found.add(element);
			}
		}
		return found;
	}

	static String text(Element parent, String localName) {
		Element element = child(parent, localName);
		return (element != null) ? element.getTextContent().trim().replaceAll("\\s+", " ") : "";
	}

	static String code(Element parent, String localName) {
		Element element = child(parent, localName);
		if (element == null) {
			return "";
		}
		Element code = child(element, "code");
		return (code != null) ? code.getTextContent().trim() : element.getTextContent().trim();
	}

	/** One import: builds the definition and collects what could not be mapped. */
	private final class Conversion {

		private final Locale locale;

		private final String version;

		private final List<String> report = new ArrayList<>();

		private final Map<String, Integer> usedIds = new HashMap<>();

		private final ObjectNode codeLists = JSON.createObjectNode();

		private int mapped;

		Conversion(Locale locale, String version) {
			this.locale = locale;
			this.version = version;
		}

		Result convert(Element top) {
			String id = text(child(top, "identifikation"), "id");
			String title = label(top);
			ObjectNode definition = JSON.createObjectNode();
			definition.put("schemaVersion", 1);
			definition.put("key", key(id));
			definition.set("title", JSON.getNodeFactory().stringNode(title));
			String description = text(top, "beschreibung");
			if (!description.isEmpty()) {
				definition.put("summary", description);
			}
			rules(top, id);
			ArrayNode pages = JSON.createArrayNode();
			ArrayNode loose = JSON.createArrayNode();
			for (Element element : contents(top)) {
				if ("datenfeldgruppe".equals(element.getLocalName())) {
					Element groupStructure = child(element, "struktur");
					ObjectNode page = JSON.createObjectNode();
					page.put("id", key(text(child(element, "identifikation"), "id")));
					page.put("title", label(element));
					String hint = text(element, "hilfetextEingabe");
					if (!hint.isEmpty()) {
						page.put("hint", hint);
					}
					ArrayNode fields = JSON.createArrayNode();
					if (groupStructure != null) {
						String anzahl = text(groupStructure, "anzahl");
						if (repeats(anzahl)) {
							fields.add(repeatable(element, anzahl));
						}
						else {
							collectFields(element, fields, optional(anzahl));
						}
					}
					rules(element, text(child(element, "identifikation"), "id"));
					if (fields.isEmpty()) {
						this.report.add(message(this.locale, "forms.fim.emptyGroup", title(element)));
						continue;
					}
					page.set("fields", fields);
					pages.add(page);
				}
				else {
					ObjectNode field = field(element, optional(anzahlOf(element)));
					if (field != null) {
						loose.add(field);
					}
				}
			}
			if ("datenfeldgruppe".equals(top.getLocalName()) && pages.isEmpty() && loose.isEmpty()) {
				// a single group import: its own fields make the page
				collectFields(top, loose, false);
			}
			if (!loose.isEmpty()) {
				ObjectNode page = JSON.createObjectNode();
				page.put("id", "angaben");
				page.put("title", title);
				page.set("fields", loose);
				pages.insert(0, page);
			}
			if (pages.isEmpty()) {
				this.report.add(message(this.locale, "forms.fim.noFields", id));
				return new Result(null, this.version, id, title, 0, List.copyOf(this.report));
			}
			definition.set("pages", pages);
			if (!this.codeLists.isEmpty()) {
				definition.set("codeLists", this.codeLists);
			}
			return new Result(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(definition), this.version, id,
					title, this.mapped, List.copyOf(this.report));
		}

		/**
		 * The elements a group or schema contains, in order: one {@code struktur} per
		 * element (v2) or several {@code enthaelt} in one (v3).
		 */
		private List<Element> contents(Element parent) {
			List<Element> contained = new ArrayList<>();
			for (Element structure : children(parent, "struktur")) {
				for (Element enthaelt : children(structure, "enthaelt")) {
					for (Node node = enthaelt.getFirstChild(); node != null; node = node.getNextSibling()) {
						if (node instanceof Element element && (element.getLocalName().equals("datenfeld")
								|| element.getLocalName().equals("datenfeldgruppe"))) {
							contained.add(element);
						}
					}
				}
			}
			return contained;
		}

		private void collectFields(Element group, ArrayNode fields, boolean optional) {
			for (Element element : contents(group)) {
				if ("datenfeld".equals(element.getLocalName())) {
					ObjectNode field = field(element, optional || optional(anzahlOf(element)));
					if (field != null) {
						fields.add(field);
					}
				}
				else {
					String anzahl = anzahlOf(element);
					if (repeats(anzahl)) {
						fields.add(repeatable(element, anzahl));
					}
					else {
						collectFields(element, fields, optional || optional(anzahl));
					}
				}
			}
		}

		private ObjectNode repeatable(Element group, String anzahl) {
			ObjectNode field = JSON.createObjectNode();
			field.put("id", fieldId(text(child(group, "identifikation"), "id")));
			field.put("type", "group");
			field.put("label", label(group));
			field.put("itemLabel", label(group));
			String[] bounds = anzahl.split(":");
			int min = bounds[0].matches("\\d+") ? Integer.parseInt(bounds[0]) : 0;
			field.put("minItems", Math.min(min, 50));
			if (bounds.length > 1 && bounds[1].matches("\\d+")) {
				field.put("maxItems", Math.max(1, Math.min(Integer.parseInt(bounds[1]), 50)));
			}
			ArrayNode fields = JSON.createArrayNode();
			for (Element element : contents(group)) {
				if ("datenfeld".equals(element.getLocalName())) {
					ObjectNode sub = field(element, optional(anzahlOf(element)));
					if (sub != null) {
						fields.add(sub);
					}
				}
				else {
					this.report.add(message(this.locale, "forms.fim.nestedRepeat", title(element), title(group)));
				}
			}
			if (fields.isEmpty()) {
				ObjectNode placeholder = JSON.createObjectNode();
				placeholder.put("id", "eintrag");
				placeholder.put("type", "text");
				placeholder.put("label", label(group));
				fields.add(placeholder);
			}
			field.set("fields", fields);
			return field;
		}

		private @Nullable ObjectNode field(Element datenfeld, boolean optional) {
			String fimId = text(child(datenfeld, "identifikation"), "id");
			String feldart = code(datenfeld, "feldart");
			String datentyp = code(datenfeld, "datentyp");
			ObjectNode field = JSON.createObjectNode();
			field.put("id", fieldId(fimId));
			String type = switch (feldart) {
				case "select" -> "choice";
				case "checkbox" -> "yesNo";
				case "input" -> switch (datentyp) {
					case "date" -> "date";
					case "bool" -> "yesNo";
					case "num", "num_int" -> "number";
					case "num_currency" -> "money";
					case "file" -> "file";
					case "text", "" -> "text";
					default -> null;
				};
				default -> null;
			};
			if (type == null) {
				this.report.add(message(this.locale, "forms.fim.fieldNotMapped", title(datenfeld), feldart, datentyp));
				return null;
			}
			field.put("type", type);
			field.put("label", label(datenfeld));
			String hint = text(datenfeld, "hilfetextEingabe");
			if (!hint.isEmpty()) {
				field.put("hint", hint);
			}
			if (optional) {
				field.put("required", false);
			}
			Map<String, String> constraints = constraints(datenfeld);
			if (type.equals("text")) {
				integer(constraints.get("minLength")).ifPresent((value) -> field.put("minLength", value));
				integer(constraints.get("maxLength")).ifPresent((value) -> {
					field.put("maxLength", value);
					if (value > 200) {
						field.put("type", "longText");
					}
				});
				if (field.has("minLength") && field.has("maxLength")
						&& field.get("minLength").asInt() > field.get("maxLength").asInt()) {
					field.remove("minLength");
				}
				String pattern = constraints.get("pattern");
				if (pattern != null && !pattern.isBlank()) {
					field.put("pattern", pattern);
				}
			}
			if (type.equals("number") || type.equals("money")) {
				decimal(constraints.get("minValue")).ifPresent((value) -> field.put("min", value));
				decimal(constraints.get("maxValue")).ifPresent((value) -> field.put("max", value));
				if (datentyp.equals("num")) {
					field.put("decimals", 2);
				}
			}
			if (type.equals("choice")) {
				codeList(datenfeld, field);
			}
			if (!constraints.isEmpty() && !type.equals("text") && !type.equals("number") && !type.equals("money")) {
				this.report.add(message(this.locale, "forms.fim.constraintsIgnored", title(datenfeld),
						String.join(", ", constraints.keySet())));
			}
			rules(datenfeld, fimId);
			this.mapped++;
			return field;
		}

		private void codeList(Element datenfeld, ObjectNode field) {
			Element reference = child(datenfeld, "codelisteReferenz");
			String listId = (reference != null && child(reference, "identifikation") != null)
					? text(child(reference, "identifikation"), "id") : "";
			String canonical = (reference != null && child(reference, "genericodeIdentification") != null)
					? text(child(reference, "genericodeIdentification"), "canonicalIdentification") : "";
			String name = fieldId(listId.isEmpty() ? "liste_" + field.get("id").asString() : listId);
			ArrayNode options = JSON.createArrayNode();
			ObjectNode placeholder = JSON.createObjectNode();
			placeholder.put("code", "ergaenzen");
			placeholder.put("label", message(this.locale, "forms.fim.codeListPlaceholder"));
			options.add(placeholder);
			this.codeLists.set(name, options);
			field.put("codeList", name);
			this.report.add(message(this.locale, "forms.fim.codeListReferenced", title(datenfeld),
					listId.isEmpty() ? "–" : listId, canonical.isEmpty() ? "–" : canonical));
		}

		private void rules(Element element, String owner) {
			for (Element rule : children(element, "regel")) {
				String script = text(rule, "script");
				if (script.isEmpty()) {
					script = text(rule, "skript");
				}
				String freeText = text(rule, "freitextRegel");
				String detail = !freeText.isEmpty() ? freeText : script;
				this.report.add(message(this.locale, "forms.fim.ruleNotMapped",
						text(child(rule, "identifikation"), "id"), text(rule, "name"), owner, detail));
			}
		}

		private Map<String, String> constraints(Element datenfeld) {
			Map<String, String> constraints = new java.util.LinkedHashMap<>();
			Element praezisierung = child(datenfeld, "praezisierung");
			if (praezisierung == null) {
				return constraints;
			}
			for (String attribute : List.of("minLength", "maxLength", "minValue", "maxValue", "pattern")) {
				if (praezisierung.hasAttribute(attribute)) {
					constraints.put(attribute, praezisierung.getAttribute(attribute));
				}
			}
			String content = praezisierung.getTextContent().trim();
			if (content.startsWith("{")) {
				try {
					JsonNode json = JSON.readTree(content);
					json.properties().forEach((entry) -> constraints.put(entry.getKey(), entry.getValue().asString()));
				}
				catch (RuntimeException ex) {
					this.report.add(message(this.locale, "forms.fim.constraintsUnreadable", title(datenfeld), content));
				}
			}
			return constraints;
		}

		private String anzahlOf(Element element) {
			Node parent = element.getParentNode();
			while (parent != null && !(parent instanceof Element e && "struktur".equals(e.getLocalName()))) {
				parent = parent.getParentNode();
			}
			return (parent instanceof Element structure) ? text(structure, "anzahl") : "1:1";
		}

		private boolean repeats(String anzahl) {
			String[] bounds = anzahl.split(":");
			return bounds.length == 2 && (bounds[1].equals("*") || bounds[1].equals("n")
					|| (bounds[1].matches("\\d+") && Integer.parseInt(bounds[1]) > 1));
		}

		private boolean optional(String anzahl) {
			return anzahl.startsWith("0:");
		}

		private String label(Element element) {
			String label = text(element, "bezeichnungEingabe");
			return label.isEmpty() ? (text(element, "name").isEmpty() ? "Angabe" : text(element, "name")) : label;
		}

		private String title(Element element) {
			return label(element) + " (" + text(child(element, "identifikation"), "id") + ")";
		}

		private String fieldId(String fimId) {
			String base = fimId.replaceAll("[^A-Za-z0-9_]", "_");
			if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
				base = "f_" + base;
			}
			int count = this.usedIds.merge(base, 1, Integer::sum);
			return (count == 1) ? base : base + "_" + count;
		}

		private java.util.Optional<Integer> integer(@Nullable String value) {
			try {
				return (value != null) ? java.util.Optional.of(Integer.parseInt(value.trim()))
						: java.util.Optional.empty();
			}
			catch (NumberFormatException ex) {
				return java.util.Optional.empty();
			}
		}

		private java.util.Optional<java.math.BigDecimal> decimal(@Nullable String value) {
			try {
				return (value != null) ? java.util.Optional.of(new java.math.BigDecimal(value.trim()))
						: java.util.Optional.empty();
			}
			catch (NumberFormatException ex) {
				return java.util.Optional.empty();
			}
		}

	}

	/** A key from a FIM id: {@code T1234} → {@code fim-t1234}. */
	static String key(String fimId) {
		String key = fimId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		return key.isEmpty() ? "fim-import" : "fim-" + key;
	}

	/**
	 * What an import produced.
	 *
	 * @param definitionJson the form definition, or null when nothing could be mapped
	 * @param xdatenfelderVersion 2 or 3
	 * @param fimId the schema's or group's FIM id
	 * @param title its name
	 * @param mappedFields how many data fields became fields
	 * @param notMapped what could not be mapped, for people
	 */
	public record Result(@Nullable String definitionJson, String xdatenfelderVersion, String fimId, String title,
			int mappedFields, List<String> notMapped) {
	}

	/** A file that is not a readable XDatenfelder message. */
	public static class FimImportException extends RuntimeException {

		public FimImportException(String message) {
			super(message);
		}

	}

}
