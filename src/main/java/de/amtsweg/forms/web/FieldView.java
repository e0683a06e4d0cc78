package de.amtsweg.forms.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One question as the page template shows it; built from the definition, the answers and
 * the problems, all texts already in the reader's language.
 *
 * @param widget how it is shown: input, textarea, date, address, radios, select,
 * checkboxes, declaration, file, group
 * @param inputType HTML type of an input: text, email, tel
 * @param name the name of the posted value (parts add {@code .day}, {@code .street} …)
 * @param id the id of the first input (the error summary links to it)
 * @param label the question
 * @param hint help under the question
 * @param optional whether it may stay empty
 * @param value the value of a single input
 * @param parts the values of a date's or address's parts
 * @param selected the chosen options
 * @param options the options of a choice
 * @param error the problem, if any
 * @param autocomplete HTML autocomplete token
 * @param widthClass CSS class of the input's width, if narrower than full
 * @param items the entries of a group
 * @param canAdd whether another entry may be added to a group
 * @param files the uploaded files of a file field
 * @param accept media types a file field takes (HTML accept)
 * @param acceptHint the file kinds and largest size, for people
 */
public record FieldView(String widget, String inputType, String name, String id, String label, @Nullable String hint,
		boolean optional, String value, Map<String, String> parts, List<String> selected, List<Choice> options,
		@Nullable String error, String autocomplete, String widthClass, List<ItemView> items, boolean canAdd,
		List<FileView> files, String accept, String acceptHint) {

	public boolean isSelected(String option) {
		return this.selected.contains(option);
	}

	public List<String> dateParts() {
		return List.of("day", "month", "year");
	}

	public List<String> addressParts() {
		return List.of("street", "houseNumber", "postcode", "city");
	}

	public String part(String part) {
		String value = (part != null) ? this.parts.get(part) : null;
		return (value != null) ? value : "";
	}

	/** Ids of hint and error, for aria-describedby. */
	public String describedBy() {
		String ids = ((this.hint != null) ? this.id + "-hint " : "") + ((this.error != null) ? this.id + "-error" : "");
		return ids.trim();
	}

	/**
	 * @param value the stored code
	 * @param label what the applicant sees
	 */
	public record Choice(String value, String label) {
	}

	/**
	 * One entry of a group.
	 *
	 * @param index position from 0
	 * @param heading e.g. "Hund 2"
	 * @param fields its questions
	 * @param removable whether it may be removed
	 */
	public record ItemView(int index, String heading, List<FieldView> fields, boolean removable) {
	}

	/**
	 * An uploaded file.
	 *
	 * @param id the upload
	 * @param name its file name
	 * @param size its size for people, e.g. "120 KB"
	 */
	public record FileView(String id, String name, String size) {
	}

}
