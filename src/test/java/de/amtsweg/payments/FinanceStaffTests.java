package de.amtsweg.payments;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.payments.internal.OnlinePayments;
import de.amtsweg.payments.internal.PaymentProvider.State;
import de.amtsweg.payments.internal.PaymentRepository;
import de.amtsweg.payments.internal.SandboxProvider;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finance staff: overview, reminders, cancellations and refunds, clarifications, imports.
 */
class FinanceStaffTests extends IntegrationTest {

	@Autowired
	Claims claims;

	@Autowired
	OnlinePayments online;

	@Autowired
	SandboxProvider sandbox;

	@Autowired
	PaymentRepository payments;

	@Autowired
	Municipalities municipalities;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	private Municipality musterstadt() {
		return PaymentsTestSupport.musterstadt(this.municipalities);
	}

	private WebSession staff(String email) {
		WebSession session = newSession();
		session.get("/intern/anmelden");
		session.submit("/intern/anmelden", Map.of("email", email, "passwort", "Amtsweg-Demo-2026"));
		return session;
	}

	@Test
	void onlyFinanceStaffSeeTheFinancePages() {
		assertThat(staff("steueramt@musterstadt.example").get("/intern/finanzen").status()).isEqualTo(200);
		assertThat(staff("bauamt@musterstadt.example").get("/intern/finanzen").status()).isEqualTo(403);
		assertThat(newSession().get("/intern/finanzen").location())
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/intern/anmelden"));
	}

	@Test
	void anOverdueClaimIsListedAndRemindedWithAFeeClaimAndANotice() {
		String purpose = "Sondernutzung-" + UUID.randomUUID().toString().substring(0, 8);
		Claim claim = SystemActor
			.call(() -> this.claims.create(NewClaim.dueOn(musterstadt().id(), Debtor.guest("Otto Offen", ""), purpose,
					new BigDecimal("60.00"), LocalDate.now(this.clock).minusDays(20), ClaimOrigin.MANUAL, "test")));
		WebSession finance = staff("steueramt@musterstadt.example");
		WebSession.Page overdue = finance.get("/intern/finanzen?ueberfaellig=true&suche=" + purpose);
		assertThat(overdue.mainText()).contains(claim.reference(), "überfällig");
		finance.get("/intern/finanzen/forderungen/" + claim.id());
		String reminderPage = finance.submit("/intern/finanzen/forderungen/" + claim.id() + "/mahnen", Map.of())
			.location()
			.orElseThrow();
		UUID reminderId = UUID.fromString(reminderPage.substring(reminderPage.lastIndexOf('/') + 1));
		Claim reminder = this.claims.get(reminderId).orElseThrow();
		assertThat(reminder.origin()).isEqualTo(ClaimOrigin.REMINDER);
		assertThat(reminder.parentClaimId()).isEqualTo(claim.id());
		assertThat(reminder.amount()).isEqualByComparingTo("5.00");
		assertThat(reminder.noticeBlob()).isNotNull();
		assertThat(this.auditLog.forRecord("payment-claim", claim.id().toString()))
			.anySatisfy((entry) -> assertThat(entry.action()).isEqualTo("payment-claim.reminded"));
	}

	@Test
	void cancellingNeedsAReasonAndIsAudited() {
		Claim claim = PaymentsTestSupport.guestClaim(this.claims, musterstadt(), "10.00");
		WebSession finance = staff("steueramt@musterstadt.example");
		String page = "/intern/finanzen/forderungen/" + claim.id();
		finance.get(page);
		finance.submit(page + "/stornieren", Map.of("grund", ""));
		assertThat(finance.get(page).mainText()).contains("Geben Sie einen Grund an.");
		finance.submit(page + "/stornieren", Map.of("grund", "Bescheid aufgehoben"));
		Claim cancelled = this.claims.get(claim.id()).orElseThrow();
		assertThat(cancelled.status()).isEqualTo(ClaimStatus.CANCELLED);
		assertThat(cancelled.statusReason()).isEqualTo("Bescheid aufgehoben");
		assertThat(this.auditLog.forRecord("payment-claim", claim.id().toString()))
			.anySatisfy((entry) -> assertThat(entry.details()).contains("Bescheid aufgehoben"));
		assertThat(staff("steueramt@beispielheim.example").get(page).status()).as("other municipality").isEqualTo(404);
	}

	@Test
	void aRefundBooksTheAmountBackAndTheClaimIsNoLongerOwed() {
		Claim claim = PaymentsTestSupport.guestClaim(this.claims, musterstadt(), "18.00");
		OnlinePayments.Started started = this.online.start(claim, SandboxProvider.KEY, null);
		this.sandbox.finish(this.payments.find(started.paymentId()).orElseThrow().transactionId(), State.PAID, "card",
				false);
		WebSession finance = staff("steueramt@musterstadt.example");
		String page = "/intern/finanzen/forderungen/" + claim.id();
		finance.get(page);
		finance.submit(page + "/erstatten", Map.of("grund", "Doppelt erhoben"));
		Claim refunded = this.claims.get(claim.id()).orElseThrow();
		assertThat(refunded.status()).isEqualTo(ClaimStatus.REFUNDED);
		assertThat(refunded.paidAmount()).isEqualByComparingTo("0");
		assertThat(this.jdbc.sql("select sum(amount) from payment_booking where claim_id = :c")
			.param("c", claim.id())
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("0");
		// a second refund finds nothing to pay back
		finance.get(page);
		assertThat(finance.get(page).document().select("form[action$=/erstatten]")).isEmpty();
	}

	@Test
	void aHeldPaymentIsBookedOnTheRightClaimAfterClarification() {
		Claim settled = PaymentsTestSupport.guestClaim(this.claims, musterstadt(), "15.00");
		Claim other = PaymentsTestSupport.guestClaim(this.claims, musterstadt(), "15.00");
		OnlinePayments.Started first = this.online.start(settled, SandboxProvider.KEY, null);
		OnlinePayments.Started second = this.online.start(settled, SandboxProvider.KEY, null);
		this.sandbox.finish(this.payments.find(first.paymentId()).orElseThrow().transactionId(), State.PAID, "card",
				false);
		this.sandbox.finish(this.payments.find(second.paymentId()).orElseThrow().transactionId(), State.PAID, "card",
				false);
		PaymentRepository.Clarification held = this.payments.openClarifications(musterstadt().id())
			.stream()
			.filter((candidate) -> settled.id().equals(candidate.claimId()))
			.findFirst()
			.orElseThrow();
		WebSession finance = staff("steueramt@musterstadt.example");
		assertThat(finance.get("/intern/finanzen/klaerung").mainText()).contains("Forderung war schon bezahlt");
		finance.submit("/intern/finanzen/klaerung/" + held.id(),
				Map.of("kassenzeichen", other.reference(), "vermerk", "Zahlerin hat zwei Bescheide verwechselt"));
		assertThat(this.claims.get(other.id()).orElseThrow().status()).isEqualTo(ClaimStatus.PAID);
		assertThat(this.payments.openClarifications(musterstadt().id()))
			.noneSatisfy((candidate) -> assertThat(candidate.id()).isEqualTo(held.id()));
	}

	@Test
	void anImportWithOneBadRowImportsNothingAndAGoodOneCreatesInstalments() {
		String key = UUID.randomUUID().toString().substring(0, 8);
		String bad = "schluessel;name;email;zweck;betrag;faellig\n" + key
				+ "-1;Hanna Hund;hanna@example.org;Hundesteuer 2027;120,00;15.02.2027|15.05.2027|15.08.2027|15.11.2027\n"
				+ key + "-2;;x;Grundsteuer;-5;morgen\n";
		WebSession finance = staff("steueramt@musterstadt.example");
		finance.get("/intern/finanzen/import");
		HttpResponse<byte[]> refused = finance.postMultipart("/intern/finanzen/import",
				Map.of("_csrf", finance.csrfToken()), "datei", "forderungen.csv", "text/csv",
				bad.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(400);
		String report = new String(refused.body(), StandardCharsets.UTF_8);
		assertThat(report).contains("Der Name fehlt.", "Die E-Mail-Adresse hat nicht die richtige Form.",
				"Der Betrag fehlt", "Die Fälligkeit fehlt");
		assertThat(this.jdbc.sql("select count(*) from payment_claim where origin_ref like :k")
			.param("k", "%:" + key + "-%")
			.query(Long.class)
			.single()).isZero();

		String json = "[{\"key\":\"" + key + "-1\",\"name\":\"Hanna Hund\",\"email\":\"hanna@example.org\","
				+ "\"purpose\":\"Hundesteuer 2027\",\"amount\":120.00,"
				+ "\"dueDates\":[\"2027-02-15\",\"2027-05-15\",\"2027-08-15\",\"2027-11-15\"]}]";
		finance.get("/intern/finanzen/import");
		HttpResponse<byte[]> imported = finance.postMultipart("/intern/finanzen/import",
				Map.of("_csrf", finance.csrfToken()), "datei", "forderungen.json", "application/json",
				json.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.statusCode()).isEqualTo(200);
		UUID claimId = this.jdbc.sql("select id from payment_claim where origin_ref = :k")
			.param("k", musterstadt().id() + ":" + key + "-1")
			.query(UUID.class)
			.single();
		Claim claim = this.claims.get(claimId).orElseThrow();
		assertThat(claim.dueItems()).hasSize(4);
		assertThat(claim.dueItems().get(0).amount()).isEqualByComparingTo("30.00");
		finance.get("/intern/finanzen/import");
		assertThat(new String(finance
			.postMultipart("/intern/finanzen/import", Map.of("_csrf", finance.csrfToken()), "datei", "forderungen.json",
					"application/json", json.getBytes(StandardCharsets.UTF_8))
			.body(), StandardCharsets.UTF_8)).contains("0 von 1 Forderungen angelegt");
	}

	@Test
	void theDatabaseRefusesAClaimWhoseDueItemsDoNotAddUp() {
		UUID id = UUID.randomUUID();
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.sql("""
					insert into payment_claim (id, municipality_id, reference, debtor_name, purpose, amount, status,
					    origin_type, origin_ref, pay_token, created_at, changed_at)
					values (:id, :m, :ref, 'X', 'Y', 10.00, 'OPEN', 'MANUAL', 'db-test', :token, now(), now())""")
				.param("id", id)
				.param("m", musterstadt().id())
				.param("ref", PaymentReference.withCheckDigits(String.valueOf(System.nanoTime()).substring(0, 12)))
				.param("token", id.toString())
				.update())
			.isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.sql("""
					insert into payment_claim (id, municipality_id, reference, debtor_name, purpose, amount, status,
					    origin_type, origin_ref, pay_token, created_at, changed_at)
					values (:id, :m, :ref, 'X', 'Y', -1.00, 'OPEN', 'MANUAL', 'db-test', :token, now(), now())""")
				.param("id", UUID.randomUUID())
				.param("m", musterstadt().id())
				.param("ref", PaymentReference.withCheckDigits("123456789"))
				.param("token", UUID.randomUUID().toString())
				.update())
			.isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
	}

}
