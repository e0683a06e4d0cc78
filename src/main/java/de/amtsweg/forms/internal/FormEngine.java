package de.amtsweg.forms.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import de.amtsweg.forms.internal.definition.FieldType;
import de.amtsweg.forms.internal.definition.FormDefinition;
import de.amtsweg.forms.internal.definition.FormDefinition.Computed;
import de.amtsweg.forms.internal.definition.FormDefinition.Field;
import de.amtsweg.forms.internal.definition.FormDefinition.Page;
import de.amtsweg.forms.internal.definition.FormDefinition.Rule;
import de.amtsweg.forms.internal.definition.Text;
import de.amtsweg.forms.internal.expression.Expression;
import de.amtsweg.forms.internal.expression.ExpressionParser;
import de.amtsweg.forms.internal.expression.Scope;
import org.jspecify.annotations.Nullable;

/**
 * The logic of a filled form: which pages and fields apply, whether the answers are
 * valid, and the computed values. Pure: no database, no clock of its own (the caller
 * passes today's date).
 */
public final class FormEngine {

	static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final Map<String, Expression> PARSED = new ConcurrentHashMap<>();

	private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

	private static final int DEFAULT_MAX_TEXT = 200;

	private static final int DEFAULT_MAX_LONG_TEXT = 4000;

	private final FormDefinition definition;

	private final LocalDate today;

	public FormEngine(FormDefinition definition, LocalDate today) {
		this.definition = definition;
		this.today = today;
	}

	public FormDefinition definition() {
		return this.definition;
	}

	// ---- visibility ----

	public List<Page> visiblePages(Answers answers) {
		Scope scope = scope(answers, null);
		return this.definition.pages().stream().filter((page) -> condition(page.showIf(), scope)).toList();
	}

	public boolean isVisible(Page page, Answers answers) {
		return condition(page.showIf(), scope(answers, null));
	}

	public List<Field> visibleFields(Page page, Answers answers) {
		Scope scope = scope(answers, null);
		return page.fields().stream().filter((field) -> condition(field.showIf(), scope)).toList();
	}

	public List<Field> visibleItemFields(Field group, Answers answers, Map<String, Object> item) {
		Scope scope = scope(answers, new ItemContext(group, item));
		return group.fields().stream().filter((field) -> condition(field.showIf(), scope)).toList();
	}

	/**
	 * Removes answers to pages and fields that no longer apply, so a hidden answer never
	 * counts and never reaches the municipality.
	 */
	public void prune(Answers answers) {
		for (int pass = 0; pass < 3; pass++) {
			boolean changed = false;
			for (Page page : this.definition.pages()) {
				boolean pageVisible = isVisible(page, answers);
				for (Field field : page.fields()) {
					if (!answers.has(field.id())) {
						continue;
					}
					if (!pageVisible || !condition(field.showIf(), scope(answers, null))) {
						answers.remove(field.id());
						changed = true;
					}
					else if (field.isGroup()) {
						for (Map<String, Object> item : answers.items(field.id())) {
							for (Field sub : field.fields()) {
								if (item.containsKey(sub.id())
										&& !condition(sub.showIf(), scope(answers, new ItemContext(field, item)))) {
									item.remove(sub.id());
									changed = true;
								}
							}
						}
					}
				}
			}
			if (!changed) {
				return;
			}
		}
	}

	// ---- validation ----

	/** The problems of one page's answers, including cross-field rules on its fields. */
	public List<FieldError> validate(Page page, Answers answers) {
		List<FieldError> errors = new ArrayList<>();
		for (Field field : visibleFields(page, answers)) {
			if (field.isGroup()) {
				validateGroup(field, answers, errors);
			}
			else {
				validateField(field, answers.get(field.id()), field.id(), null, errors);
			}
		}
		Scope scope = scope(answers, null);
		for (Rule rule : this.definition.rules()) {
			boolean onThisPage = page.fields().stream().anyMatch((field) -> field.id().equals(rule.field()));
			boolean fieldHasError = errors.stream().anyMatch((error) -> error.path().equals(rule.field()));
			if (!onThisPage || fieldHasError) {
				continue;
			}
			Field field = this.definition.field(rule.field()).orElseThrow();
			if (!condition(field.showIf(), scope)) {
				continue;
			}
			if (rule.when() != null && !parse(rule.when()).test(scope)) {
				continue;
			}
			// A rule whose inputs are not all there yet says nothing; "required" covers
			// gaps.
			if (Boolean.FALSE.equals(parse(rule.check()).evaluate(scope))) {
				errors.add(new FieldError(rule.field(), anchor(field, rule.field()), field.label(), null, null,
						new Object[0], rule.message()));
			}
		}
		return errors;
	}

	/** The first page (in order) whose answers have problems, with them. */
	public @Nullable PageProblems firstInvalidPage(Answers answers) {
		for (Page page : visiblePages(answers)) {
			List<FieldError> errors = validate(page, answers);
			if (!errors.isEmpty()) {
				return new PageProblems(page, errors);
			}
		}
		return null;
	}

	private void validateGroup(Field group, Answers answers, List<FieldError> errors) {
		List<Map<String, Object>> items = answers.items(group.id());
		int min = Objects.requireNonNullElse(group.minItems(), group.required() ? 1 : 0);
		if (items.size() < min) {
			errors.add(error(group, group.id(), group.id() + "-add", null, "group.min", min));
		}
		if (group.maxItems() != null && items.size() > group.maxItems()) {
			errors.add(error(group, group.id(), group.id() + "-add", null, "group.max", group.maxItems()));
		}
		for (int i = 0; i < items.size(); i++) {
			Map<String, Object> item = items.get(i);
			FieldError.Item context = new FieldError.Item(itemLabel(group), i + 1);
			for (Field sub : visibleItemFields(group, answers, item)) {
				validateField(sub, item.get(sub.id()), group.id() + "." + i + "." + sub.id(), context, errors);
			}
		}
	}

	public static Text itemLabel(Field group) {
		return (group.itemLabel() != null) ? group.itemLabel() : Text.of("Eintrag", "Entry");
	}

	private void validateField(Field field, @Nullable Object raw, String path, FieldError.@Nullable Item item,
			List<FieldError> errors) {
		switch (field.type()) {
			case DATE -> validateDate(field, Answers.parts(raw), path, item, errors);
			case ADDRESS -> validateAddress(field, Answers.parts(raw), path, item, errors);
			case MULTI_CHOICE -> {
				List<String> chosen = Answers.list(raw);
				List<String> codes = this.definition.options(field).stream().map(FormDefinition.Option::code).toList();
				int min = Objects.requireNonNullElse(field.minSelected(), field.required() ? 1 : 0);
				if (chosen.isEmpty() && field.required()) {
					errors.add(error(field, path, null, item, "required.multiChoice"));
				}
				else if (!codes.containsAll(chosen)) {
					errors.add(error(field, path, null, item, "choice.invalid"));
				}
				else if (!chosen.isEmpty() && chosen.size() < min) {
					errors.add(error(field, path, null, item, "multiChoice.min", min));
				}
				else if (field.maxSelected() != null && chosen.size() > field.maxSelected()) {
					errors.add(error(field, path, null, item, "multiChoice.max", field.maxSelected()));
				}
			}
			case FILE -> {
				List<String> files = Answers.list(raw);
				if (files.isEmpty() && field.required()) {
					errors.add(error(field, path, null, item, "required.file"));
				}
				else if (files.size() > maxFiles(field)) {
					errors.add(error(field, path, null, item, "file.tooMany", maxFiles(field)));
				}
			}
			case DECLARATION -> {
				if (!"true".equals(Answers.text(raw))) {
					errors.add(error(field, path, null, item, "required.declaration"));
				}
			}
			default -> validateText(field, Answers.text(raw).trim(), path, item, errors);
		}
	}

	public static int maxFiles(Field field) {
		return Objects.requireNonNullElse(field.maxFiles(), 5);
	}

	private void validateText(Field field, String text, String path, FieldError.@Nullable Item item,
			List<FieldError> errors) {
		if (text.isEmpty()) {
			if (field.required()) {
				String kind = switch (field.type()) {
					case CHOICE, YES_NO -> "required.choice";
					default -> "required.text";
				};
				errors.add(error(field, path, null, item, kind));
			}
			return;
		}
		String problem = null;
		Object[] arguments = new Object[0];
		switch (field.type()) {
			case TEXT, LONG_TEXT -> {
				int max = Objects.requireNonNullElse(field.maxLength(),
						(field.type() == FieldType.TEXT) ? DEFAULT_MAX_TEXT : DEFAULT_MAX_LONG_TEXT);
				if (field.minLength() != null && text.length() < field.minLength()) {
					problem = "text.tooShort";
					arguments = new Object[] { field.minLength() };
				}
				else if (text.length() > max) {
					problem = "text.tooLong";
					arguments = new Object[] { max };
				}
				else if (field.pattern() != null
						&& !PATTERNS.computeIfAbsent(field.pattern(), Pattern::compile).matcher(text).matches()) {
					if (field.patternMessage() != null) {
						errors.add(new FieldError(path, anchor(field, path), field.label(), item, null, new Object[0],
								field.patternMessage()));
						return;
					}
					problem = "text.pattern";
				}
			}
			case NUMBER, MONEY -> {
				BigDecimal number = InputFormats.number(text);
				int decimals = (field.type() == FieldType.MONEY) ? 2 : Objects.requireNonNullElse(field.decimals(), 0);
				if (number == null) {
					problem = (field.type() == FieldType.MONEY) ? "money.invalid" : "number.invalid";
				}
				else if (number.stripTrailingZeros().scale() > decimals) {
					problem = (decimals == 0) ? "number.whole" : "number.decimals";
					arguments = new Object[] { decimals };
				}
				else if (field.min() != null && number.compareTo(field.min()) < 0) {
					problem = "number.min";
					arguments = new Object[] { field.min() };
				}
				else if (field.max() != null && number.compareTo(field.max()) > 0) {
					problem = "number.max";
					arguments = new Object[] { field.max() };
				}
			}
			case EMAIL -> problem = InputFormats.isEmail(text) ? null : "email.invalid";
			case PHONE -> problem = InputFormats.isPhone(text) ? null : "phone.invalid";
			case POSTCODE -> problem = InputFormats.isPostcode(text) ? null : "postcode.invalid";
			case IBAN -> {
				String iban = InputFormats.ibanProblem(text);
				problem = (iban != null) ? "iban." + iban : null;
			}
			case YES_NO -> problem = (text.equals("yes") || text.equals("no")) ? null : "choice.invalid";
			case CHOICE ->
				problem = this.definition.options(field).stream().anyMatch((option) -> option.code().equals(text))
						? null : "choice.invalid";
			default -> {
			}
		}
		if (problem != null) {
			errors.add(error(field, path, null, item, problem, arguments));
		}
	}

	private void validateDate(Field field, Map<String, String> parts, String path, FieldError.@Nullable Item item,
			List<FieldError> errors) {
		boolean blank = parts.values().stream().allMatch((part) -> part == null || part.isBlank());
		String dayAnchor = anchorOf(path) + "-day";
		if (blank) {
			if (field.required()) {
				errors.add(error(field, path, dayAnchor, item, "required.date"));
			}
			return;
		}
		for (String part : List.of("day", "month", "year")) {
			if (parts.getOrDefault(part, "").isBlank()) {
				errors.add(error(field, path, anchorOf(path) + "-" + part, item, "date.missing." + part));
				return;
			}
		}
		LocalDate date = InputFormats.date(parts);
		if (date == null) {
			errors.add(error(field, path, dayAnchor, item, "date.invalid"));
			return;
		}
		LocalDate min = limit(field.minDate());
		LocalDate max = limit(field.maxDate());
		if (max != null && date.isAfter(max)) {
			errors.add("today".equals(field.maxDate()) ? error(field, path, dayAnchor, item, "date.future")
					: error(field, path, dayAnchor, item, "date.notAfter", GERMAN_DATE.format(max)));
		}
		else if (min != null && date.isBefore(min)) {
			errors.add("today".equals(field.minDate()) ? error(field, path, dayAnchor, item, "date.past")
					: error(field, path, dayAnchor, item, "date.notBefore", GERMAN_DATE.format(min)));
		}
	}

	private @Nullable LocalDate limit(@Nullable String value) {
		if (value == null) {
			return null;
		}
		return value.equals("today") ? this.today : LocalDate.parse(value);
	}

	private void validateAddress(Field field, Map<String, String> parts, String path, FieldError.@Nullable Item item,
			List<FieldError> errors) {
		boolean blank = parts.values().stream().allMatch((part) -> part == null || part.isBlank());
		if (blank && !field.required()) {
			return;
		}
		for (String part : List.of("street", "houseNumber", "postcode", "city")) {
			String value = parts.getOrDefault(part, "").trim();
			if (value.isEmpty()) {
				errors.add(error(field, path, anchorOf(path) + "-" + part, item, "address." + part));
			}
			else if (part.equals("postcode") && !InputFormats.isPostcode(value)) {
				errors.add(error(field, path, anchorOf(path) + "-" + part, item, "postcode.invalid"));
			}
			else if (value.length() > 100) {
				errors.add(error(field, path, anchorOf(path) + "-" + part, item, "text.tooLong", 100));
			}
		}
	}

	private FieldError error(Field field, String path, @Nullable String anchor, FieldError.@Nullable Item item,
			String key, Object... arguments) {
		return new FieldError(path, (anchor != null) ? anchor : anchor(field, path), field.label(), item,
				"forms.error." + key, arguments, null);
	}

	/** The id of the first input of a field, as the error summary links to it. */
	public static String anchor(Field field, String path) {
		String base = anchorOf(path);
		return switch (field.type()) {
			case DATE -> base + "-day";
			case ADDRESS -> base + "-street";
			case GROUP -> base + "-add";
			default -> base;
		};
	}

	public static String anchorOf(String path) {
		return path.replace('.', '-');
	}

	// ---- computed values ----

	/** The computed values (e.g. the fee), by id, rounded to cents for money. */
	public Map<String, BigDecimal> computedValues(Answers answers) {
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		Scope scope = scope(answers, null);
		for (Computed computed : this.definition.computed()) {
			Object value = parse(computed.expression()).evaluate(scope);
			if (value instanceof BigDecimal number) {
				values.put(computed.id(),
						computed.type().equals("money") ? number.setScale(2, RoundingMode.HALF_UP) : number);
			}
		}
		return values;
	}

	// ---- typed values for expressions ----

	/** The typed value of a raw answer, or null when it is empty or not valid. */
	public @Nullable Object typed(Field field, @Nullable Object raw) {
		switch (field.type()) {
			case NUMBER, MONEY:
				return InputFormats.number(Answers.text(raw));
			case DATE:
				return InputFormats.date(Answers.parts(raw));
			case YES_NO: {
				String text = Answers.text(raw);
				return text.equals("yes") ? Boolean.TRUE : (text.equals("no") ? Boolean.FALSE : null);
			}
			case DECLARATION:
				return "true".equals(Answers.text(raw));
			case MULTI_CHOICE:
			case FILE:
				return Answers.list(raw);
			case ADDRESS: {
				Map<String, String> parts = Answers.parts(raw);
				return parts.isEmpty() ? null : String.join(" ", parts.values());
			}
			case IBAN: {
				String text = Answers.text(raw).trim();
				return text.isEmpty() ? null : InputFormats.compactIban(text);
			}
			case GROUP:
				return (raw instanceof List<?> list) ? new ArrayList<>(list) : List.of();
			default: {
				String text = Answers.text(raw).trim();
				return text.isEmpty() ? null : text;
			}
		}
	}

	public Scope scope(Answers answers, @Nullable ItemContext item) {
		return new AnswerScope(answers, item);
	}

	private boolean condition(@Nullable String expression, Scope scope) {
		return expression == null || parse(expression).test(scope);
	}

	static Expression parse(String source) {
		return PARSED.computeIfAbsent(source, ExpressionParser::parse);
	}

	/**
	 * One entry of a group, for conditions that name its sibling fields.
	 *
	 * @param group the group
	 * @param values the entry's raw values
	 */
	public record ItemContext(Field group, Map<String, Object> values) {
	}

	/**
	 * A page with problems.
	 *
	 * @param page the page
	 * @param errors its problems
	 */
	public record PageProblems(Page page, List<FieldError> errors) {
	}

	private final class AnswerScope implements Scope {

		private final Answers answers;

		private final @Nullable ItemContext item;

		AnswerScope(Answers answers, @Nullable ItemContext item) {
			this.answers = answers;
			this.item = item;
		}

		@Override
		public @Nullable Object value(String name) {
			if (this.item != null) {
				Field sub = this.item.group().subField(name).orElse(null);
				if (sub != null) {
					return typed(sub, this.item.values().get(name));
				}
			}
			Field field = FormEngine.this.definition.field(name).orElse(null);
			if (field != null) {
				return typed(field, this.answers.get(name));
			}
			for (Computed computed : FormEngine.this.definition.computed()) {
				if (computed.id().equals(name)) {
					return parse(computed.expression()).evaluate(new AnswerScope(this.answers, null));
				}
			}
			String parameter = FormEngine.this.definition.parameterValue(name);
			if (parameter == null) {
				return null;
			}
			BigDecimal number = InputFormats.number(parameter);
			return (number != null) ? number : parameter;
		}

		@Override
		public List<@Nullable Object> column(String group, String fieldId) {
			Field field = FormEngine.this.definition.field(group).orElse(null);
			if (field == null) {
				return List.of();
			}
			Field sub = field.subField(fieldId).orElse(null);
			if (sub == null) {
				return List.of();
			}
			List<@Nullable Object> column = new ArrayList<>();
			for (Map<String, Object> entry : this.answers.items(group)) {
				column.add(typed(sub, entry.get(fieldId)));
			}
			return column;
		}

		@Override
		public LocalDate today() {
			return FormEngine.this.today;
		}

	}

}
