package de.amtsweg.payments.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import de.amtsweg.payments.Claim;
import de.amtsweg.payments.Claims;
import de.amtsweg.payments.DueItem;
import de.amtsweg.platform.TimelineEntry;
import de.amtsweg.platform.TimelineSource;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The citizen's own claims on the account's timeline (the organisations' claims stay on
 * the finances page): an open claim with its next due date, so it comes first until paid;
 * settled, cancelled and refunded ones with their state. Reads are audited by
 * {@link Claims}.
 */
@Component
class PaymentsTimeline implements TimelineSource {

	private final Claims claims;

	private final MessageSource messages;

	PaymentsTimeline(Claims claims, MessageSource messages) {
		this.claims = claims;
		this.messages = messages;
	}

	@Override
	public List<TimelineEntry> entriesFor(UUID accountId, Locale locale) {
		return this.claims.claimsOf(accountId, List.of()).stream().map((claim) -> entry(claim, locale)).toList();
	}

	private TimelineEntry entry(Claim claim, Locale locale) {
		String title = this.messages.getMessage("payments.timeline.title",
				new Object[] { claim.purpose(), claim.reference() }, locale);
		String state = this.messages.getMessage("payments.status." + claim.status().name(), null, locale);
		DueItem next = claim.nextDue().orElse(null);
		String status = (next != null) ? this.messages.getMessage("payments.timeline.open", new Object[] { state,
				PaymentDocuments.money(claim.openAmount(), locale), PaymentDocuments.date(next.dueDate()) }, locale)
				: state;
		return new TimelineEntry(claim.createdAt(), "payment", title, status, "/konto/finanzen",
				(next != null) ? next.dueDate() : null);
	}

}
