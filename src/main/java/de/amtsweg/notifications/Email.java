package de.amtsweg.notifications;

import java.util.List;
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
 * @param attachments files sent along, e.g. an iCalendar file
 */
public record Email(String to, Locale locale, String template, Map<String, Object> variables,
		List<Attachment> attachments) {

	public Email {
		variables = Map.copyOf(variables);
		attachments = List.copyOf(attachments);
	}

	public Email(String to, Locale locale, String template, Map<String, Object> variables) {
		this(to, locale, template, variables, List.of());
	}

	/**
	 * A file attached to a mail.
	 *
	 * @param fileName name the recipient sees, e.g. {@code termin.ics}
	 * @param contentType media type, e.g. {@code text/calendar; charset=UTF-8}
	 * @param content the bytes
	 */
	public record Attachment(String fileName, String contentType, byte[] content) {

	}

}
