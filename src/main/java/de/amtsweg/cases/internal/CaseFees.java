package de.amtsweg.cases.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.payments.Claim;
import de.amtsweg.payments.ClaimOrigin;
import de.amtsweg.payments.Claims;
import de.amtsweg.payments.Debtor;
import de.amtsweg.payments.NewClaim;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A fee or other claim a clerk sets on a case ("Gebühr/Forderung festsetzen"): a claim
 * with origin {@link ClaimOrigin#CASE} against the applicant, payable online, in the
 * case's history (shown to the applicant too) and audited. Its origin reference is the
 * case's reference, a slash and the key of the form the clerk sent, so a repeated request
 * sets it once and a case may carry several claims.
 */
@Service
public class CaseFees {

	static final String EVENT = "feeClaimed";

	private static final int PURPOSE_MAX = 200;

	private final CaseWork work;

	private final CaseRepository cases;

	private final Claims claims;

	private final AuditLog auditLog;

	private final Clock clock;

	CaseFees(CaseWork work, CaseRepository cases, Claims claims, AuditLog auditLog, Clock clock) {
		this.work = work;
		this.cases = cases;
		this.claims = claims;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** The case's reference, for the page; 404 for a case the clerk may not see. */
	public String reference(StaffPrincipal staff, UUID caseId) {
		return this.work.visible(staff, caseId).reference();
	}

	/**
	 * Sets the claim. Amount as typed ({@code 25,00}), due date as {@code TT.MM.JJJJ},
	 * not before today.
	 * @throws InvalidInputException with German messages by field
	 */
	@Transactional
	public Claim set(StaffPrincipal staff, UUID caseId, UUID requestKey, String amountText, String purpose,
			String dueDateText) {
		CaseFile file = this.work.visible(staff, caseId);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		Optional<BigDecimal> amount = Claims.amountOf(amountText);
		if (amountText.isBlank()) {
			problems.add("amount", "cases.fee.amount.required");
		}
		else if (amount.isEmpty() || !Claims.isAmount(amount.get())) {
			problems.add("amount", "cases.fee.amount.invalid");
		}
		if (purpose.isBlank()) {
			problems.add("purpose", "cases.fee.purpose.required");
		}
		else if (purpose.trim().length() > PURPOSE_MAX) {
			problems.add("purpose", "cases.fee.purpose.tooLong");
		}
		LocalDate dueDate = dueDateText.isBlank() ? null : CaseQuestions.parseDay(dueDateText.trim());
		LocalDate today = LocalDate.now(this.clock);
		if (dueDateText.isBlank()) {
			problems.add("dueDate", "cases.fee.dueDate.required");
		}
		else if (dueDate == null) {
			problems.add("dueDate", "cases.fee.dueDate.invalid");
		}
		else if (dueDate.isBefore(today)) {
			problems.add("dueDate", "cases.fee.dueDate.past");
		}
		problems.throwIfAny();
		return claim(file, staff.displayName(), requestKey.toString(), amount.orElseThrow(), purpose, dueDate);
	}

	/**
	 * Sets a checked claim on the case, once per request key: the clerk's form and the
	 * route's service task "Zahlung anfordern" both end here.
	 */
	Claim claim(CaseFile file, String actorName, String requestKey, BigDecimal amount, String purpose,
			LocalDate dueDate) {
		String email = (file.applicantEmail() != null) ? file.applicantEmail() : "";
		Debtor debtor = (file.applicantAccountId() != null)
				? Debtor.citizen(file.applicantAccountId(), file.applicantName(), email)
				: Debtor.guest(file.applicantName(), email);
		String originReference = file.reference() + "/" + requestKey;
		boolean fresh = this.claims.idOf(ClaimOrigin.CASE, originReference).isEmpty();
		Claim claim = this.claims.create(NewClaim.dueOn(file.municipalityId(), debtor,
				purpose.trim() + " (" + file.reference() + ")", amount, dueDate, ClaimOrigin.CASE, originReference));
		if (fresh) {
			this.cases.addEvent(file.id(), this.clock.instant(), EVENT, null, actorName,
					claim.reference() + " " + claim.amount().toPlainString() + " EUR", true);
			this.auditLog.record("case.fee-claimed", "case", file.id().toString(), file.municipalityId(),
					file.reference() + " " + claim.reference() + " " + claim.amount().toPlainString() + " EUR");
		}
		return claim;
	}

	/** The part of a claim's origin reference that names its case. */
	public static String caseReference(String originReference) {
		int slash = originReference.indexOf('/');
		return (slash < 0) ? originReference : originReference.substring(0, slash);
	}

}
