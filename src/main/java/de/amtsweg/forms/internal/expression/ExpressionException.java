package de.amtsweg.forms.internal.expression;

/** An expression that cannot be read or computed; the message says where and why. */
public class ExpressionException extends RuntimeException {

	public ExpressionException(String message) {
		super(message);
	}

}
