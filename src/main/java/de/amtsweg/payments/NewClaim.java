package de.amtsweg.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A claim to create.
 *
 * @param municipalityId the creditor
 * @param debtor who owes it
 * @param purpose what it is for, as printed, e.g. "Hundesteuer 2027"
 * @param amount the whole amount in EUR, more than zero
 * @param instalments the due items (date and amount), adding up to the amount
 * @param noticeBlob blob address of the notice (Bescheid) PDF, if any
 * @param origin what it came from
 * @param originReference the origin's key (submission id, case reference, import key)
 * @param parentClaimId the claim a reminder fee belongs to
 */
public record NewClaim(UUID municipalityId, Debtor debtor, String purpose, BigDecimal amount,
		List<Instalment> instalments, @Nullable String noticeBlob, ClaimOrigin origin, String originReference,
		@Nullable UUID parentClaimId) {

	/** A claim due in full on one date. */
	public static NewClaim dueOn(UUID municipalityId, Debtor debtor, String purpose, BigDecimal amount,
			LocalDate dueDate, ClaimOrigin origin, String originReference) {
		return new NewClaim(municipalityId, debtor, purpose, amount, List.of(new Instalment(dueDate, amount)), null,
				origin, originReference, null);
	}

	public NewClaim withNotice(String blobAddress) {
		return new NewClaim(this.municipalityId, this.debtor, this.purpose, this.amount, this.instalments, blobAddress,
				this.origin, this.originReference, this.parentClaimId);
	}

	/**
	 * Splits an amount evenly over the dates (e.g. dog tax on 15.2., 15.5., 15.8.,
	 * 15.11.); the cents that do not divide go to the first instalment.
	 */
	public static List<Instalment> evenly(BigDecimal amount, List<LocalDate> dates) {
		BigDecimal count = BigDecimal.valueOf(dates.size());
		BigDecimal each = amount.divide(count, 2, RoundingMode.DOWN);
		BigDecimal first = amount.subtract(each.multiply(count)).add(each);
		List<Instalment> instalments = new ArrayList<>();
		for (int i = 0; i < dates.size(); i++) {
			instalments.add(new Instalment(dates.get(i), (i == 0) ? first : each));
		}
		return instalments;
	}

	/**
	 * @param dueDate when it is due
	 * @param amount how much
	 */
	public record Instalment(LocalDate dueDate, BigDecimal amount) {
	}

}
