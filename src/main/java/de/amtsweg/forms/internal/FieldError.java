package de.amtsweg.forms.internal;

import de.amtsweg.forms.internal.definition.Text;
import org.jspecify.annotations.Nullable;

/**
 * A problem with one answer.
 *
 * @param path the field's path, e.g. {@code dogs.1.name}
 * @param anchor the id of the input to focus, e.g. {@code dogs-1-name} or
 * {@code birth-day}
 * @param label the question
 * @param item the entry of a group it belongs to (label and number), if any
 * @param messageKey message of the forms bundle (label first argument), or null when
 * {@code custom} says it
 * @param arguments further arguments of the message
 * @param custom the definition's own message (rules, patterns)
 */
public record FieldError(String path, String anchor, Text label, @Nullable Item item, @Nullable String messageKey,
		Object[] arguments, @Nullable Text custom) {

	/**
	 * @param label heading of the group's entries
	 * @param number position, from 1
	 */
	public record Item(Text label, int number) {
	}

}
