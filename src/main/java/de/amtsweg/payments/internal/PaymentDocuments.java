package de.amtsweg.payments.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.amtsweg.payments.Claim;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.PdfRenderer;

import org.springframework.stereotype.Component;

/** Notices (Bescheide) and receipts (Quittungen) as PDF. */
@Component
public class PaymentDocuments {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm");

	private final PdfRenderer pdf;

	private final Municipalities municipalities;

	PaymentDocuments(PdfRenderer pdf, Municipalities municipalities) {
		this.pdf = pdf;
		this.municipalities = municipalities;
	}

	/**
	 * The notice for a claim: what is owed, when and under which Kassenzeichen.
	 * @param kind {@code notice} or {@code reminder}
	 * @param issuedOn the date printed on it
	 * @param remindedClaim for a reminder: the claim reminded of
	 */
	public byte[] notice(Claim claim, String kind, LocalDate issuedOn,
			@org.jspecify.annotations.Nullable Claim remindedClaim, Locale locale) {
		Map<String, Object> variables = common(claim, locale);
		variables.put("kind", kind);
		variables.put("issuedOn", DATE.format(issuedOn));
		variables.put("items",
				claim.dueItems()
					.stream()
					.map((item) -> List.of(DATE.format(item.dueDate()), money(item.amount(), locale)))
					.toList());
		variables.put("reminded", (remindedClaim != null) ? remindedClaim.reference() : "");
		variables.put("remindedOpen", (remindedClaim != null) ? money(remindedClaim.openAmount(), locale) : "");
		variables.put("remindedPurpose", (remindedClaim != null) ? remindedClaim.purpose() : "");
		return this.pdf.render("payments/notice-pdf", locale, variables);
	}

	/** The receipt of one booked payment. */
	public byte[] receipt(Claim claim, PaymentRepository.Booking booking, String method, Locale locale) {
		Map<String, Object> variables = common(claim, locale);
		variables.put("paid", money(booking.amount(), locale));
		variables.put("paidAt", DATE_TIME.format(booking.bookedAt().atZone(BERLIN)));
		variables.put("method", method);
		variables.put("receiptNumber", booking.id().toString().substring(0, 8).toUpperCase(Locale.ROOT));
		variables.put("open", money(claim.openAmount(), locale));
		return this.pdf.render("payments/receipt-pdf", locale, variables);
	}

	private Map<String, Object> common(Claim claim, Locale locale) {
		Municipality municipality = this.municipalities.get(claim.municipalityId());
		Map<String, Object> variables = new HashMap<>();
		variables.put("language", locale.getLanguage());
		variables.put("municipalityLine", municipality.name() + " · " + municipality.address().street() + " · "
				+ municipality.address().postcode() + " " + municipality.address().city());
		variables.put("municipalityName", municipality.name());
		variables.put("debtor", claim.debtor().name());
		variables.put("reference", claim.reference());
		variables.put("purpose", claim.purpose());
		variables.put("amount", money(claim.amount(), locale));
		return variables;
	}

	public static String money(BigDecimal amount, Locale locale) {
		NumberFormat format = NumberFormat
			.getCurrencyInstance("en".equals(locale.getLanguage()) ? Locale.UK : Locale.GERMANY);
		format.setCurrency(java.util.Currency.getInstance("EUR"));
		return format.format(amount);
	}

	public static String date(LocalDate day) {
		return DATE.format(day);
	}

}
