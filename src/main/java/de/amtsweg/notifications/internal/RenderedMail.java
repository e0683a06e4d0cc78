package de.amtsweg.notifications.internal;

import java.util.List;

import de.amtsweg.notifications.Email.Attachment;

/**
 * A mail ready to go.
 *
 * @param to recipient
 * @param subject subject line
 * @param text plain-text body
 * @param attachments files sent along
 */
public record RenderedMail(String to, String subject, String text, List<Attachment> attachments) {

	public RenderedMail(String to, String subject, String text) {
		this(to, subject, text, List.of());
	}

}
