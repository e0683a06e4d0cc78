package de.amtsweg.notifications;

import java.util.Locale;
import java.util.Map;

/**
 * An e-mail to send, by template.
 *
 * @param to recipient address
 * @param locale language of the mail
 * @param template template under {@code templates/mail/}, e.g.
 * {@code accounts/confirm-email}; the file {@code <template>.txt} holds the text and the
 * message key {@code mail.<template
 * with / replaced by .>.subject} the subject
 * @param variables values for the template
 */
public record Email(String to, Locale locale, String template, Map<String, Object> variables) {

	public Email {
		variables = Map.copyOf(variables);
	}

}
