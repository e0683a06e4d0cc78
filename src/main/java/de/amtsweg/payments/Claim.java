package de.amtsweg.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A claim (Forderung) of a municipality against a debtor.
 *
 * @param id identifier
 * @param municipalityId the creditor
 * @param reference the Kassenzeichen under which the treasury books payments
 * @param debtor who owes it
 * @param purpose what it is for
 * @param amount the whole amount in EUR
 * @param paidAmount how much is paid
 * @param status where it stands
 * @param dueItems when what is due, in order
 * @param noticeBlob blob address of the notice PDF, if any
 * @param origin what it came from
 * @param originReference the origin's key
 * @param parentClaimId the claim a reminder fee belongs to
 * @param statusReason why it was cancelled or refunded
 * @param createdAt when it was created
 */
public record Claim(UUID id, UUID municipalityId, String reference, Debtor debtor, String purpose, BigDecimal amount,
		BigDecimal paidAmount, ClaimStatus status, List<DueItem> dueItems, @Nullable String noticeBlob,
		ClaimOrigin origin, String originReference, @Nullable UUID parentClaimId, String statusReason,
		Instant createdAt) {

	public BigDecimal openAmount() {
		return this.status.payable() ? this.amount.subtract(this.paidAmount) : BigDecimal.ZERO;
	}

	/** The earliest due item not yet paid in full. */
	public Optional<DueItem> nextDue() {
		if (!this.status.payable()) {
			return Optional.empty();
		}
		return this.dueItems.stream().filter((item) -> !item.settled()).findFirst();
	}

	/** Whether an open item was due before the day. */
	public boolean overdueOn(LocalDate day) {
		return nextDue().map((item) -> item.dueDate().isBefore(day)).orElse(false);
	}

}
