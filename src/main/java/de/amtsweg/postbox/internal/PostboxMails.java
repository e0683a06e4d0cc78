package de.amtsweg.postbox.internal;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.amtsweg.accounts.CitizenAccounts;
import de.amtsweg.accounts.CitizenProfile;
import de.amtsweg.notifications.Email;
import de.amtsweg.notifications.EmailSender;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.postbox.internal.PostboxEvents.MessageWaiting;
import de.amtsweg.postbox.internal.PostboxEvents.ReplyReminderDue;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the applicant that a message is waiting, or that a reply-by date is near, after
 * the message was committed (outbox: retried until delivered). The mail names the org
 * unit and carries the link, never the message or its subject. A guest's link carries a
 * new token, made here so that the token never sits in the event registry.
 */
@Component
class PostboxMails {

	private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final PostboxRepository repository;

	private final GuestTokens tokens;

	private final CitizenAccounts accounts;

	private final OrgUnits orgUnits;

	private final Municipalities municipalities;

	private final EmailSender sender;

	private final AuditLog auditLog;

	private final String baseUrl;

	PostboxMails(PostboxRepository repository, GuestTokens tokens, CitizenAccounts accounts, OrgUnits orgUnits,
			Municipalities municipalities, EmailSender sender, AuditLog auditLog,
			@Value("${amtsweg.base-url}") String baseUrl) {
		this.repository = repository;
		this.tokens = tokens;
		this.accounts = accounts;
		this.orgUnits = orgUnits;
		this.municipalities = municipalities;
		this.sender = sender;
		this.auditLog = auditLog;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@ApplicationModuleListener
	void on(MessageWaiting event) {
		SystemActor.run(() -> send(event.threadId(), "message-waiting"));
	}

	@ApplicationModuleListener
	void on(ReplyReminderDue event) {
		SystemActor.run(() -> send(event.threadId(), "reply-reminder"));
	}

	private void send(java.util.UUID threadId, String template) {
		Optional<PostboxThread> found = this.repository.find(threadId);
		if (found.isEmpty()) {
			return;
		}
		PostboxThread thread = found.get();
		String to;
		Locale locale = Locale.GERMAN;
		String link;
		if (thread.citizenAccountId() != null) {
			Optional<CitizenProfile> profile = this.accounts.profile(thread.citizenAccountId());
			if (profile.isEmpty()) {
				return;
			}
			to = profile.get().email();
			locale = Locale.forLanguageTag(profile.get().preferredLanguage());
			link = this.baseUrl + "/konto/postfach/" + thread.id();
		}
		else if (thread.guestEmail() != null) {
			to = thread.guestEmail();
			link = this.baseUrl + "/postfach/gast?zugang=" + this.tokens.issue(thread.id());
		}
		else {
			// an organisation's thread whose author left: the members see it in their
			// postbox
			return;
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("link", link);
		variables.put("orgUnit", this.orgUnits.byId(thread.orgUnitId()).map(OrgUnit::name).orElse(""));
		variables.put("municipality",
				this.municipalities.byId(thread.municipalityId()).map(Municipality::name).orElse(""));
		variables.put("replyBy", (thread.replyBy() != null) ? GERMAN_DATE.format(thread.replyBy()) : "");
		this.sender.send(new Email(to, locale, "postbox/" + template, variables));
		this.auditLog.record("postbox.mail.sent", "postbox-thread", thread.id().toString(), thread.municipalityId(),
				template);
	}

}
