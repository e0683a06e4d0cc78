package de.amtsweg.forms.internal.definition;

/**
 * Something wrong with a form definition.
 *
 * @param location where, as a JSON pointer such as {@code /pages/0/fields/2/type}, empty
 * for the whole definition
 * @param message what is wrong and how to fix it, in the reader's language
 */
public record DefinitionProblem(String location, String message) {

	@Override
	public String toString() {
		return (this.location.isEmpty() ? "" : this.location + ": ") + this.message;
	}

}
