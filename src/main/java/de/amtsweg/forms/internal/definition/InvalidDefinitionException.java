package de.amtsweg.forms.internal.definition;

import java.util.List;

/** A form definition that breaks the schema or the form's own logic. */
public class InvalidDefinitionException extends RuntimeException {

	private final List<DefinitionProblem> problems;

	public InvalidDefinitionException(List<DefinitionProblem> problems) {
		super("Invalid form definition: " + problems);
		this.problems = List.copyOf(problems);
	}

	public List<DefinitionProblem> problems() {
		return this.problems;
	}

}
