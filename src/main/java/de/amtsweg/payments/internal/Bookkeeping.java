package de.amtsweg.payments.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import de.amtsweg.payments.Claim;
import de.amtsweg.payments.ClaimStatus;
import de.amtsweg.payments.PaymentBooked;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books money on claims, exactly once. Each booking locks the claim's row first, checks
 * that this payment or statement entry was not booked or held before, and relies on the
 * unique keys of {@code payment_booking} and {@code payment_clarification} as the last
 * line: however often and in whatever order a notification, a return or a statement
 * arrives, money counts once. Money that cannot be booked (unknown Kassenzeichen, claim
 * settled or cancelled, more than is open) is held for clarification, never dropped.
 */
@Service
public class Bookkeeping {

	private final ClaimRepository claims;

	private final PaymentRepository payments;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Bookkeeping(ClaimRepository claims, PaymentRepository payments, AuditLog auditLog, ApplicationEventPublisher events,
			Clock clock) {
		this.claims = claims;
		this.payments = payments;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/** What became of received money. */
	public enum Outcome {

		/** Booked on the claim now. */
		BOOKED,
		/** Booked or held before: nothing changed. */
		ALREADY_DONE,
		/** Held for clarification. */
		HELD

	}

	/**
	 * Books money received for a claim. Call inside a transaction.
	 * @param source ONLINE, BANK or CLARIFIED
	 * @param externalRef what makes this money unique at its source (payment id,
	 * statement entry)
	 */
	@Transactional
	public Outcome receive(UUID claimId, @Nullable UUID paymentId, String source, String externalRef, BigDecimal amount,
			String payer, String note) {
		Claim claim = this.claims.findForUpdate(claimId).orElseThrow(() -> new NotFoundException("Claim " + claimId));
		if (this.payments.bookingExists(source, externalRef)
				|| this.payments.clarificationExists(clarificationSource(source), externalRef)) {
			return Outcome.ALREADY_DONE;
		}
		String problem = null;
		if (claim.status() == ClaimStatus.PAID) {
			problem = "CLAIM_SETTLED";
		}
		else if (!claim.status().payable()) {
			problem = "CLAIM_CANCELLED";
		}
		else if (amount.compareTo(claim.openAmount()) > 0) {
			problem = "AMOUNT_TOO_HIGH";
		}
		if (problem != null) {
			hold(claim.municipalityId(), clarificationSource(source), externalRef, paymentId, claim.id(),
					claim.reference(), payer, amount, problem);
			return Outcome.HELD;
		}
		UUID bookingId = UUID.randomUUID();
		if (!this.payments.insertBooking(bookingId, claim.id(), claim.municipalityId(), paymentId, source, externalRef,
				amount, note, this.clock.instant())) {
			return Outcome.ALREADY_DONE;
		}
		BigDecimal paid = claim.paidAmount().add(amount);
		ClaimStatus status = (paid.compareTo(claim.amount()) == 0) ? ClaimStatus.PAID : ClaimStatus.PARTLY_PAID;
		this.claims.updatePaid(claim.id(), paid, status, "", this.clock.instant());
		this.auditLog.record("payment-claim.booked", "payment-claim", claim.id().toString(), claim.municipalityId(),
				source + " " + amount.toPlainString() + " EUR " + externalRef);
		this.events.publishEvent(
				new PaymentBooked(bookingId, claim.id(), claim.municipalityId(), amount, status == ClaimStatus.PAID));
		return Outcome.BOOKED;
	}

	/** Holds money that belongs to no claim we know. */
	@Transactional
	public Outcome holdUnknown(@Nullable UUID municipalityId, String source, String externalRef,
			@Nullable UUID paymentId, String givenReference, String payer, BigDecimal amount) {
		if (this.payments.bookingExists(source, externalRef)) {
			return Outcome.ALREADY_DONE;
		}
		return hold(municipalityId, source, externalRef, paymentId, null, givenReference, payer, amount,
				"UNKNOWN_REFERENCE") ? Outcome.HELD : Outcome.ALREADY_DONE;
	}

	private boolean hold(@Nullable UUID municipalityId, String source, String externalRef, @Nullable UUID paymentId,
			@Nullable UUID claimId, String givenReference, String payer, BigDecimal amount, String reason) {
		UUID id = UUID.randomUUID();
		boolean held = this.payments.insertClarification(id, municipalityId, source, externalRef, paymentId, claimId,
				givenReference, payer, amount, reason, this.clock.instant());
		if (held) {
			this.auditLog.record("payment.held", "payment-clarification", id.toString(), municipalityId,
					reason + " " + amount.toPlainString() + " EUR " + givenReference);
		}
		return held;
	}

	private static String clarificationSource(String source) {
		return "BANK".equals(source) ? "BANK" : "ONLINE";
	}

	/** Cancels a claim nothing was paid on. */
	@Transactional
	public void cancel(UUID claimId, UUID municipalityId, String reason) {
		Claim claim = lockedIn(claimId, municipalityId);
		if (reason.isBlank()) {
			throw InvalidInputException.of("reason", "payments.finance.reason.required");
		}
		if (claim.status() != ClaimStatus.OPEN) {
			throw InvalidInputException.of("reason", "payments.finance.cancel.notOpen");
		}
		this.claims.updatePaid(claimId, BigDecimal.ZERO, ClaimStatus.CANCELLED, reason.trim(), this.clock.instant());
		this.auditLog.record("payment-claim.cancelled", "payment-claim", claimId.toString(), municipalityId,
				reason.trim());
	}

	/** Pays back everything paid on a claim; it is then no longer owed. */
	@Transactional
	public void refund(UUID claimId, UUID municipalityId, String reason) {
		Claim claim = lockedIn(claimId, municipalityId);
		if (reason.isBlank()) {
			throw InvalidInputException.of("reason", "payments.finance.reason.required");
		}
		if (claim.paidAmount().signum() == 0
				|| !(claim.status() == ClaimStatus.PAID || claim.status() == ClaimStatus.PARTLY_PAID)) {
			throw InvalidInputException.of("reason", "payments.finance.refund.nothingPaid");
		}
		this.payments.insertBooking(UUID.randomUUID(), claimId, municipalityId, null, "REFUND", "refund:" + claimId,
				claim.paidAmount().negate(), reason.trim(), this.clock.instant());
		this.claims.updatePaid(claimId, BigDecimal.ZERO, ClaimStatus.REFUNDED, reason.trim(), this.clock.instant());
		this.auditLog.record("payment-claim.refunded", "payment-claim", claimId.toString(), municipalityId,
				claim.paidAmount().toPlainString() + " EUR: " + reason.trim());
	}

	/**
	 * Closes a held payment: books it on the claim finance staff found for it, or records
	 * what else was done (e.g. paid back to the payer).
	 */
	@Transactional
	public void resolve(UUID clarificationId, UUID municipalityId, @Nullable Claim claim, String note) {
		PaymentRepository.Clarification held = this.payments.clarification(clarificationId)
			.filter((found) -> found.municipalityId() == null || found.municipalityId().equals(municipalityId))
			.filter((found) -> "OPEN".equals(found.status()))
			.orElseThrow(() -> new NotFoundException("Clarification " + clarificationId));
		if (note.isBlank()) {
			throw InvalidInputException.of("note", "payments.finance.reason.required");
		}
		if (claim != null) {
			if (!claim.municipalityId().equals(municipalityId) || !claim.status().payable()
					|| held.amount().compareTo(claim.openAmount()) > 0) {
				throw InvalidInputException.of("reference", "payments.finance.resolve.notPayable");
			}
			Claim locked = this.claims.findForUpdate(claim.id()).orElseThrow();
			UUID bookingId = UUID.randomUUID();
			this.payments.insertBooking(bookingId, locked.id(), municipalityId, null, "CLARIFIED",
					"clarification:" + clarificationId, held.amount(), note.trim(), this.clock.instant());
			BigDecimal paid = locked.paidAmount().add(held.amount());
			ClaimStatus status = (paid.compareTo(locked.amount()) == 0) ? ClaimStatus.PAID : ClaimStatus.PARTLY_PAID;
			this.claims.updatePaid(locked.id(), paid, status, "", this.clock.instant());
			this.events.publishEvent(new PaymentBooked(bookingId, locked.id(), municipalityId, held.amount(),
					status == ClaimStatus.PAID));
		}
		this.payments.resolveClarification(clarificationId, note.trim(), this.clock.instant());
		this.auditLog.record("payment-clarification.resolved", "payment-clarification", clarificationId.toString(),
				municipalityId, ((claim != null) ? claim.reference() + ": " : "") + note.trim());
	}

	private Claim lockedIn(UUID claimId, UUID municipalityId) {
		return this.claims.findForUpdate(claimId)
			.filter((claim) -> claim.municipalityId().equals(municipalityId))
			.orElseThrow(() -> new NotFoundException("Claim " + claimId));
	}

}
