package de.amtsweg.forms.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import de.amtsweg.forms.internal.Answers;
import de.amtsweg.forms.internal.FieldError;
import de.amtsweg.forms.internal.FormEngine;
import de.amtsweg.forms.internal.definition.FormDefinition;
import de.amtsweg.forms.internal.definition.FormDefinition.Field;
import de.amtsweg.forms.internal.definition.FormDefinition.Page;
import de.amtsweg.forms.internal.definition.Text;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a page of a definition with its answers and problems into what templates show.
 */
@Component
class FieldViews {

	private static final int RADIOS_UP_TO = 7;

	private final MessageSource messages;

	FieldViews(MessageSource messages) {
		this.messages = messages;
	}

	List<FieldView> page(FormEngine engine, Page page, Answers answers, List<FieldError> errors, Locale locale,
			Function<String, FieldView.FileView> files) {
		Map<String, String> messagesByPath = new LinkedHashMap<>();
		for (ErrorLinkWithPath error : links(errors, locale)) {
			messagesByPath.putIfAbsent(error.path(), error.link().message());
		}
		List<FieldView> views = new ArrayList<>();
		for (Field field : engine.visibleFields(page, answers)) {
			views
				.add(field(engine, field, field.id(), answers.get(field.id()), answers, messagesByPath, locale, files));
		}
		return views;
	}

	List<ErrorLink> summary(List<FieldError> errors, Locale locale) {
		return links(errors, locale).stream().map(ErrorLinkWithPath::link).toList();
	}

	String message(FieldError error, Locale locale) {
		String label = error.label().in(locale);
		if (error.item() != null) {
			label = this.messages.getMessage("forms.error.item",
					new Object[] { label, error.item().label().in(locale), error.item().number() }, locale);
		}
		if (error.custom() != null) {
			return error.custom().in(locale);
		}
		Object[] arguments = new Object[error.arguments().length + 1];
		arguments[0] = label;
		System.arraycopy(error.arguments(), 0, arguments, 1, error.arguments().length);
		return this.messages.getMessage(error.messageKey(), arguments, locale);
	}

	private List<ErrorLinkWithPath> links(List<FieldError> errors, Locale locale) {
		return errors.stream()
			.map((error) -> new ErrorLinkWithPath(error.path(), new ErrorLink(error.anchor(), message(error, locale))))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private FieldView field(FormEngine engine, Field field, String path, @Nullable Object raw, Answers answers,
			Map<String, String> errors, Locale locale, Function<String, FieldView.FileView> files) {
		FormDefinition definition = engine.definition();
		String id = FormEngine.anchorOf(path);
		String label = field.label().in(locale);
		String hint = text(field.hint(), locale);
		boolean optional = !field.required();
		String error = errors.get(path);
		List<FieldView.Choice> options = new ArrayList<>();
		String widget;
		String inputType = "text";
		String autocomplete = "off";
		String width = "";
		List<FieldView.ItemView> items = List.of();
		boolean canAdd = false;
		List<FieldView.FileView> uploaded = List.of();
		String accept = "";
		String acceptHint = "";
		switch (field.type()) {
			case LONG_TEXT -> widget = "textarea";
			case DATE -> widget = "date";
			case ADDRESS -> widget = "address";
			case YES_NO -> {
				widget = "radios";
				options.add(new FieldView.Choice("yes", message("form.yes", locale)));
				options.add(new FieldView.Choice("no", message("form.no", locale)));
			}
			case CHOICE -> {
				definition.options(field)
					.forEach((option) -> options.add(new FieldView.Choice(option.code(), option.label().in(locale))));
				boolean select = "select".equals(field.display())
						|| (field.display() == null && options.size() > RADIOS_UP_TO);
				widget = select ? "select" : "radios";
			}
			case MULTI_CHOICE -> {
				widget = "checkboxes";
				definition.options(field)
					.forEach((option) -> options.add(new FieldView.Choice(option.code(), option.label().in(locale))));
			}
			case DECLARATION -> widget = "declaration";
			case FILE -> {
				widget = "file";
				uploaded = Answers.list(raw).stream().map(files).toList();
				List<String> kinds = field.accept().isEmpty() ? List.of("pdf", "jpeg", "png") : field.accept();
				accept = String.join(",", kinds.stream().map(FieldViews::mediaType).toList());
				acceptHint = message("forms.file.accepts", locale,
						String.join(", ", kinds.stream().map((kind) -> kind.toUpperCase(Locale.ROOT)).toList()),
						(field.maxSizeKb() != null) ? field.maxSizeKb() / 1024.0 : 10, FormEngine.maxFiles(field));
			}
			case GROUP -> {
				widget = "group";
				List<FieldView.ItemView> views = new ArrayList<>();
				List<Map<String, Object>> entries = answers.items(field.id());
				int min = (field.minItems() != null) ? field.minItems() : 1;
				for (int i = 0; i < entries.size(); i++) {
					Map<String, Object> entry = entries.get(i);
					List<FieldView> subViews = new ArrayList<>();
					for (Field sub : engine.visibleItemFields(field, answers, entry)) {
						subViews.add(field(engine, sub, path + "." + i + "." + sub.id(), entry.get(sub.id()), answers,
								errors, locale, files));
					}
					views.add(new FieldView.ItemView(i, FormEngine.itemLabel(field).in(locale) + " " + (i + 1),
							subViews, entries.size() > min));
				}
				items = views;
				canAdd = field.maxItems() == null || entries.size() < field.maxItems();
			}
			default -> {
				widget = "input";
				switch (field.type()) {
					case EMAIL -> {
						inputType = "email";
						autocomplete = "email";
					}
					case PHONE -> {
						inputType = "tel";
						autocomplete = "tel";
					}
					case NUMBER -> width = "input--width-5";
					case MONEY -> width = "input--width-10";
					case POSTCODE -> {
						width = "input--width-5";
						autocomplete = "postal-code";
					}
					default -> {
					}
				}
				if (field.prefill() != null) {
					autocomplete = switch (field.prefill()) {
						case "givenName" -> "given-name";
						case "familyName" -> "family-name";
						case "fullName" -> "name";
						default -> autocomplete;
					};
				}
			}
		}
		Map<String, String> parts = (raw instanceof Map<?, ?>) ? (Map<String, String>) raw : Map.of();
		List<String> selected = listOf(raw);
		String value = (raw instanceof String text) ? text : "";
		return new FieldView(widget, inputType, path, id, label, hint, optional, value, parts, selected,
				List.copyOf(options), error, autocomplete, width, items, canAdd, uploaded, accept, acceptHint);
	}

	private static List<String> listOf(@Nullable Object raw) {
		if (raw instanceof List<?> list) {
			return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
		}
		return (raw instanceof String text && !text.isEmpty()) ? List.of(text) : List.of();
	}

	private static String mediaType(String kind) {
		return switch (kind) {
			case "pdf" -> "application/pdf";
			case "jpeg" -> "image/jpeg";
			default -> "image/png";
		};
	}

	private @Nullable String text(@Nullable Text text, Locale locale) {
		return (text != null) ? text.in(locale) : null;
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	private record ErrorLinkWithPath(String path, ErrorLink link) {
	}

}
