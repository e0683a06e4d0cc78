package de.amtsweg.forms.internal.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import de.amtsweg.forms.internal.definition.FormDefinition.Computed;
import de.amtsweg.forms.internal.definition.FormDefinition.Field;
import de.amtsweg.forms.internal.definition.FormDefinition.Local;
import de.amtsweg.forms.internal.definition.FormDefinition.Option;
import de.amtsweg.forms.internal.definition.FormDefinition.Page;
import de.amtsweg.forms.internal.definition.FormDefinition.Parameter;
import de.amtsweg.forms.internal.definition.FormDefinition.Rule;
import de.amtsweg.forms.internal.expression.Expression;
import de.amtsweg.forms.internal.expression.ExpressionException;
import de.amtsweg.forms.internal.expression.ExpressionParser;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Reads form definitions: first against the published JSON Schema
 * ({@code docs/forms/form-definition.schema.json}), then against the form's own logic
 * (unique names, known code lists, expressions that parse and name existing fields).
 * Every problem is reported with its location and a message that says how to fix it.
 */
@Component
public class FormDefinitionReader {

	public static final String SCHEMA_RESOURCE = "/forms/form-definition.schema.json";

	static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

	private static final Schema SCHEMA = loadSchema();

	private final MessageSource messages;

	public FormDefinitionReader(MessageSource messages) {
		this.messages = messages;
	}

	/** Reads a definition or throws every problem found. */
	public FormDefinition read(String json, Locale locale) {
		JsonNode tree = parse(json, locale);
		List<DefinitionProblem> problems = schemaProblems(tree, locale);
		if (!problems.isEmpty()) {
			throw new InvalidDefinitionException(problems);
		}
		FormDefinition definition = toModel(tree);
		problems = new Checks(locale).check(definition);
		if (!problems.isEmpty()) {
			throw new InvalidDefinitionException(problems);
		}
		return definition;
	}

	/** Reads a definition that was valid when it was stored. */
	public FormDefinition readStored(String json) {
		return toModel(parse(json, Locale.GERMAN));
	}

	/** The JSON text as a tree, or a problem saying where the syntax breaks. */
	public JsonNode parse(String json, Locale locale) {
		try {
			JsonNode tree = JSON.readTree(json);
			if (tree == null || tree.isMissingNode()) {
				throw new InvalidDefinitionException(List.of(new DefinitionProblem("", message("empty", locale))));
			}
			return tree;
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null)
					? message("syntax.where", locale, ex.getLocation().getLineNr(), ex.getLocation().getColumnNr())
					: "";
			throw new InvalidDefinitionException(
					List.of(new DefinitionProblem("", message("syntax", locale, where, ex.getOriginalMessage()))));
		}
	}

	List<DefinitionProblem> schemaProblems(JsonNode tree, Locale locale) {
		List<Error> errors = SCHEMA.validate(tree,
				(context) -> context.executionConfig((config) -> config.locale(locale)));
		List<DefinitionProblem> problems = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Error error : errors) {
			String location = pointer(error.getInstanceLocation().toString());
			String text = error.getMessage();
			int colon = text.indexOf(": ");
			if (text.startsWith("$") && colon > 0) {
				text = text.substring(colon + 2);
			}
			if (seen.add(location + text)) {
				problems.add(new DefinitionProblem(location, text));
			}
		}
		return problems;
	}

	/** {@code $.pages[0].fields[1]} as the JSON pointer {@code /pages/0/fields/1}. */
	static String pointer(String path) {
		if (path.startsWith("/") || path.isEmpty()) {
			return path;
		}
		String pointer = path.replaceFirst("^\\$", "").replaceAll("\\[(\\d+)\\]", "/$1").replace('.', '/');
		return pointer.isEmpty() ? "" : (pointer.startsWith("/") ? pointer : "/" + pointer);
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage("forms.definition." + key, arguments, locale);
	}

	private static Schema loadSchema() {
		try (InputStream in = FormDefinitionReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + SCHEMA_RESOURCE);
			}
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
				.getSchema(in, InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ---- tree to model (the tree is schema-valid here) ----

	static FormDefinition toModel(JsonNode root) {
		Map<String, List<Option>> codeLists = new LinkedHashMap<>();
		root.path("codeLists").properties().forEach((entry) -> {
			List<Option> options = new ArrayList<>();
			entry.getValue()
				.values()
				.forEach((option) -> options
					.add(new Option(option.path("code").asString(), text(option.path("label")))));
			codeLists.put(entry.getKey(), List.copyOf(options));
		});
		List<Page> pages = new ArrayList<>();
		root.path("pages")
			.values()
			.forEach((page) -> pages.add(new Page(page.path("id").asString(), text(page.path("title")),
					optionalText(page.get("hint")), string(page.get("showIf")), fields(page.path("fields")))));
		List<Rule> rules = new ArrayList<>();
		root.path("rules")
			.values()
			.forEach((rule) -> rules.add(new Rule(rule.path("id").asString(), rule.path("check").asString(),
					string(rule.get("when")), rule.path("field").asString(), text(rule.path("message")))));
		List<Computed> computed = new ArrayList<>();
		root.path("computed")
			.values()
			.forEach((value) -> computed.add(new Computed(value.path("id").asString(), text(value.path("label")),
					value.path("type").asString(), value.path("expression").asString())));
		List<Parameter> parameters = new ArrayList<>();
		root.path("parameters")
			.values()
			.forEach((parameter) -> parameters
				.add(new Parameter(parameter.path("id").asString(), text(parameter.path("label")),
						parameter.path("type").asString(), string(parameter.get("default")))));
		List<Text> beforeYouStart = new ArrayList<>();
		root.path("beforeYouStart").values().forEach((item) -> beforeYouStart.add(text(item)));
		JsonNode local = root.path("local");
		Map<String, String> localParameters = new LinkedHashMap<>();
		local.path("parameters")
			.properties()
			.forEach((entry) -> localParameters.put(entry.getKey(), entry.getValue().asString()));
		return new FormDefinition(root.path("key").asString(), text(root.path("title")),
				optionalText(root.get("summary")), List.copyOf(beforeYouStart), List.copyOf(pages),
				Map.copyOf(codeLists), List.copyOf(rules), List.copyOf(computed), List.copyOf(parameters),
				new Local(string(local.get("responsibleUnit")), Map.copyOf(localParameters),
						optionalText(local.get("intro")), optionalText(local.get("contact")),
						optionalText(local.get("afterSubmit")), string(local.get("feePayment"))));
	}

	private static List<Field> fields(JsonNode array) {
		List<Field> fields = new ArrayList<>();
		for (JsonNode node : array.values()) {
			FieldType type = FieldType.fromJson(node.path("type").asString()).orElseThrow();
			List<String> accept = new ArrayList<>();
			node.path("accept").values().forEach((kind) -> accept.add(kind.asString()));
			boolean required = node.path("required").asBoolean(true) || type == FieldType.DECLARATION;
			fields.add(new Field(node.path("id").asString(), type, text(node.path("label")),
					optionalText(node.get("hint")), required, string(node.get("showIf")),
					integer(node.get("minLength")), integer(node.get("maxLength")), string(node.get("pattern")),
					optionalText(node.get("patternMessage")), decimal(node.get("min")), decimal(node.get("max")),
					integer(node.get("decimals")), string(node.get("minDate")), string(node.get("maxDate")),
					string(node.get("codeList")), string(node.get("display")), integer(node.get("minSelected")),
					integer(node.get("maxSelected")), List.copyOf(accept), integer(node.get("maxFiles")),
					integer(node.get("maxSizeKb")), integer(node.get("minItems")), integer(node.get("maxItems")),
					optionalText(node.get("itemLabel")), node.has("fields") ? fields(node.path("fields")) : List.of(),
					string(node.get("prefill"))));
		}
		return List.copyOf(fields);
	}

	static Text text(JsonNode node) {
		if (node.isString()) {
			return Text.german(node.asString());
		}
		Map<String, String> translations = new LinkedHashMap<>();
		node.properties().forEach((entry) -> translations.put(entry.getKey(), entry.getValue().asString()));
		return new Text(translations);
	}

	private static @Nullable Text optionalText(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : text(node);
	}

	private static @Nullable String string(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asString();
	}

	private static @Nullable Integer integer(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asInt();
	}

	private static @Nullable BigDecimal decimal(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : node.decimalValue();
	}

	/** The checks the schema cannot express. */
	private final class Checks {

		private final Locale locale;

		private final List<DefinitionProblem> problems = new ArrayList<>();

		Checks(Locale locale) {
			this.locale = locale;
		}

		List<DefinitionProblem> check(FormDefinition definition) {
			Map<String, Field> topLevel = new HashMap<>();
			Map<String, Integer> pageOfField = new HashMap<>();
			Set<String> pageIds = new HashSet<>();
			for (int p = 0; p < definition.pages().size(); p++) {
				Page page = definition.pages().get(p);
				if (!pageIds.add(page.id())) {
					add("/pages/" + p + "/id", "page.duplicate", page.id());
				}
				for (int f = 0; f < page.fields().size(); f++) {
					Field field = page.fields().get(f);
					String at = "/pages/" + p + "/fields/" + f;
					if (topLevel.putIfAbsent(field.id(), field) != null) {
						add(at + "/id", "field.duplicate", field.id());
					}
					pageOfField.put(field.id(), p);
				}
			}
			Set<String> parameters = new HashSet<>();
			definition.parameters().forEach((parameter) -> parameters.add(parameter.id()));
			Set<String> computed = new HashSet<>();
			for (int p = 0; p < definition.pages().size(); p++) {
				Page page = definition.pages().get(p);
				if (page.showIf() != null) {
					Set<String> earlier = new HashSet<>(parameters);
					pageOfField.forEach((id, index) -> {
						if (index < pageOfPage(page, definition)) {
							earlier.add(id);
						}
					});
					expression("/pages/" + p + "/showIf", page.showIf(), earlier, topLevel, null);
				}
				for (int f = 0; f < page.fields().size(); f++) {
					checkField(definition, page.fields().get(f), "/pages/" + p + "/fields/" + f, topLevel, parameters,
							null);
				}
			}
			for (int r = 0; r < definition.rules().size(); r++) {
				Rule rule = definition.rules().get(r);
				Set<String> known = names(topLevel, parameters, computed);
				expression("/rules/" + r + "/check", rule.check(), known, topLevel, null);
				if (rule.when() != null) {
					expression("/rules/" + r + "/when", rule.when(), known, topLevel, null);
				}
				if (!topLevel.containsKey(rule.field())) {
					add("/rules/" + r + "/field", "rule.field", rule.field());
				}
			}
			for (int c = 0; c < definition.computed().size(); c++) {
				Computed value = definition.computed().get(c);
				expression("/computed/" + c + "/expression", value.expression(), names(topLevel, parameters, computed),
						topLevel, null);
				if (topLevel.containsKey(value.id()) || !computed.add(value.id())) {
					add("/computed/" + c + "/id", "computed.duplicate", value.id());
				}
			}
			definition.local().parameters().keySet().forEach((id) -> {
				if (!parameters.contains(id)) {
					add("/local/parameters/" + id, "parameter.unknown", id);
				}
			});
			for (int i = 0; i < definition.parameters().size(); i++) {
				Parameter parameter = definition.parameters().get(i);
				if (topLevel.containsKey(parameter.id())) {
					add("/parameters/" + i + "/id", "parameter.clash", parameter.id());
				}
			}
			return this.problems;
		}

		private int pageOfPage(Page page, FormDefinition definition) {
			return definition.pages().indexOf(page);
		}

		private Set<String> names(Map<String, Field> fields, Set<String> parameters, Set<String> computed) {
			Set<String> names = new HashSet<>(fields.keySet());
			names.addAll(parameters);
			names.addAll(computed);
			return names;
		}

		private void checkField(FormDefinition definition, Field field, String at, Map<String, Field> topLevel,
				Set<String> parameters, @Nullable Field group) {
			if (field.codeList() != null && !definition.codeLists().containsKey(field.codeList())
					&& !FormDefinition.ORG_UNITS.equals(field.codeList())) {
				add(at + "/codeList", "codeList.unknown", field.codeList());
			}
			if (field.pattern() != null) {
				try {
					Pattern.compile(field.pattern());
				}
				catch (PatternSyntaxException ex) {
					add(at + "/pattern", "pattern.invalid", ex.getDescription());
				}
			}
			order(at, field.minLength(), field.maxLength(), "minLength", "maxLength");
			order(at, field.minItems(), field.maxItems(), "minItems", "maxItems");
			order(at, field.minSelected(), field.maxSelected(), "minSelected", "maxSelected");
			if (field.min() != null && field.max() != null && field.min().compareTo(field.max()) > 0) {
				add(at + "/min", "range.order", "min", "max");
			}
			if (field.showIf() != null) {
				Set<String> known = new HashSet<>(topLevel.keySet());
				known.addAll(parameters);
				if (group != null) {
					group.fields().forEach((sibling) -> known.add(sibling.id()));
				}
				expression(at + "/showIf", field.showIf(), known, topLevel, group);
			}
			if (field.isGroup()) {
				if (group != null) {
					add(at + "/type", "group.nested");
					return;
				}
				Set<String> ids = new HashSet<>();
				for (int i = 0; i < field.fields().size(); i++) {
					Field sub = field.fields().get(i);
					if (!ids.add(sub.id())) {
						add(at + "/fields/" + i + "/id", "field.duplicate", sub.id());
					}
					checkField(definition, sub, at + "/fields/" + i, topLevel, parameters, field);
				}
			}
		}

		private void order(String at, @Nullable Integer low, @Nullable Integer high, String lowName, String highName) {
			if (low != null && high != null && low > high) {
				add(at + "/" + lowName, "range.order", lowName, highName);
			}
		}

		private void expression(String at, String source, Set<String> known, Map<String, Field> fields,
				@Nullable Field group) {
			Expression expression;
			try {
				expression = ExpressionParser.parse(source);
			}
			catch (ExpressionException ex) {
				add(at, "expression.invalid", ex.getMessage());
				return;
			}
			for (String name : expression.references()) {
				int dot = name.indexOf('.');
				if (dot > 0) {
					Field target = fields.get(name.substring(0, dot));
					if (target == null || !target.isGroup() || target.subField(name.substring(dot + 1)).isEmpty()) {
						add(at, "expression.unknownColumn", name);
					}
				}
				else if (!known.contains(name)) {
					add(at, "expression.unknownName", name);
				}
			}
		}

		private void add(String at, String key, Object... arguments) {
			this.problems.add(new DefinitionProblem(at, message(key, this.locale, arguments)));
		}

	}

}
