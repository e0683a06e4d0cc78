package de.amtsweg.queue.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import de.amtsweg.notifications.Email;
import de.amtsweg.notifications.EmailSender;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.SystemActor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the "nearly your turn" e-mail: the ticket number and the link to the ticket page,
 * nothing else. Runs after the call's commit through the event registry, so a failed
 * delivery is retried.
 */
@Component
class NearlyDueMail {

	private final TicketLine line;

	private final EmailSender mail;

	private final AuditLog auditLog;

	private final String baseUrl;

	NearlyDueMail(TicketLine line, EmailSender mail, AuditLog auditLog, @Value("${amtsweg.base-url}") String baseUrl) {
		this.line = line;
		this.mail = mail;
		this.auditLog = auditLog;
		this.baseUrl = baseUrl;
	}

	@ApplicationModuleListener
	void turnNear(TicketTurnNear event) {
		SystemActor.run(() -> this.line.byId(event.ticketId()).ifPresent((ticket) -> {
			if (ticket.email() == null) {
				return;
			}
			Locale locale = Locale.forLanguageTag(this.line.emailLanguage(ticket.id()).orElse("de"));
			// ordered: the subject's first argument is the number
			Map<String, Object> variables = new LinkedHashMap<>();
			variables.put("number", ticket.displayNumber());
			variables.put("link", this.baseUrl + "/aufruf/wartemarke/" + ticket.token());
			this.mail.send(new Email(ticket.email(), locale, "queue/nearly-due", variables));
			this.auditLog.record("queue.ticket.email-sent", "queue_ticket", ticket.id().toString(),
					ticket.municipalityId(), "");
		}));
	}

}
