package de.amtsweg.payments.internal;

import java.util.Locale;
import java.util.Map;

import de.amtsweg.notifications.Email;
import de.amtsweg.notifications.EmailSender;
import de.amtsweg.payments.Claim;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails the applicant the link to pay a form's fee; the link carries the claim's pay
 * token.
 */
@Component
class PayLinkMail {

	private final ClaimRepository claims;

	private final EmailSender mail;

	private final String baseUrl;

	PayLinkMail(ClaimRepository claims, EmailSender mail, @Value("${amtsweg.base-url}") String baseUrl) {
		this.claims = claims;
		this.mail = mail;
		this.baseUrl = baseUrl;
	}

	@ApplicationModuleListener
	void feeClaimed(FormFeeClaimed event) {
		if (event.email().isBlank() || !event.email().contains("@")) {
			return;
		}
		Claim claim = this.claims.find(event.claimId()).orElseThrow();
		String token = this.claims.payToken(claim.id()).orElseThrow();
		Locale locale = Locale.forLanguageTag(event.language());
		this.mail.send(new Email(event.email(), locale, "payments/pay-link",
				Map.of("purpose", claim.purpose(), "reference", claim.reference(), "amount",
						PaymentDocuments.money(claim.amount(), locale), "dueDate",
						PaymentDocuments.date(claim.dueItems().get(0).dueDate()), "link",
						this.baseUrl + "/bezahlen/antrag/" + event.submissionId() + "?token=" + token)));
	}

}
