package de.amtsweg.forms.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.amtsweg.accounts.CitizenAccounts;
import de.amtsweg.accounts.CitizenProfile;
import de.amtsweg.forms.FormSubmitted;
import de.amtsweg.forms.internal.definition.FieldType;
import de.amtsweg.notifications.Email;
import de.amtsweg.notifications.EmailSender;
import de.amtsweg.platform.SystemActor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the applicant by e-mail that the receipt is ready, with the reference number and
 * no other personal data: to the account's address, or for a guest to the e-mail address
 * the form asked for.
 */
@Component
class ReceiptNotice {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm")
		.withZone(ZoneId.of("Europe/Berlin"));

	private final FormFilling filling;

	private final CitizenAccounts accounts;

	private final EmailSender mail;

	private final String baseUrl;

	ReceiptNotice(FormFilling filling, CitizenAccounts accounts, EmailSender mail,
			@Value("${amtsweg.base-url}") String baseUrl) {
		this.filling = filling;
		this.accounts = accounts;
		this.mail = mail;
		this.baseUrl = baseUrl;
	}

	@ApplicationModuleListener
	void submitted(FormSubmitted event) {
		SystemActor.run(() -> this.filling.findSubmission(event.submissionId()).ifPresent((submission) -> {
			FormVersion version = this.filling.versionOf(submission);
			Optional<String> to = (submission.accountId() != null)
					? this.accounts.profile(submission.accountId()).map(CitizenProfile::email)
					: version.definition()
						.fields()
						.stream()
						.filter((field) -> field.type() == FieldType.EMAIL)
						.map((field) -> Answers.text(submission.answers().get(field.id())).trim())
						.filter(InputFormats::isEmail)
						.findFirst();
			if (to.isEmpty() || to.get().isBlank()) {
				return;
			}
			Locale locale = Locale.forLanguageTag(submission.language());
			Map<String, Object> variables = new HashMap<>();
			variables.put("reference", submission.reference());
			variables.put("formTitle", version.definition().title().in(locale));
			variables.put("submittedAt", WHEN.format(submission.submittedAt()));
			variables.put("accountLink", (submission.accountId() != null) ? this.baseUrl + "/konto/antraege" : "");
			this.mail.send(new Email(to.get(), locale, "forms/receipt-ready", variables));
		}));
	}

}
