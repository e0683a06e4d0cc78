package de.amtsweg.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Input a service refuses, with one message per field. Pages show each message next to
 * its field and in the error summary; APIs answer with a problem detail listing them.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInputException(List<FieldProblem> problems) {
		super("Invalid input: " + problems);
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("An invalid input needs at least one problem");
		}
		this.problems = List.copyOf(problems);
	}

	public static InvalidInputException of(String field, String messageKey, Object... arguments) {
		return new InvalidInputException(List.of(new FieldProblem(field, messageKey, arguments)));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	/**
	 * Copies the problems into a page's binding result, so the form fragments show them.
	 */
	public void addTo(BindingResult result) {
		for (FieldProblem problem : this.problems) {
			if (problem.field().isEmpty()) {
				result.reject(problem.messageKey(), problem.arguments(), problem.messageKey());
			}
			else {
				result.rejectValue(problem.field(), problem.messageKey(), problem.arguments(), problem.messageKey());
			}
		}
	}

	/**
	 * One problem.
	 *
	 * @param field the field's name as in the page's form record, empty for the whole
	 * input
	 * @param messageKey key of the message in the bundles
	 * @param arguments arguments of the message
	 */
	public record FieldProblem(String field, String messageKey, Object... arguments) {

		@Override
		public String toString() {
			return this.field + ": " + this.messageKey;
		}

	}

	/** Collects problems and throws them together. */
	public static final class Collector {

		private final List<FieldProblem> problems = new ArrayList<>();

		public Collector add(String field, String messageKey, Object... arguments) {
			this.problems.add(new FieldProblem(field, messageKey, arguments));
			return this;
		}

		public boolean isEmpty() {
			return this.problems.isEmpty();
		}

		public void throwIfAny() {
			if (!this.problems.isEmpty()) {
				throw new InvalidInputException(this.problems);
			}
		}

	}

}
