package de.amtsweg.payments.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.amtsweg.accounts.CitizenAccounts;
import de.amtsweg.accounts.CitizenPrincipal;
import de.amtsweg.accounts.OrganisationMembership;
import de.amtsweg.payments.Claim;
import de.amtsweg.payments.Claims;
import de.amtsweg.payments.internal.PaymentDocuments;
import de.amtsweg.payments.internal.PaymentRepository;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.BlobStore;
import de.amtsweg.platform.NotFoundException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The account's finances (Bürgerkonto): upcoming due dates, open and settled claims of
 * the citizen and of their organisations, the payment history with receipts, and notices
 * to print again.
 */
@Controller
class AccountFinancesController {

	private final Claims claims;

	private final PaymentRepository payments;

	private final CitizenAccounts accounts;

	private final ClaimAccess access;

	private final BlobStore blobs;

	private final AuditLog auditLog;

	private final Clock clock;

	AccountFinancesController(Claims claims, PaymentRepository payments, CitizenAccounts accounts, ClaimAccess access,
			BlobStore blobs, AuditLog auditLog, Clock clock) {
		this.claims = claims;
		this.payments = payments;
		this.accounts = accounts;
		this.access = access;
		this.blobs = blobs;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@GetMapping("/konto/finanzen")
	String finances(@AuthenticationPrincipal CitizenPrincipal citizen, Locale locale, Model model) {
		this.accounts.profile(citizen.accountId())
			.ifPresent((profile) -> this.claims.adoptImported(citizen.accountId(), profile.email()));
		List<OrganisationMembership> organisations = this.accounts.organisationsOf(citizen.accountId());
		List<Claim> all = this.claims.claimsOf(citizen.accountId(),
				organisations.stream().map(OrganisationMembership::organisationId).toList());
		LocalDate today = LocalDate.now(this.clock);
		Map<UUID, String> organisationNames = organisations.stream()
			.collect(
					Collectors.toMap(OrganisationMembership::organisationId, OrganisationMembership::organisationName));
		Map<UUID, Claim> byId = all.stream().collect(Collectors.toMap(Claim::id, Function.identity()));
		model.addAttribute("upcoming", all.stream()
			.filter((claim) -> claim.status().payable())
			.flatMap((claim) -> claim.dueItems()
				.stream()
				.filter((item) -> !item.settled())
				.map((item) -> new Upcoming(claim.id(), claim.purpose(), claim.reference(),
						PaymentDocuments.date(item.dueDate()), PaymentDocuments.money(item.openAmount(), locale),
						item.dueDate().isBefore(today), item.dueDate())))
			.sorted(Comparator.comparing(Upcoming::sortDate))
			.limit(12)
			.toList());
		model.addAttribute("open",
				all.stream()
					.filter((claim) -> claim.status().payable())
					.map((claim) -> ClaimView.of(claim, locale, today))
					.toList());
		model.addAttribute("settled",
				all.stream()
					.filter((claim) -> !claim.status().payable())
					.map((claim) -> ClaimView.of(claim, locale, today))
					.toList());
		model.addAttribute("history", this.payments.bookingsOfClaims(all.stream().map(Claim::id).toList())
			.stream()
			.map((booking) -> new HistoryEntry(booking.id(),
					PaymentDocuments.date(booking.bookedOn(java.time.ZoneId.of("Europe/Berlin"))),
					byId.get(booking.claimId()).purpose(), byId.get(booking.claimId()).reference(),
					PaymentDocuments.money(booking.amount(), locale), booking.source(), booking.amount().signum() > 0))
			.toList());
		model.addAttribute("organisationNames", organisationNames);
		return "payments/account";
	}

	@GetMapping("/konto/finanzen/{claimId}/bescheid.pdf")
	ResponseEntity<byte[]> notice(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID claimId,
			org.springframework.security.core.Authentication authentication) {
		Claim claim = this.claims.get(claimId)
			.filter((found) -> this.access.owns(found, authentication))
			.filter((found) -> found.noticeBlob() != null)
			.orElseThrow(() -> new NotFoundException("Notice of claim " + claimId));
		byte[] pdf = this.blobs.get(claim.noticeBlob());
		this.auditLog.record("payment-notice.read", "payment-claim", claimId.toString(), claim.municipalityId(),
				claim.reference());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("bescheid-" + claim.reference() + ".pdf").build().toString())
			.body(pdf);
	}

	/**
	 * A due item still to pay.
	 *
	 * @param claimId its claim
	 * @param purpose the claim's purpose
	 * @param reference the Kassenzeichen
	 * @param dueDate when
	 * @param amount how much is open
	 * @param overdue whether it is overdue
	 * @param sortDate for ordering
	 */
	record Upcoming(UUID claimId, String purpose, String reference, String dueDate, String amount, boolean overdue,
			LocalDate sortDate) {
	}

	/**
	 * A booking in the payment history.
	 *
	 * @param bookingId the booking
	 * @param date when
	 * @param purpose the claim's purpose
	 * @param reference the Kassenzeichen
	 * @param amount how much (negative: paid back)
	 * @param source ONLINE, BANK, REFUND, CLARIFIED
	 * @param hasReceipt whether a receipt can be printed
	 */
	record HistoryEntry(UUID bookingId, String date, String purpose, String reference, String amount, String source,
			boolean hasReceipt) {
	}

}
