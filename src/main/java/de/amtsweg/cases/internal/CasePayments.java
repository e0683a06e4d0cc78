package de.amtsweg.cases.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.payments.Claim;
import de.amtsweg.payments.Claims;
import de.amtsweg.payments.PaymentBooked;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.SystemActor;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A payment of a case's fee in the case's history ("Gebühr bezahlt"), shown to the
 * applicant as well. Cases listen to payments (not the other way round) because payments
 * already serve forms and imports without knowing cases. The booking's id in the details
 * makes a redelivered event add nothing.
 */
@Component
class CasePayments {

	static final String PAID = "feePaid";

	static final String PART_PAID = "feePartlyPaid";

	private final Claims claims;

	private final CaseRepository cases;

	private final Clock clock;

	CasePayments(Claims claims, CaseRepository cases, Clock clock) {
		this.claims = claims;
		this.cases = cases;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void booked(PaymentBooked event) {
		SystemActor.run(() -> record(event));
	}

	private void record(PaymentBooked event) {
		Optional<Claim> claim = this.claims.get(event.claimId());
		if (claim.isEmpty()) {
			return;
		}
		caseOf(claim.get()).ifPresent((file) -> {
			String details = claim.get().reference() + " " + event.amount().toPlainString() + " EUR ("
					+ event.bookingId() + ")";
			if (!this.cases.hasEvent(file.id(), details)) {
				this.cases.addEvent(file.id(), this.clock.instant(), event.settled() ? PAID : PART_PAID, null,
						AuditLog.SYSTEM, details, true);
			}
		});
	}

	private Optional<CaseFile> caseOf(Claim claim) {
		return switch (claim.origin()) {
			case FORM -> submissionId(claim.originReference()).flatMap(this.cases::findBySubmission);
			case CASE ->
				this.cases.findByReference(claim.municipalityId(), CaseFees.caseReference(claim.originReference()));
			default -> Optional.empty();
		};
	}

	private static Optional<UUID> submissionId(String reference) {
		try {
			return Optional.of(UUID.fromString(reference));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
