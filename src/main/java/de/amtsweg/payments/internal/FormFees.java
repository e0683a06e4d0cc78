package de.amtsweg.payments.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import de.amtsweg.accounts.CitizenAccounts;
import de.amtsweg.accounts.CitizenProfile;
import de.amtsweg.forms.FormSubmitted;
import de.amtsweg.forms.Submissions;
import de.amtsweg.forms.Submissions.SubmittedForm;
import de.amtsweg.payments.Claim;
import de.amtsweg.payments.ClaimOrigin;
import de.amtsweg.payments.Claims;
import de.amtsweg.payments.Debtor;
import de.amtsweg.payments.NewClaim;
import de.amtsweg.platform.SystemActor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the fee a form computed into a claim, once per submission (the claim's origin is
 * unique), due two weeks after submission, and asks for a pay link to be mailed.
 */
@Component
class FormFees {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Submissions submissions;

	private final Claims claims;

	private final CitizenAccounts accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FormFees(Submissions submissions, Claims claims, CitizenAccounts accounts, ApplicationEventPublisher events,
			Clock clock) {
		this.submissions = submissions;
		this.claims = claims;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void submitted(FormSubmitted event) {
		SystemActor.run(() -> this.submissions.get(event.submissionId()).ifPresent(this::claimFee));
	}

	private void claimFee(SubmittedForm form) {
		if (this.claims.ofSubmission(form.id()).isEmpty()) {
			claim(form, LocalDate.now(this.clock).plusDays(14));
		}
	}

	/**
	 * Claims the form's computed fee, once per submission, and asks for a pay link to be
	 * mailed.
	 * @return the claim, also one made before; empty when there is no fee
	 */
	Optional<Claim> claim(SubmittedForm form, LocalDate dueDate) {
		BigDecimal fee = form.computed().get("fee");
		if (fee == null || fee.signum() <= 0) {
			return Optional.empty();
		}
		Optional<Claim> earlier = this.claims.ofSubmission(form.id());
		if (earlier.isPresent()) {
			return earlier;
		}
		Optional<CitizenProfile> profile = (form.applicantAccountId() != null)
				? this.accounts.profile(form.applicantAccountId()) : Optional.empty();
		String email = profile.map(CitizenProfile::email).orElseGet(() -> text(form.answers().get("email")));
		String name = profile.map((p) -> (p.givenName() + " " + p.familyName()).trim())
			.filter((n) -> !n.isEmpty())
			.orElseGet(() -> nameFrom(form.answers(), form.reference()));
		Debtor debtor = (form.applicantAccountId() != null) ? Debtor.citizen(form.applicantAccountId(), name, email)
				: Debtor.guest(name, email);
		String purpose = title(form.definitionJson()) + " (" + form.reference() + ")";
		Claim claim = this.claims.create(NewClaim.dueOn(form.municipalityId(), debtor, purpose,
				fee.setScale(2, java.math.RoundingMode.HALF_UP), dueDate, ClaimOrigin.FORM, form.id().toString()));
		this.events.publishEvent(new FormFeeClaimed(claim.id(), form.id(), email,
				profile.map(CitizenProfile::preferredLanguage).orElse("de")));
		return Optional.of(claim);
	}

	/** Whether the form's fee is paid before its submission counts. */
	static boolean feeBefore(String definitionJson) {
		return "before".equals(JSON.readTree(definitionJson).path("local").path("feePayment").asString(""));
	}

	private static String nameFrom(Map<String, Object> answers, String reference) {
		String name = (text(answers.get("givenName")) + " " + text(answers.get("familyName"))).trim();
		if (name.isEmpty()) {
			name = text(answers.get("name")).trim();
		}
		return name.isEmpty() ? reference : name;
	}

	private static String text(Object value) {
		return (value instanceof String text) ? text.trim() : "";
	}

	private static String title(String definitionJson) {
		JsonNode title = JSON.readTree(definitionJson).path("title");
		return title.isObject() ? title.path("de").asString() : title.asString();
	}

}
