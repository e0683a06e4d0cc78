package de.amtsweg.payments.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.accounts.StaffRole;
import de.amtsweg.payments.Claim;
import de.amtsweg.payments.ClaimStatus;
import de.amtsweg.payments.Claims;
import de.amtsweg.payments.internal.Bookkeeping;
import de.amtsweg.payments.internal.ClaimImport;
import de.amtsweg.payments.internal.ClaimRepository;
import de.amtsweg.payments.internal.PaymentDocuments;
import de.amtsweg.payments.internal.PaymentRepository;
import de.amtsweg.payments.internal.Reconciliation;
import de.amtsweg.payments.internal.Reminders;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Finance staff (role FINANCE) of a municipality: claims with filters, open and overdue
 * items, reminders, cancellations and refunds with a reason, the clarification list, the
 * import of claims and bank statements and the daily export.
 */
@Controller
class FinanceController {

	private final ClaimRepository repository;

	private final Claims claims;

	private final PaymentRepository payments;

	private final Bookkeeping bookkeeping;

	private final Reminders reminders;

	private final ClaimImport claimImport;

	private final Reconciliation reconciliation;

	private final AuditLog auditLog;

	private final Clock clock;

	FinanceController(ClaimRepository repository, Claims claims, PaymentRepository payments, Bookkeeping bookkeeping,
			Reminders reminders, ClaimImport claimImport, Reconciliation reconciliation, AuditLog auditLog,
			Clock clock) {
		this.repository = repository;
		this.claims = claims;
		this.payments = payments;
		this.bookkeeping = bookkeeping;
		this.reminders = reminders;
		this.claimImport = claimImport;
		this.reconciliation = reconciliation;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	private static void finance(StaffPrincipal staff) {
		if (!staff.hasRole(StaffRole.FINANCE)) {
			throw new AccessDeniedException("Finance staff only");
		}
	}

	@GetMapping("/intern/finanzen")
	String overview(@AuthenticationPrincipal StaffPrincipal staff, Municipality municipality,
			@RequestParam(name = "stand", defaultValue = "") String status,
			@RequestParam(name = "suche", defaultValue = "") String search,
			@RequestParam(name = "ueberfaellig", defaultValue = "false") boolean overdue, Locale locale, Model model) {
		finance(staff);
		ClaimStatus chosen = List.of(ClaimStatus.values())
			.stream()
			.filter((candidate) -> candidate.name().equals(status))
			.findFirst()
			.orElse(null);
		LocalDate today = LocalDate.now(this.clock);
		List<Claim> found = this.repository.search(municipality.id(), chosen, search, overdue ? today : null, 200);
		this.auditLog.record("payment-claims.searched", "municipality", municipality.id().toString(), municipality.id(),
				"status=" + status + " search=" + search + " overdue=" + overdue);
		model.addAttribute("claims", found.stream().map((claim) -> ClaimView.of(claim, locale, today)).toList());
		model.addAttribute("status", status);
		model.addAttribute("search", search);
		model.addAttribute("overdue", overdue);
		model.addAttribute("statuses", ClaimStatus.values());
		model.addAttribute("clarifications", this.payments.openClarifications(municipality.id()).size());
		model.addAttribute("today", today.toString());
		return "payments/finance/index";
	}

	@GetMapping("/intern/finanzen/forderungen/{claimId}")
	String claim(@AuthenticationPrincipal StaffPrincipal staff, Municipality municipality, @PathVariable UUID claimId,
			Locale locale, Model model) {
		finance(staff);
		Claim claim = inMunicipality(claimId, municipality);
		LocalDate today = LocalDate.now(this.clock);
		model.addAttribute("claim", ClaimView.of(claim, locale, today));
		model.addAttribute("origin", claim.origin().name() + " " + claim.originReference());
		model.addAttribute("statusReason", claim.statusReason());
		model.addAttribute("bookings", this.payments.bookingsOfClaims(List.of(claimId))
			.stream()
			.map((booking) -> List.of(PaymentDocuments.date(booking.bookedOn(java.time.ZoneId.of("Europe/Berlin"))),
					PaymentDocuments.money(booking.amount(), locale), booking.source(), booking.note()))
			.toList());
		model.addAttribute("canCancel", claim.status() == ClaimStatus.OPEN);
		model.addAttribute("canRefund", claim.paidAmount().signum() > 0
				&& (claim.status() == ClaimStatus.PAID || claim.status() == ClaimStatus.PARTLY_PAID));
		model.addAttribute("canRemind", claim.overdueOn(today));
		return "payments/finance/claim";
	}

	@PostMapping("/intern/finanzen/forderungen/{claimId}/mahnen")
	String remind(@AuthenticationPrincipal StaffPrincipal staff, Municipality municipality, @PathVariable UUID claimId,
			RedirectAttributes redirect) {
		finance(staff);
		Claim reminder = this.reminders.remind(claimId, municipality.id());
		redirect.addFlashAttribute("notice", "payments.finance.reminded");
		return "redirect:/intern/finanzen/forderungen/" + reminder.id();
	}

	@PostMapping("/intern/finanzen/forderungen/{claimId}/stornieren")
	String cancel(@AuthenticationPrincipal StaffPrincipal staff, Municipality municipality, @PathVariable UUID claimId,
			@RequestParam(name = "grund", defaultValue = "") String reason, RedirectAttributes redirect) {
		finance(staff);
		try {
			this.bookkeeping.cancel(claimId, municipality.id(), reason);
			redirect.addFlashAttribute("notice", "payments.finance.cancelled");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.problems().get(0).messageKey());
		}
		return "redirect:/intern/finanzen/forderungen/" + claimId;
	}

	@PostMapping("/intern/finanzen/forderungen/{claimId}/erstatten")
	String refund(@AuthenticationPrincipal StaffPrincipal staff, Municipality municipality, @PathVariable UUID claimId,
			@RequestParam(name = "grund", defaultValue = "") String reason, RedirectAttributes redirect) {
		finance(staff);
		try {
			this.bookkeeping.refund(claimId, municipality.id(), reason);
			redirect.addFlashAttribute("notice", "payments.finance.refunded");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.problems().get(0).messageKey());
		}
		return "redirect:/intern/finanzen/forderungen/" + claimId;
	}

	@GetMapping("/intern/finanzen/klaerung")
	String clarifications(@AuthenticationPrincipal StaffPrincipal staff, Municipality municipality, Locale locale,
			Model model) {
		finance(staff);
		model.addAttribute("held", this.payments.openClarifications(municipality.id())
			.stream()
			.map((held) -> new HeldView(held.id(),
					PaymentDocuments
						.date(java.time.LocalDate.ofInstant(held.receivedAt(), java.time.ZoneId.of("Europe/Berlin"))),
					PaymentDocuments.money(held.amount(), locale), held.source(), held.reason(), held.givenReference(),
					held.payer()))
			.toList());
		this.auditLog.record("payment-clarifications.read", "municipality", municipality.id().toString(),
				municipality.id(), "");
		return "payments/finance/clarifications";
	}

	@PostMapping("/intern/finanzen/klaerung/{id}")
	String resolve(@AuthenticationPrincipal StaffPrincipal staff, Municipality municipality, @PathVariable UUID id,
			@RequestParam(name = "kassenzeichen", defaultValue = "") String reference,
			@RequestParam(name = "vermerk", defaultValue = "") String note, RedirectAttributes redirect) {
		finance(staff);
		try {
			Claim claim = null;
			if (!reference.isBlank()) {
				claim = this.claims.byReference(reference)
					.orElseThrow(() -> InvalidInputException.of("reference", "payments.finance.resolve.unknown"));
			}
			this.bookkeeping.resolve(id, municipality.id(), claim, note);
			redirect.addFlashAttribute("notice", "payments.finance.resolved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.problems().get(0).messageKey());
		}
		return "redirect:/intern/finanzen/klaerung";
	}

	@GetMapping("/intern/finanzen/import")
	String importPage(@AuthenticationPrincipal StaffPrincipal staff) {
		finance(staff);
		return "payments/finance/import";
	}

	@PostMapping("/intern/finanzen/import")
	String importClaims(@AuthenticationPrincipal StaffPrincipal staff, Municipality municipality,
			@RequestParam(name = "datei", required = false) @Nullable MultipartFile file, Model model,
			HttpServletResponse response) throws IOException {
		finance(staff);
		if (file == null || file.isEmpty()) {
			model.addAttribute("problems", List.of(new ClaimImport.Problem(0, "payments.import.noFile")));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "payments/finance/import";
		}
		ClaimImport.Report report = this.claimImport.importFile(municipality,
				String.valueOf(file.getOriginalFilename()), file.getBytes());
		model.addAttribute("report", report);
		model.addAttribute("problems", report.problems());
		if (!report.problems().isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		return "payments/finance/import";
	}

	@GetMapping("/intern/finanzen/kontoauszug")
	String statementPage(@AuthenticationPrincipal StaffPrincipal staff) {
		finance(staff);
		return "payments/finance/statement";
	}

	@PostMapping("/intern/finanzen/kontoauszug")
	String importStatement(@AuthenticationPrincipal StaffPrincipal staff, Municipality municipality,
			@RequestParam(name = "datei", required = false) @Nullable MultipartFile file, Locale locale, Model model,
			HttpServletResponse response) throws IOException {
		finance(staff);
		try {
			if (file == null || file.isEmpty()) {
				throw InvalidInputException.of("datei", "payments.import.noFile");
			}
			model.addAttribute("lines",
					this.reconciliation.importStatement(municipality, file.getBytes())
						.stream()
						.map((line) -> List.of(line.externalRef(), PaymentDocuments.money(line.amount(), locale),
								line.reference(), line.remittance(), line.outcome().name()))
						.toList());
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.problems().get(0).messageKey());
			model.addAttribute("problems", ex.problems());
		}
		return "payments/finance/statement";
	}

	@GetMapping("/intern/finanzen/export")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal StaffPrincipal staff, Municipality municipality,
			@RequestParam(name = "tag", defaultValue = "") String day,
			@RequestParam(name = "format", defaultValue = "csv") String format) {
		finance(staff);
		LocalDate date;
		try {
			date = day.isBlank() ? LocalDate.now(this.clock) : LocalDate.parse(day);
		}
		catch (DateTimeParseException ex) {
			throw new NotFoundException("Export day " + day);
		}
		boolean camt = "camt053".equals(format);
		byte[] body = camt ? this.reconciliation.camt053(municipality, date)
				: this.reconciliation.csv(municipality, date).getBytes(StandardCharsets.UTF_8);
		String name = "buchungen-" + municipality.slug() + "-" + date + (camt ? ".xml" : ".csv");
		return ResponseEntity.ok()
			.contentType(camt ? MediaType.APPLICATION_XML : new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	private Claim inMunicipality(UUID claimId, Municipality municipality) {
		return this.claims.get(claimId)
			.filter((claim) -> claim.municipalityId().equals(municipality.id()))
			.orElseThrow(() -> new NotFoundException("Claim " + claimId));
	}

	/**
	 * A held payment as the list shows it.
	 *
	 * @param id the clarification
	 * @param received when
	 * @param amount how much
	 * @param source ONLINE or BANK
	 * @param reason why it was held
	 * @param givenReference the Kassenzeichen or text it came with
	 * @param payer who paid, if known
	 */
	record HeldView(UUID id, String received, String amount, String source, String reason, String givenReference,
			String payer) {
	}

}
