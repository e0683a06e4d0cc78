package de.amtsweg.payments.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import de.amtsweg.payments.Claim;
import de.amtsweg.payments.PaymentReference;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipality;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The finance system's side: a daily export of all bookings as CSV and as an ISO 20022
 * camt.053.001.02 statement, and the import of the bank's camt.053 statement, which books
 * transfers on the claims whose Kassenzeichen the remittance information names. Entries
 * without a known Kassenzeichen are held for clarification. An entry is booked once
 * however often the statement is imported (its bank reference is the booking's unique
 * key).
 */
@Service
public class Reconciliation {

	public static final String CAMT_053 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";

	private static final Pattern DIGIT_RUNS = Pattern.compile("\\d[\\d .\\-/]{4,44}\\d");

	private final PaymentRepository payments;

	private final ClaimRepository claims;

	private final Bookkeeping bookkeeping;

	private final PaymentsProperties properties;

	private final AuditLog auditLog;

	private final Clock clock;

	Reconciliation(PaymentRepository payments, ClaimRepository claims, Bookkeeping bookkeeping,
			PaymentsProperties properties, AuditLog auditLog, Clock clock) {
		this.payments = payments;
		this.claims = claims;
		this.bookkeeping = bookkeeping;
		this.properties = properties;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	private List<PaymentRepository.Booking> bookingsOn(UUID municipalityId, LocalDate day) {
		Instant from = day.atStartOfDay(PaymentDocuments.BERLIN).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(PaymentDocuments.BERLIN).toInstant();
		return this.payments.bookingsOn(municipalityId, from, to);
	}

	private Map<UUID, Claim> claimsOf(List<PaymentRepository.Booking> bookings) {
		return bookings.stream()
			.map(PaymentRepository.Booking::claimId)
			.distinct()
			.map((id) -> this.claims.find(id).orElseThrow())
			.collect(Collectors.toMap(Claim::id, Function.identity()));
	}

	/** The day's bookings as CSV (semicolon, UTF-8, German header names). */
	@Transactional
	public String csv(Municipality municipality, LocalDate day) {
		List<PaymentRepository.Booking> bookings = bookingsOn(municipality.id(), day);
		Map<UUID, Claim> byId = claimsOf(bookings);
		StringBuilder csv = new StringBuilder(
				"buchungs_id;buchungstag;kassenzeichen;betrag;waehrung;quelle;zweck;zahlungspflichtig;referenz\r\n");
		for (PaymentRepository.Booking booking : bookings) {
			Claim claim = byId.get(booking.claimId());
			csv.append(String.join(";", booking.id().toString(), booking.bookedOn(PaymentDocuments.BERLIN).toString(),
					claim.reference(), booking.amount().toPlainString(), "EUR", booking.source(), cell(claim.purpose()),
					cell(claim.debtor().name()), cell(booking.externalRef())))
				.append("\r\n");
		}
		this.auditLog.record("payment-export.csv", "municipality", municipality.id().toString(), municipality.id(),
				day + ": " + bookings.size() + " bookings");
		return csv.toString();
	}

	private static String cell(String text) {
		String clean = text.replace("\r", " ").replace("\n", " ");
		return (clean.contains(";") || clean.contains("\"")) ? "\"" + clean.replace("\"", "\"\"") + "\"" : clean;
	}

	/** The day's bookings as a camt.053.001.02 statement of the treasury's account. */
	@Transactional
	public byte[] camt053(Municipality municipality, LocalDate day) {
		List<PaymentRepository.Booking> bookings = bookingsOn(municipality.id(), day);
		Map<UUID, Claim> byId = claimsOf(bookings);
		Document document = newBuilder().newDocument();
		Element root = document.createElementNS(CAMT_053, "Document");
		document.appendChild(root);
		Element statementMessage = child(root, "BkToCstmrStmt");
		String created = LocalDateTime.now(this.clock).truncatedTo(ChronoUnit.SECONDS).toString();
		Element header = child(statementMessage, "GrpHdr");
		text(header, "MsgId", "AMTSWEG-" + municipality.slug() + "-" + day);
		text(header, "CreDtTm", created);
		Element statement = child(statementMessage, "Stmt");
		text(statement, "Id", municipality.ags().value() + "-" + day);
		text(statement, "CreDtTm", created);
		Element period = child(statement, "FrToDt");
		text(period, "FrDtTm", day.atStartOfDay().toString() + ":00");
		text(period, "ToDtTm", day.atTime(23, 59, 59).toString());
		Element account = child(statement, "Acct");
		text(child(account, "Id"), "IBAN", this.properties.accountIban());
		text(account, "Ccy", "EUR");
		text(child(account, "Ownr"), "Nm", municipality.name());
		BigDecimal sum = BigDecimal.ZERO;
		BigDecimal net = BigDecimal.ZERO;
		for (PaymentRepository.Booking booking : bookings) {
			sum = sum.add(booking.amount().abs());
			net = net.add(booking.amount());
		}
		balance(statement, "OPBD", BigDecimal.ZERO, day);
		balance(statement, "CLBD", net, day);
		Element totals = child(child(statement, "TxsSummry"), "TtlNtries");
		text(totals, "NbOfNtries", String.valueOf(bookings.size()));
		text(totals, "Sum", sum.setScale(2).toPlainString());
		text(totals, "TtlNetNtryAmt", net.abs().setScale(2).toPlainString());
		text(totals, "CdtDbtInd", (net.signum() < 0) ? "DBIT" : "CRDT");
		for (PaymentRepository.Booking booking : bookings) {
			Claim claim = byId.get(booking.claimId());
			Element entry = child(statement, "Ntry");
			text(entry, "NtryRef", booking.id().toString());
			amount(entry, booking.amount().abs());
			text(entry, "CdtDbtInd", (booking.amount().signum() < 0) ? "DBIT" : "CRDT");
			text(entry, "Sts", "BOOK");
			text(child(entry, "BookgDt"), "Dt", day.toString());
			text(child(entry, "ValDt"), "Dt", day.toString());
			text(entry, "AcctSvcrRef", booking.id().toString().replace("-", "").substring(0, 20));
			Element domain = child(child(entry, "BkTxCd"), "Domn");
			text(domain, "Cd", "PMNT");
			Element family = child(domain, "Fmly");
			text(family, "Cd", (booking.amount().signum() < 0) ? "ICDT" : "RCDT");
			text(family, "SubFmlyCd", (booking.amount().signum() < 0) ? "ESCT" : "OTHR");
			Element details = child(child(entry, "NtryDtls"), "TxDtls");
			text(child(details, "Refs"), "EndToEndId", claim.reference());
			Element party = child(child(details, "RltdPties"), (booking.amount().signum() < 0) ? "Cdtr" : "Dbtr");
			text(party, "Nm", limit(claim.debtor().name(), 70));
			text(child(details, "RmtInf"), "Ustrd", limit(claim.reference() + " " + claim.purpose(), 140));
		}
		this.auditLog.record("payment-export.camt053", "municipality", municipality.id().toString(), municipality.id(),
				day + ": " + bookings.size() + " bookings");
		return write(document);
	}

	private static void balance(Element statement, String code, BigDecimal amount, LocalDate day) {
		Element balance = child(statement, "Bal");
		text(child(child(balance, "Tp"), "CdOrPrtry"), "Cd", code);
		amount(balance, amount.abs());
		text(balance, "CdtDbtInd", (amount.signum() < 0) ? "DBIT" : "CRDT");
		text(child(balance, "Dt"), "Dt", day.toString());
	}

	private static void amount(Element parent, BigDecimal amount) {
		Element element = text(parent, "Amt", amount.setScale(2).toPlainString());
		element.setAttribute("Ccy", "EUR");
	}

	private static String limit(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

	private static Element child(Element parent, String name) {
		Element element = parent.getOwnerDocument().createElementNS(CAMT_053, name);
		parent.appendChild(element);
		return element;
	}

	private static Element text(Element parent, String name, String text) {
		Element element = child(parent, name);
		element.setTextContent(text);
		return element;
	}

	private static byte[] write(Document document) {
		try {
			TransformerFactory factory = TransformerFactory.newInstance();
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
			Transformer transformer = factory.newTransformer();
			transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			transformer.setOutputProperty(OutputKeys.INDENT, "yes");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			transformer.transform(new DOMSource(document), new StreamResult(out));
			return out.toByteArray();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not write camt.053", ex);
		}
	}

	static DocumentBuilder newBuilder() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			return factory.newDocumentBuilder();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Books the credit entries of a bank statement (camt.053) on claims by the
	 * Kassenzeichen in their remittance information.
	 * @throws InvalidInputException if the file is no camt.053 statement
	 */
	@Transactional
	public List<StatementLine> importStatement(Municipality municipality, byte[] xml) {
		Document document;
		try {
			document = newBuilder().parse(new ByteArrayInputStream(xml));
		}
		catch (Exception ex) {
			throw InvalidInputException.of("file", "payments.statement.unreadable");
		}
		Element root = document.getDocumentElement();
		if (!"Document".equals(root.getLocalName()) || root.getNamespaceURI() == null
				|| !root.getNamespaceURI().startsWith("urn:iso:std:iso:20022:tech:xsd:camt.053.")) {
			throw InvalidInputException.of("file", "payments.statement.notCamt053");
		}
		// all or nothing: every problem of the file is reported before anything is booked
		List<InvalidInputException.FieldProblem> problems = StatementCheck.problems(root);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<StatementLine> lines = new ArrayList<>();
		for (Element statement : children(first(root, "BkToCstmrStmt"), "Stmt")) {
			String statementId = textOf(statement, "Id");
			int entryNumber = 0;
			for (Element entry : children(statement, "Ntry")) {
				entryNumber++;
				if (!"CRDT".equals(textOf(entry, "CdtDbtInd")) || !"BOOK".equals(statusOf(entry))) {
					continue;
				}
				String entryRef = firstNonBlank(textOf(entry, "AcctSvcrRef"), textOf(entry, "NtryRef"),
						statementId + "#" + entryNumber);
				List<Element> transactions = new ArrayList<>();
				for (Element details : children(entry, "NtryDtls")) {
					transactions.addAll(children(details, "TxDtls"));
				}
				if (transactions.isEmpty()) {
					lines.add(book(municipality, entryRef, amountOf(entry), remittance(entry), ""));
					continue;
				}
				int transactionNumber = 0;
				for (Element transaction : transactions) {
					transactionNumber++;
					BigDecimal amount = (transactions.size() == 1) ? amountOf(entry) : transactionAmount(transaction);
					String ref = (transactions.size() == 1) ? entryRef : entryRef + "/" + transactionNumber;
					Element parties = first(transaction, "RltdPties");
					Element debtor = (parties != null) ? first(parties, "Dbtr") : null;
					lines.add(book(municipality, ref, amount, remittance(transaction),
							(debtor != null) ? textOf(debtor, "Nm") : ""));
				}
			}
		}
		this.auditLog.record("payment-statement.imported", "municipality", municipality.id().toString(),
				municipality.id(), lines.size() + " credit entries");
		return lines;
	}

	private StatementLine book(Municipality municipality, String externalRef, BigDecimal amount, String remittance,
			String payer) {
		Optional<String> reference = findReference(remittance);
		Optional<Claim> claim = reference.flatMap(this.claims::findByReference)
			.filter((found) -> found.municipalityId().equals(municipality.id()));
		Bookkeeping.Outcome outcome = claim.isPresent()
				? this.bookkeeping.receive(claim.get().id(), null, "BANK", externalRef, amount, payer, remittance)
				: this.bookkeeping.holdUnknown(municipality.id(), "BANK", externalRef, null, limit(remittance, 200),
						limit(payer, 200), amount);
		return new StatementLine(externalRef, amount, reference.orElse(""), remittance, outcome);
	}

	/** The first run of digits in the text that is a valid Kassenzeichen. */
	public static Optional<String> findReference(String text) {
		Matcher matcher = DIGIT_RUNS.matcher(text);
		while (matcher.find()) {
			String candidate = PaymentReference.normalise(matcher.group());
			if (PaymentReference.isValid(candidate)) {
				return Optional.of(candidate);
			}
			// the run may hold more than the reference, e.g. a date right after it
			for (String part : matcher.group().split("[\\s/]+")) {
				String normalised = PaymentReference.normalise(part);
				if (PaymentReference.isValid(normalised)) {
					return Optional.of(normalised);
				}
			}
		}
		return Optional.empty();
	}

	static String statusOf(Element entry) {
		Element status = first(entry, "Sts");
		if (status == null) {
			return "";
		}
		Element code = first(status, "Cd");
		return ((code != null) ? code.getTextContent() : status.getTextContent()).trim();
	}

	private static BigDecimal amountOf(Element element) {
		return new BigDecimal(textOf(element, "Amt"));
	}

	private static BigDecimal transactionAmount(Element transaction) {
		Element details = first(transaction, "AmtDtls");
		if (details != null) {
			for (String kind : List.of("TxAmt", "InstdAmt")) {
				Element amount = first(details, kind);
				if (amount != null) {
					return amountOf(amount);
				}
			}
		}
		Element direct = first(transaction, "Amt");
		if (direct != null) {
			return new BigDecimal(direct.getTextContent().trim());
		}
		throw InvalidInputException.of("file", "payments.statement.noAmount");
	}

	private static String remittance(Element element) {
		List<String> parts = new ArrayList<>();
		for (Element info : children(element, "RmtInf")) {
			children(info, "Ustrd").forEach((unstructured) -> parts.add(unstructured.getTextContent().trim()));
			for (Element structured : children(info, "Strd")) {
				Element creditorReference = first(structured, "CdtrRefInf");
				if (creditorReference != null) {
					parts.add(textOf(creditorReference, "Ref"));
				}
			}
		}
		if (parts.isEmpty()) {
			String additional = textOf(element, "AddtlNtryInf");
			if (!additional.isEmpty()) {
				parts.add(additional);
			}
		}
		return String.join(" ", parts).trim();
	}

	private static String firstNonBlank(String... values) {
		for (String value : values) {
			if (!value.isBlank()) {
				return value;
			}
		}
		return "";
	}

	static @Nullable Element first(Element parent, String name) {
		List<Element> found = children(parent, name);
		return found.isEmpty() ? null : found.get(0);
	}

	static List<Element> children(@Nullable Element parent, String name) {
		List<Element> found = new ArrayList<>();
		if (parent == null) {
			return found;
		}
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			Node node = nodes.item(i);
			if (node instanceof Element element && name.equals(element.getLocalName())) {
				found.add(element);
			}
		}
		return found;
	}

	static String textOf(Element parent, String name) {
		Element element = first(parent, name);
		return (element != null) ? element.getTextContent().trim() : "";
	}

	/**
	 * One credit line of an imported statement.
	 *
	 * @param externalRef the bank's reference of it
	 * @param amount EUR
	 * @param reference the Kassenzeichen found, or empty
	 * @param remittance the remittance information
	 * @param outcome booked, held or done before
	 */
	public record StatementLine(String externalRef, BigDecimal amount, String reference, String remittance,
			Bookkeeping.Outcome outcome) {
	}

	static String formatted(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant);
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
