package de.amtsweg.payments.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.forms.FeeCollection;
import de.amtsweg.forms.Submissions;
import de.amtsweg.payments.Claim;
import de.amtsweg.payments.ClaimOrigin;
import de.amtsweg.payments.ClaimStatus;
import de.amtsweg.payments.Claims;
import de.amtsweg.payments.PaymentBooked;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.SystemActor;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fees paid before the submission counts: forms hold such a submission and claim its fee
 * here (due at once); the booking that settles the claim releases the submission in the
 * booking's own transaction, so {@code FormSubmitted} follows exactly when the money
 * counts, whichever of return and notification came first or twice. An expired
 * submission's unpaid claim is cancelled (audited by {@link Bookkeeping}).
 */
@Service
public class FeeBeforeSubmission implements FeeCollection {

	private final Submissions submissions;

	private final Claims claims;

	private final ClaimRepository claimRows;

	private final FormFees fees;

	private final Bookkeeping bookkeeping;

	private final Clock clock;

	FeeBeforeSubmission(Submissions submissions, Claims claims, ClaimRepository claimRows, FormFees fees,
			Bookkeeping bookkeeping, Clock clock) {
		this.submissions = submissions;
		this.claims = claims;
		this.claimRows = claimRows;
		this.fees = fees;
		this.bookkeeping = bookkeeping;
		this.clock = clock;
	}

	@Override
	@Transactional
	public String claimFee(UUID submissionId) {
		Claim claim = this.claims.ofSubmission(submissionId)
			.or(() -> this.submissions.get(submissionId)
				.flatMap((form) -> this.fees.claim(form, LocalDate.now(this.clock))))
			.orElseThrow(() -> new NotFoundException("Fee of submission " + submissionId));
		return "/bezahlen/antrag/" + submissionId + "?token=" + this.claimRows.payToken(claim.id()).orElseThrow();
	}

	@Override
	@Transactional
	public boolean withdrawFee(UUID submissionId, String reason) {
		Optional<Claim> claim = this.claims.ofSubmission(submissionId);
		if (claim.isEmpty() || claim.get().status() == ClaimStatus.CANCELLED) {
			return true;
		}
		Claim locked = this.claimRows.findForUpdate(claim.get().id()).orElseThrow();
		if (locked.status() != ClaimStatus.OPEN) {
			return false;
		}
		this.bookkeeping.cancel(locked.id(), locked.municipalityId(), reason);
		return true;
	}

	/** In the booking's transaction: a settled form fee releases its held submission. */
	@EventListener
	void booked(PaymentBooked event) {
		if (!event.settled()) {
			return;
		}
		SystemActor.run(() -> this.claimRows.find(event.claimId())
			.filter((claim) -> claim.origin() == ClaimOrigin.FORM)
			.flatMap((claim) -> submissionId(claim.originReference()))
			.ifPresent(this.submissions::release));
	}

	/**
	 * Where a form fee's submission stands, if the claim is the fee of a form paid before
	 * submission.
	 */
	public Optional<HeldForm> heldForm(Claim claim) {
		if (claim.origin() != ClaimOrigin.FORM) {
			return Optional.empty();
		}
		return submissionId(claim.originReference()).flatMap((id) -> {
			if (this.submissions.awaitingPayment(id)) {
				return Optional.of(new HeldForm(id, true));
			}
			return this.submissions.get(id)
				.filter((form) -> FormFees.feeBefore(form.definitionJson()))
				.map((form) -> new HeldForm(id, false));
		});
	}

	private static Optional<UUID> submissionId(String reference) {
		try {
			return Optional.of(UUID.fromString(reference));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The submission of a fee paid before submission.
	 *
	 * @param submissionId the submission
	 * @param awaitingPayment whether it still waits for the fee (else it was released or
	 * expired)
	 */
	public record HeldForm(UUID submissionId, boolean awaitingPayment) {
	}

}
