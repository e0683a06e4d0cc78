package de.amtsweg.notifications;

import de.amtsweg.notifications.internal.MailTransport;
import de.amtsweg.notifications.internal.RenderedMail;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders and sends e-mails. Call it from an {@code @ApplicationModuleListener} (after
 * commit, retried until it succeeds), never inside a request's transaction.
 */
@Service
public class EmailSender {

	private final ITemplateEngine mailTemplates;

	private final MessageSource messages;

	private final MailTransport transport;

	public EmailSender(ITemplateEngine mailTemplateEngine, MessageSource messages, MailTransport transport) {
		this.mailTemplates = mailTemplateEngine;
		this.messages = messages;
		this.transport = transport;
	}

	public void send(Email email) {
		Context context = new Context(email.locale(), email.variables());
		String text = this.mailTemplates.process(email.template(), context);
		String subject = this.messages.getMessage("mail." + email.template().replace('/', '.') + ".subject",
				email.variables().values().toArray(), email.locale());
		this.transport.send(new RenderedMail(email.to(), subject, text, email.attachments()));
	}

}
