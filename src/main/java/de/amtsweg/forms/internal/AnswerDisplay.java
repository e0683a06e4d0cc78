package de.amtsweg.forms.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import de.amtsweg.forms.internal.definition.FormDefinition;
import de.amtsweg.forms.internal.definition.FormDefinition.Field;
import de.amtsweg.forms.internal.definition.FormDefinition.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * The answers as people read them: on the check-your-answers page, the receipt and in
 * previews. Dates as 27.03.2007, amounts as 12,50 €, choices by their labels.
 */
public final class AnswerDisplay {

	private final FormEngine engine;

	private final MessageSource messages;

	private final Locale locale;

	private final Function<String, String> fileName;

	public AnswerDisplay(FormEngine engine, MessageSource messages, Locale locale, Function<String, String> fileName) {
		this.engine = engine;
		this.messages = messages;
		this.locale = locale;
		this.fileName = fileName;
	}

	/** One section per visible page with its answered questions. */
	public List<Section> sections(Answers answers) {
		List<Section> sections = new ArrayList<>();
		for (Page page : this.engine.visiblePages(answers)) {
			List<Row> rows = new ArrayList<>();
			for (Field field : this.engine.visibleFields(page, answers)) {
				if (field.isGroup()) {
					List<Map<String, Object>> items = answers.items(field.id());
					for (int i = 0; i < items.size(); i++) {
						List<String> lines = new ArrayList<>();
						for (Field sub : this.engine.visibleItemFields(field, answers, items.get(i))) {
							String value = value(sub, items.get(i).get(sub.id()));
							if (!value.isEmpty()) {
								lines.add(sub.label().in(this.locale) + ": " + value);
							}
						}
						rows.add(new Row(FormEngine.itemLabel(field).in(this.locale) + " " + (i + 1), lines,
								FormEngine.anchorOf(field.id() + "." + i)));
					}
					if (items.isEmpty()) {
						rows.add(new Row(field.label().in(this.locale), List.of(text("forms.answer.none")),
								FormEngine.anchor(field, field.id())));
					}
				}
				else {
					String value = value(field, answers.get(field.id()));
					rows.add(new Row(field.label().in(this.locale),
							List.of(value.isEmpty() ? text("forms.answer.none") : value),
							FormEngine.anchor(field, field.id())));
				}
			}
			sections.add(new Section(page.id(), page.title().in(this.locale), rows));
		}
		return sections;
	}

	/** The computed values with their labels, e.g. "Gebühr: 36,00 €". */
	public List<Row> computed(Answers answers) {
		Map<String, BigDecimal> values = this.engine.computedValues(answers);
		return computed(values);
	}

	public List<Row> computed(Map<String, BigDecimal> values) {
		List<Row> rows = new ArrayList<>();
		for (FormDefinition.Computed computed : this.engine.definition().computed()) {
			BigDecimal value = values.get(computed.id());
			if (value != null) {
				rows.add(new Row(computed.label().in(this.locale),
						List.of(computed.type().equals("money") ? money(value) : number(value)), computed.id()));
			}
		}
		return rows;
	}

	public String value(Field field, @Nullable Object raw) {
		switch (field.type()) {
			case DATE: {
				var date = InputFormats.date(Answers.parts(raw));
				return (date != null) ? FormEngine.GERMAN_DATE.format(date) : "";
			}
			case ADDRESS: {
				Map<String, String> parts = Answers.parts(raw);
				if (parts.values().stream().allMatch((part) -> part == null || part.isBlank())) {
					return "";
				}
				return (parts.getOrDefault("street", "") + " " + parts.getOrDefault("houseNumber", "")).trim() + ", "
						+ (parts.getOrDefault("postcode", "") + " " + parts.getOrDefault("city", "")).trim();
			}
			case YES_NO: {
				String text = Answers.text(raw);
				return text.equals("yes") ? text("form.yes") : (text.equals("no") ? text("form.no") : "");
			}
			case DECLARATION:
				return "true".equals(Answers.text(raw)) ? text("forms.answer.confirmed") : "";
			case CHOICE:
				return label(field, Answers.text(raw));
			case MULTI_CHOICE:
				return String.join(", ", Answers.list(raw).stream().map((code) -> label(field, code)).toList());
			case FILE:
				return String.join(", ", Answers.list(raw).stream().map(this.fileName).toList());
			case MONEY: {
				BigDecimal amount = InputFormats.number(Answers.text(raw));
				return (amount != null) ? money(amount) : Answers.text(raw);
			}
			case IBAN:
				return Answers.text(raw).isBlank() ? "" : InputFormats.formatIban(Answers.text(raw));
			default:
				return Answers.text(raw).trim();
		}
	}

	private String label(Field field, String code) {
		return this.engine.definition()
			.options(field)
			.stream()
			.filter((option) -> option.code().equals(code))
			.map((option) -> option.label().in(this.locale))
			.findFirst()
			.orElse(code);
	}

	public String money(BigDecimal amount) {
		NumberFormat format = NumberFormat.getNumberInstance(Locale.GERMANY);
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(2);
		return format.format(amount) + " €";
	}

	private String number(BigDecimal value) {
		return NumberFormat.getNumberInstance(Locale.GERMANY).format(value);
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, this.locale);
	}

	/**
	 * The answers of one page.
	 *
	 * @param pageId the page
	 * @param title its title
	 * @param rows its answers
	 */
	public record Section(String pageId, String title, List<Row> rows) {
	}

	/**
	 * One answer.
	 *
	 * @param label the question
	 * @param lines the answer, one or more lines
	 * @param anchor the input the change link leads to
	 */
	public record Row(String label, List<String> lines, String anchor) {
	}

}
