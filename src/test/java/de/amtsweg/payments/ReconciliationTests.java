package de.amtsweg.payments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import de.amtsweg.payments.internal.Bookkeeping;
import de.amtsweg.payments.internal.OnlinePayments;
import de.amtsweg.payments.internal.PaymentProvider.State;
import de.amtsweg.payments.internal.PaymentRepository;
import de.amtsweg.payments.internal.Reconciliation;
import de.amtsweg.payments.internal.SandboxProvider;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static de.amtsweg.payments.PaymentsTestSupport.bookings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bank's camt.053 statement settles claims; the daily export is CSV and camt.053. */
class ReconciliationTests extends IntegrationTest {

	private static final String NS = Reconciliation.CAMT_053;

	@Autowired
	Claims claims;

	@Autowired
	Reconciliation reconciliation;

	@Autowired
	OnlinePayments online;

	@Autowired
	SandboxProvider sandbox;

	@Autowired
	PaymentRepository payments;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	private Municipality musterstadt() {
		return PaymentsTestSupport.musterstadt(this.municipalities);
	}

	private byte[] statement(String id, String paid, String partly) {
		try {
			String xml = new ClassPathResource("payments/camt053-statement.xml")
				.getContentAsString(StandardCharsets.UTF_8);
			return xml.replace("STATEMENT_ID", id)
				.replace("REF_PAID", paid)
				.replace("REF_PARTLY", partly)
				.getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void aBankStatementSettlesClaimsByKassenzeichenOnceAndHoldsTheRest() {
		Claim fine = PaymentsTestSupport.guestClaim(this.claims, musterstadt(), "42.00");
		Claim dogTax = SystemActor.call(() -> this.claims
			.create(new NewClaim(musterstadt().id(), Debtor.guest("Erika Mustermann", "erika.mustermann@example.org"),
					"Hundesteuer 2027", new BigDecimal("120.00"),
					NewClaim.evenly(new BigDecimal("120.00"),
							List.of(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 5, 15), LocalDate.of(2027, 8, 15),
									LocalDate.of(2027, 11, 15))),
					null, ClaimOrigin.CASE, "test-" + UUID.randomUUID(), null)));
		String id = "STMT-" + UUID.randomUUID().toString().substring(0, 8);
		byte[] xml = statement(id, fine.reference(), dogTax.reference());

		List<Reconciliation.StatementLine> lines = SystemActor
			.call(() -> this.reconciliation.importStatement(musterstadt(), xml));
		assertThat(lines).extracting(Reconciliation.StatementLine::outcome)
			.containsExactly(Bookkeeping.Outcome.BOOKED, Bookkeeping.Outcome.BOOKED, Bookkeeping.Outcome.HELD);
		assertThat(lines.get(0).reference()).isEqualTo(fine.reference());
		assertThat(lines.get(1).reference()).isEqualTo(dogTax.reference());

		Claim paid = this.claims.get(fine.id()).orElseThrow();
		assertThat(paid.status()).isEqualTo(ClaimStatus.PAID);
		Claim partly = this.claims.get(dogTax.id()).orElseThrow();
		assertThat(partly.status()).isEqualTo(ClaimStatus.PARTLY_PAID);
		assertThat(partly.paidAmount()).isEqualByComparingTo("30.00");
		assertThat(partly.dueItems().get(0).settled()).isTrue();
		assertThat(partly.nextDue().orElseThrow().dueDate()).isEqualTo(LocalDate.of(2027, 5, 15));
		assertThat(this.payments.clarificationOf("BANK", id + "-0003")).hasValueSatisfying((held) -> {
			assertThat(held.reason()).isEqualTo("UNKNOWN_REFERENCE");
			assertThat(held.amount()).isEqualByComparingTo("17.50");
			assertThat(held.payer()).isEqualTo("Unbekannte Zahlerin");
		});

		List<Reconciliation.StatementLine> again = SystemActor
			.call(() -> this.reconciliation.importStatement(musterstadt(), xml));
		assertThat(again).extracting(Reconciliation.StatementLine::outcome)
			.containsOnly(Bookkeeping.Outcome.ALREADY_DONE);
		assertThat(bookings(this.jdbc, fine.id())).isOne();
		assertThat(bookings(this.jdbc, dogTax.id())).isOne();
		assertThat(this.claims.get(dogTax.id()).orElseThrow().paidAmount()).isEqualByComparingTo("30.00");
	}

	@Test
	void aStatementBreakingTheSchemaRulesIsRefusedWithEveryProblemByEntryAndBooksNothing() {
		Claim fine = PaymentsTestSupport.guestClaim(this.claims, musterstadt(), "42.00");
		Claim other = PaymentsTestSupport.guestClaim(this.claims, musterstadt(), "30.00");
		String id = "STMT-" + UUID.randomUUID().toString().substring(0, 8);
		String xml = new String(statement(id, fine.reference(), other.reference()), StandardCharsets.UTF_8)
			.replace("<Amt Ccy=\"EUR\">30.00</Amt>", "<Amt Ccy=\"EUR\">30,00</Amt>")
			.replace("<CdtDbtInd>DBIT</CdtDbtInd>", "<CdtDbtInd>SOLL</CdtDbtInd>");
		int third = xml.indexOf("<BkTxCd>", xml.indexOf(id + "-0003"));
		xml = xml.substring(0, third) + xml.substring(xml.indexOf("</BkTxCd>", third) + "</BkTxCd>".length());
		byte[] broken = xml.getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> SystemActor.run(() -> this.reconciliation.importStatement(musterstadt(), broken)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.problems()).extracting((p) -> p.messageKey() + " " + p.arguments()[1])
						.containsExactly("payments.statement.amount 2", "payments.statement.transactionCode 3",
								"payments.statement.indicator 4"));
		assertThat(bookings(this.jdbc, fine.id())).isZero();
		assertThat(this.claims.get(fine.id()).orElseThrow().status()).isEqualTo(ClaimStatus.OPEN);
		assertThat(this.payments.clarificationOf("BANK", id + "-0003")).isEmpty();
	}

	@Test
	void aStatementOfVersion08IsReadAndAnotherVersionIsRefused() {
		Claim fine = PaymentsTestSupport.guestClaim(this.claims, musterstadt(), "42.00");
		Claim other = PaymentsTestSupport.guestClaim(this.claims, musterstadt(), "30.00");
		String id = "STMT-" + UUID.randomUUID().toString().substring(0, 8);
		String xml = new String(statement(id, fine.reference(), other.reference()), StandardCharsets.UTF_8)
			.replace("<Sts>BOOK</Sts>", "<Sts><Cd>BOOK</Cd></Sts>");
		byte[] version04 = xml.replace("camt.053.001.02", "camt.053.001.04").getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> SystemActor.run(() -> this.reconciliation.importStatement(musterstadt(), version04)))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.problems()).singleElement()
				.satisfies((p) -> assertThat(p.messageKey()).isEqualTo("payments.statement.version")));
		assertThat(bookings(this.jdbc, fine.id())).isZero();

		byte[] version08 = xml.replace("camt.053.001.02", "camt.053.001.08").getBytes(StandardCharsets.UTF_8);
		List<Reconciliation.StatementLine> lines = SystemActor
			.call(() -> this.reconciliation.importStatement(musterstadt(), version08));
		assertThat(lines).extracting(Reconciliation.StatementLine::outcome)
			.containsExactly(Bookkeeping.Outcome.BOOKED, Bookkeeping.Outcome.BOOKED, Bookkeeping.Outcome.HELD);
		assertThat(this.claims.get(fine.id()).orElseThrow().status()).isEqualTo(ClaimStatus.PAID);
	}

	@Test
	void aKassenzeichenFollowedByADateIsFoundAndAWrongCheckDigitIsNot() {
		String reference = PaymentReference.withCheckDigits("990010004711");
		assertThat(Reconciliation.findReference("Kz. " + reference + " vom 15.02.2027")).hasValue(reference);
		assertThat(Reconciliation.findReference("KZ " + reference.substring(0, 4) + " " + reference.substring(4)))
			.hasValue(reference);
		String wrong = reference.substring(0, reference.length() - 1)
				+ (char) ('0' + (reference.charAt(reference.length() - 1) - '0' + 1) % 10);
		assertThat(Reconciliation.findReference("Kassenzeichen " + wrong)).isEmpty();
	}

	@Test
	void theDailyExportListsEveryBookingAsCsvAndAsCamt053() throws Exception {
		Claim claim = PaymentsTestSupport.guestClaim(this.claims, musterstadt(), "27.30");
		OnlinePayments.Started started = this.online.start(claim, SandboxProvider.KEY, null);
		this.sandbox.finish(this.payments.find(started.paymentId()).orElseThrow().transactionId(), State.PAID, "card",
				false);
		LocalDate today = LocalDate.now(this.clock);

		String csv = SystemActor.call(() -> this.reconciliation.csv(musterstadt(), today));
		assertThat(csv.lines().findFirst().orElseThrow()).startsWith("buchungs_id;buchungstag;kassenzeichen;betrag");
		assertThat(csv).contains(";" + claim.reference() + ";27.30;EUR;ONLINE;Verwarnungsgeld Parken;Gerda Gast;");

		byte[] camt = SystemActor.call(() -> this.reconciliation.camt053(musterstadt(), today));
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(camt));
		Element root = document.getDocumentElement();
		assertThat(root.getNamespaceURI()).isEqualTo(NS);
		assertThat(root.getLocalName()).isEqualTo("Document");
		Element statement = (Element) root.getElementsByTagNameNS(NS, "Stmt").item(0);
		assertThat(childNames(statement)).startsWith("Id", "CreDtTm", "FrToDt", "Acct", "Bal", "Bal", "TxsSummry");
		assertThat(text(statement, "IBAN")).isEqualTo("DE02120300000000202051");
		int entries = statement.getElementsByTagNameNS(NS, "Ntry").getLength();
		assertThat(text(statement, "NbOfNtries")).isEqualTo(String.valueOf(entries));
		assertThat(entries).isEqualTo((int) csv.lines().count() - 1);
		Element ours = null;
		for (int i = 0; i < entries; i++) {
			Element entry = (Element) statement.getElementsByTagNameNS(NS, "Ntry").item(i);
			if (text(entry, "EndToEndId").equals(claim.reference())) {
				ours = entry;
			}
		}
		assertThat(ours).isNotNull();
		assertThat(childNames(ours)).containsExactly("NtryRef", "Amt", "CdtDbtInd", "Sts", "BookgDt", "ValDt",
				"AcctSvcrRef", "BkTxCd", "NtryDtls");
		Element amount = (Element) ours.getElementsByTagNameNS(NS, "Amt").item(0);
		assertThat(amount.getTextContent()).isEqualTo("27.30");
		assertThat(amount.getAttribute("Ccy")).isEqualTo("EUR");
		assertThat(text(ours, "CdtDbtInd")).isEqualTo("CRDT");
		assertThat(text(ours, "Ustrd")).startsWith(claim.reference());

		// read back as a bank statement, it names settled claims: held for clarification,
		// never booked twice
		List<Reconciliation.StatementLine> lines = SystemActor
			.call(() -> this.reconciliation.importStatement(musterstadt(), camt));
		assertThat(lines).anySatisfy((line) -> assertThat(line.reference()).isEqualTo(claim.reference()));
		assertThat(bookings(this.jdbc, claim.id())).isOne();
	}

	private static List<String> childNames(Element element) {
		List<String> names = new java.util.ArrayList<>();
		for (int i = 0; i < element.getChildNodes().getLength(); i++) {
			if (element.getChildNodes().item(i) instanceof Element child) {
				names.add(child.getLocalName());
			}
		}
		return names;
	}

	private static String text(Element element, String name) {
		return element.getElementsByTagNameNS(NS, name).item(0).getTextContent().trim();
	}

}
