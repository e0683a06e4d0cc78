package de.amtsweg.forms.internal.definition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A form as its JSON definition describes it (see
 * {@code docs/forms/form-definition.schema.json}). Everything but {@link #local()} is the
 * shared part that another municipality can take over unchanged; {@code local} holds what
 * each municipality supplements: responsible unit, fee parameters, own texts.
 *
 * @param key stable name, used in paths ({@code /antrag/<key>})
 * @param title title
 * @param summary what the form is for, shown on the start page
 * @param beforeYouStart what the applicant needs at hand
 * @param pages the pages in order
 * @param codeLists named lists of options
 * @param rules cross-field rules
 * @param computed computed values such as the fee
 * @param parameters values each municipality sets (e.g. fee per copy)
 * @param local the municipality's supplements
 */
public record FormDefinition(String key, Text title, @Nullable Text summary, List<Text> beforeYouStart,
		List<Page> pages, Map<String, List<Option>> codeLists, List<Rule> rules, List<Computed> computed,
		List<Parameter> parameters, Local local) {

	/**
	 * The code list a form need not define: the org units of the municipality that
	 * publishes it (code: the unit's key). A form that asks for a unit from it goes to
	 * the chosen unit.
	 */
	public static final String ORG_UNITS = "orgUnits";

	public Optional<Page> page(String id) {
		return this.pages.stream().filter((page) -> page.id().equals(id)).findFirst();
	}

	/** All top-level fields of all pages in order. */
	public List<Field> fields() {
		List<Field> all = new ArrayList<>();
		this.pages.forEach((page) -> all.addAll(page.fields()));
		return all;
	}

	public Optional<Field> field(String id) {
		return fields().stream().filter((field) -> field.id().equals(id)).findFirst();
	}

	/** The page that holds a top-level field. */
	public Optional<Page> pageOf(String fieldId) {
		return this.pages.stream()
			.filter((page) -> page.fields().stream().anyMatch((field) -> field.id().equals(fieldId)))
			.findFirst();
	}

	public List<Option> options(Field field) {
		return (field.codeList() != null) ? this.codeLists.getOrDefault(field.codeList(), List.of()) : List.of();
	}

	/**
	 * Whether a field (also one inside a group) takes its options from this code list.
	 */
	public boolean usesCodeList(String name) {
		return fields().stream()
			.flatMap((field) -> field.isGroup() ? field.fields().stream() : java.util.stream.Stream.of(field))
			.anyMatch((field) -> name.equals(field.codeList()));
	}

	/** The same definition with one more (or a replaced) code list. */
	public FormDefinition withCodeList(String name, List<Option> options) {
		Map<String, List<Option>> lists = new java.util.LinkedHashMap<>(this.codeLists);
		lists.put(name, List.copyOf(options));
		return new FormDefinition(this.key, this.title, this.summary, this.beforeYouStart, this.pages,
				java.util.Collections.unmodifiableMap(lists), this.rules, this.computed, this.parameters, this.local);
	}

	/** A parameter's value: the municipality's, else the shared default. */
	public @Nullable String parameterValue(String id) {
		String local = this.local.parameters().get(id);
		if (local != null) {
			return local;
		}
		return this.parameters.stream()
			.filter((parameter) -> parameter.id().equals(id))
			.map(Parameter::defaultValue)
			.findFirst()
			.orElse(null);
	}

	/**
	 * One page: one topic.
	 *
	 * @param id stable name, used in paths
	 * @param title heading
	 * @param hint text under the heading
	 * @param showIf condition; the page is skipped when false
	 * @param fields the questions
	 */
	public record Page(String id, Text title, @Nullable Text hint, @Nullable String showIf, List<Field> fields) {
	}

	/**
	 * One question (or a repeatable group of questions).
	 *
	 * @param id name, unique in the form (within a group: unique in the group)
	 * @param type the kind of field
	 * @param label the question
	 * @param hint help under the question
	 * @param required whether it must be answered (declarations and groups: always)
	 * @param showIf condition; the field is left out when false
	 * @param minLength shortest text
	 * @param maxLength longest text
	 * @param pattern regular expression the whole text must match
	 * @param patternMessage what to say when it does not
	 * @param min smallest number or amount
	 * @param max largest number or amount
	 * @param decimals decimal places a number may have
	 * @param minDate earliest date: ISO date or {@code today}
	 * @param maxDate latest date: ISO date or {@code today}
	 * @param codeList the options of a choice
	 * @param display how a single choice is shown: {@code radios} or {@code select}
	 * @param minSelected fewest options of a multiple choice
	 * @param maxSelected most options of a multiple choice
	 * @param accept file kinds a file field takes: {@code pdf}, {@code jpeg}, {@code png}
	 * @param maxFiles most files
	 * @param maxSizeKb largest file
	 * @param minItems fewest entries of a group
	 * @param maxItems most entries of a group
	 * @param itemLabel heading of each entry of a group
	 * @param fields the fields of each entry of a group
	 * @param prefill what to fill in from the citizen's account
	 */
	public record Field(String id, FieldType type, Text label, @Nullable Text hint, boolean required,
			@Nullable String showIf, @Nullable Integer minLength, @Nullable Integer maxLength, @Nullable String pattern,
			@Nullable Text patternMessage, @Nullable BigDecimal min, @Nullable BigDecimal max,
			@Nullable Integer decimals, @Nullable String minDate, @Nullable String maxDate, @Nullable String codeList,
			@Nullable String display, @Nullable Integer minSelected, @Nullable Integer maxSelected, List<String> accept,
			@Nullable Integer maxFiles, @Nullable Integer maxSizeKb, @Nullable Integer minItems,
			@Nullable Integer maxItems, @Nullable Text itemLabel, List<Field> fields, @Nullable String prefill) {

		public boolean isGroup() {
			return this.type == FieldType.GROUP;
		}

		public Optional<Field> subField(String id) {
			return this.fields.stream().filter((field) -> field.id().equals(id)).findFirst();
		}

	}

	/**
	 * One option of a code list.
	 *
	 * @param code the stored value
	 * @param label what the applicant sees
	 */
	public record Option(String code, Text label) {
	}

	/**
	 * A rule across fields, e.g. "date of death after date of birth".
	 *
	 * @param id name
	 * @param check expression that must be true
	 * @param when expression; the rule applies only when true
	 * @param field the field whose answer the message is attached to
	 * @param message what to say, and how to fix it
	 */
	public record Rule(String id, String check, @Nullable String when, String field, Text message) {
	}

	/**
	 * A value computed from the answers, e.g. the fee.
	 *
	 * @param id name, usable in expressions after it
	 * @param label shown on the check page and the receipt
	 * @param type {@code money} or {@code number}
	 * @param expression how to compute it
	 */
	public record Computed(String id, Text label, String type, String expression) {
	}

	/**
	 * A value each municipality sets, e.g. the fee per copy.
	 *
	 * @param id name, usable in expressions
	 * @param label what it means
	 * @param type {@code money}, {@code number} or {@code text}
	 * @param defaultValue used when the municipality sets none
	 */
	public record Parameter(String id, Text label, String type, @Nullable String defaultValue) {
	}

	/**
	 * What a municipality supplements to a (shared) form.
	 *
	 * @param responsibleUnit key of the org unit that receives the submissions
	 * @param parameters values of the parameters
	 * @param intro an own text on the start page
	 * @param contact how to reach the responsible unit
	 * @param afterSubmit what happens after submission
	 * @param feePayment when the computed fee is paid: {@code after} submission (default:
	 * a claim follows the submission) or {@code before} it counts (held until paid)
	 */
	public record Local(@Nullable String responsibleUnit, Map<String, String> parameters, @Nullable Text intro,
			@Nullable Text contact, @Nullable Text afterSubmit, @Nullable String feePayment) {

		/** {@link #feePayment()} of a fee that is paid before the submission counts. */
		public static final String FEE_BEFORE = "before";

		public static Local empty() {
			return new Local(null, Map.of(), null, null, null, null);
		}

		/** Whether the fee is paid before the submission counts. */
		public boolean feeBeforeSubmission() {
			return FEE_BEFORE.equals(this.feePayment);
		}

	}

}
