package de.amtsweg.payments.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import de.amtsweg.payments.Claim;
import de.amtsweg.payments.Claims;
import de.amtsweg.payments.PaymentReference;
import de.amtsweg.payments.internal.FeeBeforeSubmission;
import de.amtsweg.payments.internal.GuestLookups;
import de.amtsweg.payments.internal.OnlinePayments;
import de.amtsweg.payments.internal.PaymentDocuments;
import de.amtsweg.payments.internal.PaymentProvider;
import de.amtsweg.payments.internal.PaymentRepository;
import de.amtsweg.payments.internal.PaymentRepository.OnlinePayment;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Paying a claim: guests find it by Kassenzeichen and amount, pay links carry a token,
 * signed-in debtors just pay; then off to the provider and back to a result page, and
 * receipts as PDF.
 */
@Controller
class PayController {

	private final Claims claims;

	private final OnlinePayments online;

	private final PaymentRepository payments;

	private final GuestLookups lookups;

	private final ClaimAccess access;

	private final PaymentDocuments documents;

	private final AuditLog auditLog;

	private final java.time.Clock clock;

	private final FeeBeforeSubmission feeBefore;

	PayController(Claims claims, OnlinePayments online, PaymentRepository payments, GuestLookups lookups,
			ClaimAccess access, PaymentDocuments documents, AuditLog auditLog, java.time.Clock clock,
			FeeBeforeSubmission feeBefore) {
		this.feeBefore = feeBefore;
		this.claims = claims;
		this.online = online;
		this.payments = payments;
		this.lookups = lookups;
		this.access = access;
		this.documents = documents;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@GetMapping("/bezahlen")
	String guest(Municipality municipality, Model model) {
		model.addAttribute("form", new GuestForm("", ""));
		return "payments/guest";
	}

	@PostMapping("/bezahlen")
	String lookUp(Municipality municipality, @ModelAttribute("form") GuestForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, HttpSession session) {
		String client = request.getRemoteAddr();
		if (!this.lookups.allowed(client)) {
			response.setStatus(429);
			return "payments/rate-limited";
		}
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (form.reference().isBlank()) {
			problems.add("reference", "payments.guest.reference.required");
		}
		else if (!PaymentReference.isValid(form.reference())) {
			problems.add("reference", "payments.guest.reference.invalid");
		}
		Optional<BigDecimal> amount = Amounts.parse(form.amount());
		if (form.amount().isBlank()) {
			problems.add("amount", "payments.guest.amount.required");
		}
		else if (amount.isEmpty()) {
			problems.add("amount", "payments.guest.amount.invalid");
		}
		Optional<Claim> claim = Optional.empty();
		if (problems.isEmpty()) {
			claim = this.claims.byReference(form.reference())
				.filter((found) -> found.municipalityId().equals(municipality.id()))
				.filter((found) -> found.status().payable())
				.filter((found) -> amount.get().compareTo(OnlinePayments.amountDue(found)) == 0
						|| amount.get().compareTo(found.openAmount()) == 0);
			if (claim.isEmpty()) {
				this.lookups.failed(client);
				problems.add("reference", "payments.guest.notFound");
			}
		}
		if (!problems.isEmpty()) {
			new InvalidInputException(collected(problems)).addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "payments/guest";
		}
		this.access.grant(claim.get().id(), session);
		return "redirect:/bezahlen/forderung/" + claim.get().id();
	}

	private static List<InvalidInputException.FieldProblem> collected(InvalidInputException.Collector problems) {
		try {
			problems.throwIfAny();
			return List.of();
		}
		catch (InvalidInputException ex) {
			return ex.problems();
		}
	}

	@GetMapping("/bezahlen/antrag/{submissionId}")
	String formFee(@PathVariable UUID submissionId,
			@RequestParam(name = "token", required = false) @Nullable String token,
			@Nullable Authentication authentication, HttpSession session) {
		Claim claim = this.claims.ofSubmission(submissionId)
			.orElseThrow(() -> new NotFoundException("Fee of submission " + submissionId));
		if (!this.access.tokenFits(claim.id(), token, session) && !this.access.owns(claim, authentication)) {
			throw new NotFoundException("Fee of submission " + submissionId);
		}
		return "redirect:/bezahlen/forderung/" + claim.id();
	}

	@GetMapping("/bezahlen/forderung/{claimId}")
	String claim(@PathVariable UUID claimId, @RequestParam(name = "token", required = false) @Nullable String token,
			@Nullable Authentication authentication, HttpSession session, Locale locale, Model model) {
		Claim claim = accessible(claimId, token, authentication, session);
		model.addAttribute("claim", ClaimView.of(claim, locale, LocalDate.now(this.clock)));
		model.addAttribute("providers", this.online.enabledProviders().stream().map(PaymentProvider::key).toList());
		model.addAttribute("heldForm", this.feeBefore.heldForm(claim).orElse(null));
		return "payments/claim";
	}

	@PostMapping("/bezahlen/forderung/{claimId}")
	String pay(@PathVariable UUID claimId, @RequestParam(name = "anbieter", defaultValue = "") String provider,
			@Nullable Authentication authentication, HttpSession session, Locale locale, Model model,
			HttpServletResponse response) {
		Claim claim = accessible(claimId, null, authentication, session);
		if (!claim.status().payable()) {
			return "redirect:/bezahlen/forderung/" + claimId;
		}
		OnlinePayments.Started started;
		try {
			started = this.online.start(claim, provider, ClaimAccess.accountId(authentication));
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("claim", ClaimView.of(claim, locale, LocalDate.now(this.clock)));
			model.addAttribute("providers", this.online.enabledProviders().stream().map(PaymentProvider::key).toList());
			model.addAttribute("problem", ex.problems().get(0).messageKey());
			model.addAttribute("heldForm", this.feeBefore.heldForm(claim).orElse(null));
			return "payments/claim";
		}
		return "redirect:" + started.redirectUrl();
	}

	@GetMapping("/bezahlen/zahlung/{paymentId}/rueckkehr")
	String returned(@PathVariable UUID paymentId, @Nullable Authentication authentication, HttpSession session,
			Locale locale, Model model) {
		OnlinePayment payment = this.payments.find(paymentId)
			.orElseThrow(() -> new NotFoundException("Payment " + paymentId));
		Claim claim = accessible(payment.claimId(), null, authentication, session);
		payment = this.online.returned(paymentId);
		Claim now = this.claims.get(claim.id()).orElseThrow();
		model.addAttribute("payment", payment);
		model.addAttribute("paid", PaymentDocuments.money(payment.amount(), locale));
		model.addAttribute("claim", ClaimView.of(now, locale, LocalDate.now(this.clock)));
		model.addAttribute("booking",
				this.payments.bookingsOfClaims(List.of(now.id()))
					.stream()
					.filter((booking) -> paymentId.equals(booking.paymentId()))
					.findFirst()
					.orElse(null));
		model.addAttribute("signedIn", ClaimAccess.accountId(authentication) != null);
		// fee before submission: the submission counts once paid, else it waits
		model.addAttribute("heldForm", this.feeBefore.heldForm(now).orElse(null));
		return "payments/result";
	}

	@GetMapping("/bezahlen/quittung/{bookingId}")
	ResponseEntity<byte[]> receipt(@PathVariable UUID bookingId, @Nullable Authentication authentication,
			HttpSession session, Locale locale) {
		PaymentRepository.Booking booking = this.payments.booking(bookingId)
			.filter((found) -> found.amount().signum() > 0)
			.orElseThrow(() -> new NotFoundException("Booking " + bookingId));
		Claim claim = accessible(booking.claimId(), null, authentication, session);
		String method = (booking.paymentId() != null)
				? this.payments.find(booking.paymentId()).map((p) -> p.provider() + " " + p.method()).orElse("")
				: booking.source();
		byte[] pdf = this.documents.receipt(claim, booking, method, locale);
		this.auditLog.record("payment-receipt.read", "payment-claim", claim.id().toString(), claim.municipalityId(),
				bookingId.toString());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("quittung-" + claim.reference() + ".pdf").build().toString())
			.body(pdf);
	}

	private Claim accessible(UUID claimId, @Nullable String token, @Nullable Authentication authentication,
			HttpSession session) {
		Claim claim = this.claims.get(claimId).orElseThrow(() -> new NotFoundException("Claim " + claimId));
		this.access.tokenFits(claimId, token, session);
		if (!this.access.allowed(claim, authentication, session)) {
			throw new NotFoundException("Claim " + claimId);
		}
		return claim;
	}

	/**
	 * What a guest types to find a claim.
	 *
	 * @param reference the Kassenzeichen
	 * @param amount the amount on the notice
	 */
	record GuestForm(String reference, String amount) {

		GuestForm {
			reference = (reference != null) ? reference : "";
			amount = (amount != null) ? amount : "";
		}

	}

}
