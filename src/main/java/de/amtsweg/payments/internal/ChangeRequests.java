package de.amtsweg.payments.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.forms.PrefilledDrafts;
import de.amtsweg.forms.Submissions;
import de.amtsweg.payments.Claim;
import de.amtsweg.payments.ClaimOrigin;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipalities;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * "Änderung mitteilen" about a claim (new bank account for the direct debit, dog
 * deregistered, wrong address, other): starts a draft of the general contact form
 * ({@code kontakt}) prefilled with the claim (Kassenzeichen, purpose, amount) and
 * addressed to the claim's responsible unit, so it arrives through the normal path as a
 * case of that unit. The unit is the form's for a form fee, else
 * {@code amtsweg.payments.change-request-unit} (the unit keeping the municipality's
 * claims, e.g. the tax office).
 */
@Service
public class ChangeRequests {

	/** The kinds of change, in the order offered. */
	public static final List<String> KINDS = List.of("bankverbindung", "hund", "anschrift", "sonstiges");

	static final String FORM = "kontakt";

	private static final int TEXT_MAX = 2000;

	private final PrefilledDrafts drafts;

	private final Submissions submissions;

	private final Municipalities municipalities;

	private final MessageSource messages;

	private final AuditLog auditLog;

	private final String defaultUnit;

	ChangeRequests(PrefilledDrafts drafts, Submissions submissions, Municipalities municipalities,
			MessageSource messages, AuditLog auditLog,
			@Value("${amtsweg.payments.change-request-unit:steueramt}") String defaultUnit) {
		this.drafts = drafts;
		this.submissions = submissions;
		this.municipalities = municipalities;
		this.messages = messages;
		this.auditLog = auditLog;
		this.defaultUnit = defaultUnit;
	}

	/**
	 * Checks the citizen's words and starts the prefilled draft. Call only for a claim
	 * the citizen may see.
	 * @return the path where the citizen continues
	 * @throws InvalidInputException with German messages for {@code kind} and
	 * {@code text}
	 */
	public String start(Claim claim, UUID accountId, String kind, String text) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (!KINDS.contains(kind)) {
			problems.add("kind", "payments.change.kind.required");
		}
		if (text.isBlank()) {
			problems.add("text", "payments.change.text.required");
		}
		else if (text.trim().length() > TEXT_MAX) {
			problems.add("text", "payments.change.text.tooLong");
		}
		problems.throwIfAny();
		// the case is read by the unit's clerks: German, whatever the citizen's language
		Locale german = Locale.GERMAN;
		String kindLabel = this.messages.getMessage("payments.change.kind." + kind, null, german);
		Map<String, String> answers = new LinkedHashMap<>();
		answers.put("unit", responsibleUnit(claim));
		answers.put("subject", this.messages.getMessage("payments.change.subject",
				new Object[] { claim.reference(), kindLabel }, german));
		answers
			.put("message",
					this.messages
						.getMessage("payments.change.message",
								new Object[] { claim.reference(), claim.purpose(),
										PaymentDocuments.money(claim.amount(), german), kindLabel, text.trim() },
								german));
		answers.put("replyBy", "email");
		String path = this.drafts.start(this.municipalities.get(claim.municipalityId()), FORM, accountId, answers);
		this.auditLog.record("payment-claim.change-request", "payment-claim", claim.id().toString(),
				claim.municipalityId(), claim.reference() + " " + kind);
		return path;
	}

	/** The unit that keeps the claim. */
	String responsibleUnit(Claim claim) {
		if (claim.origin() == ClaimOrigin.FORM) {
			try {
				return this.submissions.get(UUID.fromString(claim.originReference()))
					.map(Submissions.SubmittedForm::responsibleUnit)
					.orElse(this.defaultUnit);
			}
			catch (IllegalArgumentException ex) {
				return this.defaultUnit;
			}
		}
		return this.defaultUnit;
	}

}
