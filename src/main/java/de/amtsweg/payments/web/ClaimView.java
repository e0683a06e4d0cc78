package de.amtsweg.payments.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import de.amtsweg.payments.Claim;
import de.amtsweg.payments.DueItem;
import de.amtsweg.payments.internal.OnlinePayments;
import de.amtsweg.payments.internal.PaymentDocuments;

/**
 * A claim as pages show it, amounts and dates already formatted.
 *
 * @param id the claim
 * @param reference its Kassenzeichen
 * @param purpose what it is for
 * @param debtor who owes it
 * @param amount the whole amount
 * @param open what is still open
 * @param status its status (for the message key {@code payments.status.<status>})
 * @param nextDueDate when the next item is due, or empty
 * @param dueNow what to pay now (the next item's open amount), or empty
 * @param overdue whether the next item is overdue
 * @param items the due items
 * @param hasNotice whether a notice PDF can be printed
 * @param payable whether it can be paid now
 */
record ClaimView(UUID id, String reference, String purpose, String debtor, String amount, String open, String status,
		String nextDueDate, String dueNow, boolean overdue, List<Item> items, boolean hasNotice, boolean payable) {

	static ClaimView of(Claim claim, Locale locale, LocalDate today) {
		return new ClaimView(claim.id(), claim.reference(), claim.purpose(), claim.debtor().name(),
				PaymentDocuments.money(claim.amount(), locale), PaymentDocuments.money(claim.openAmount(), locale),
				claim.status().name(), claim.nextDue().map((item) -> PaymentDocuments.date(item.dueDate())).orElse(""),
				claim.nextDue().isPresent() ? PaymentDocuments.money(OnlinePayments.amountDue(claim), locale) : "",
				claim.overdueOn(today), claim.dueItems().stream().map((item) -> Item.of(item, locale)).toList(),
				claim.noticeBlob() != null, claim.status().payable());
	}

	/**
	 * @param dueDate when
	 * @param amount how much
	 * @param settled whether it is paid
	 */
	record Item(String dueDate, String amount, boolean settled) {

		static Item of(DueItem item, Locale locale) {
			return new Item(PaymentDocuments.date(item.dueDate()), PaymentDocuments.money(item.amount(), locale),
					item.settled());
		}

	}

}
