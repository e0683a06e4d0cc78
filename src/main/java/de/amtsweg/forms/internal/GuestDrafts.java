package de.amtsweg.forms.internal;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.amtsweg.notifications.Email;
import de.amtsweg.notifications.EmailSender;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Sha256;
import de.amtsweg.platform.SystemActor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saving a guest's draft for later: the guest gives an e-mail address and gets a secret
 * link that opens the draft again in any browser. Only the link's hash is stored.
 */
@Service
public class GuestDrafts {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy")
		.withZone(ZoneId.of("Europe/Berlin"));

	private final DraftRepository drafts;

	private final FormDefinitions definitions;

	private final EmailSender mail;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	private final String baseUrl;

	GuestDrafts(DraftRepository drafts, FormDefinitions definitions, EmailSender mail, ApplicationEventPublisher events,
			AuditLog auditLog, @Value("${amtsweg.base-url}") String baseUrl) {
		this.drafts = drafts;
		this.definitions = definitions;
		this.mail = mail;
		this.events = events;
		this.auditLog = auditLog;
		this.baseUrl = baseUrl;
	}

	/** Stores the address and has the resume link sent (after commit, retried). */
	@Transactional
	public void saveForLater(FormFilling.Loaded loaded, String email, Locale locale) {
		String address = email.trim();
		if (!InputFormats.isEmail(address)) {
			throw InvalidInputException.of("email", "forms.guest.email.invalid");
		}
		this.drafts.setGuestEmail(loaded.draft().id(), address);
		this.auditLog.record("form-draft.saved-for-later", "form-draft", loaded.draft().id().toString(),
				loaded.draft().municipalityId(), loaded.version().key());
		this.events.publishEvent(new GuestDraftSaved(loaded.draft().id(), locale.getLanguage()));
	}

	@ApplicationModuleListener
	void sendResumeLink(GuestDraftSaved event) {
		SystemActor.run(() -> this.drafts.find(event.draftId()).ifPresent((draft) -> {
			if (draft.guestEmail() == null) {
				return;
			}
			// A new token on every delivery attempt: the one in the mail that arrives
			// works.
			String token = newToken();
			this.drafts.setResumeTokenHash(draft.id(), hash(token));
			FormVersion version = this.definitions.version(draft.formVersionId()).orElseThrow();
			Locale locale = Locale.forLanguageTag(event.language());
			this.mail.send(new Email(draft.guestEmail(), locale, "forms/resume-link",
					Map.of("link", this.baseUrl + "/antrag/fortsetzen/" + token, "formTitle",
							version.definition().title().in(locale), "expiresOn", DAY.format(draft.expiresAt()))));
			this.auditLog.record("form-draft.resume-link-sent", "form-draft", draft.id().toString(),
					draft.municipalityId(), version.key());
		}));
	}

	/** The draft behind a resume link, if the link is valid and the draft not expired. */
	public Optional<Draft> byToken(String token) {
		if (token.length() > 100) {
			return Optional.empty();
		}
		return this.drafts.findByResumeTokenHash(hash(token));
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		return Sha256.hex(token);
	}

}
