package de.amtsweg.notifications.internal;

/** Delivers rendered mails: over SMTP, or to the log when no server is configured. */
public interface MailTransport {

	void send(RenderedMail mail);

}
