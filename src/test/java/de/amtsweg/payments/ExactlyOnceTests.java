package de.amtsweg.payments;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.amtsweg.payments.internal.OnlinePayments;
import de.amtsweg.payments.internal.PaymentProvider.State;
import de.amtsweg.payments.internal.PaymentRepository;
import de.amtsweg.payments.internal.PaymentStatus;
import de.amtsweg.payments.internal.SandboxProvider;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static de.amtsweg.payments.PaymentsTestSupport.bookings;
import static de.amtsweg.payments.PaymentsTestSupport.clarifications;
import static de.amtsweg.payments.PaymentsTestSupport.guestClaim;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payment counts once however often and in whatever order the provider's notification
 * and the payer's return arrive; forged notifications are refused; money for settled or
 * unknown claims is held for clarification.
 */
class ExactlyOnceTests extends IntegrationTest {

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

	private String transactionOf(OnlinePayments.Started started) {
		return this.payments.find(started.paymentId()).orElseThrow().transactionId();
	}

	@Test
	void aDuplicateNotificationBooksThePaymentOnce() {
		Claim claim = guestClaim(this.claims, musterstadt(), "35.00");
		OnlinePayments.Started started = this.online.start(claim, SandboxProvider.KEY, null);
		String transaction = transactionOf(started);
		this.sandbox.finish(transaction, State.PAID, "card", false);
		assertThat(this.sandbox.notify(transaction)).isEqualTo(204);
		assertThat(this.sandbox.notify(transaction)).isEqualTo(204);
		assertThat(bookings(this.jdbc, claim.id())).isOne();
		Claim paid = this.claims.get(claim.id()).orElseThrow();
		assertThat(paid.status()).isEqualTo(ClaimStatus.PAID);
		assertThat(paid.paidAmount()).isEqualByComparingTo("35.00");
		assertThat(this.payments.find(started.paymentId()).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
	}

	@Test
	void aReturnBeforeTheNotificationBooksOnceAndTheLateNotificationChangesNothing() {
		Claim claim = guestClaim(this.claims, musterstadt(), "20.00");
		OnlinePayments.Started started = this.online.start(claim, SandboxProvider.KEY, null);
		String transaction = transactionOf(started);
		this.sandbox.finish(transaction, State.PAID, "giropay", true);
		assertThat(bookings(this.jdbc, claim.id())).isZero();
		assertThat(this.online.returned(started.paymentId()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(bookings(this.jdbc, claim.id())).isOne();
		this.clock.advance(java.time.Duration.ofMinutes(5));
		assertThat(this.sandbox.sendDueNotifications()).isPositive();
		assertThat(this.sandbox.find(transaction).orElseThrow().notified()).isTrue();
		assertThat(bookings(this.jdbc, claim.id())).isOne();
		assertThat(this.claims.get(claim.id()).orElseThrow().paidAmount()).isEqualByComparingTo("20.00");
	}

	@Test
	void aNotificationBeforeTheReturnBooksOnce() {
		Claim claim = guestClaim(this.claims, musterstadt(), "12.50");
		OnlinePayments.Started started = this.online.start(claim, SandboxProvider.KEY, null);
		this.sandbox.finish(transactionOf(started), State.PAID, "paypal", false);
		assertThat(bookings(this.jdbc, claim.id())).isOne();
		this.online.returned(started.paymentId());
		this.online.returned(started.paymentId());
		assertThat(bookings(this.jdbc, claim.id())).isOne();
		assertThat(this.claims.get(claim.id()).orElseThrow().status()).isEqualTo(ClaimStatus.PAID);
	}

	@Test
	void concurrentDuplicateNotificationsBookOnce() throws Exception {
		Claim claim = guestClaim(this.claims, musterstadt(), "48.00");
		OnlinePayments.Started started = this.online.start(claim, SandboxProvider.KEY, null);
		String transaction = transactionOf(started);
		this.sandbox.finish(transaction, State.PAID, "card", true);
		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < threads; i++) {
				answers.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return this.sandbox.notify(transaction);
				}));
			}
			ready.await();
			go.countDown();
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).isEqualTo(204);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(bookings(this.jdbc, claim.id())).isOne();
		assertThat(this.claims.get(claim.id()).orElseThrow().paidAmount()).isEqualByComparingTo("48.00");
	}

	@Test
	void aNotificationWithABadSignatureIsRefusedAndRecorded() {
		Claim claim = guestClaim(this.claims, musterstadt(), "30.00");
		OnlinePayments.Started started = this.online.start(claim, SandboxProvider.KEY, null);
		String transaction = transactionOf(started);
		byte[] forged = ("{\"transactionId\":\"" + transaction
				+ "\",\"status\":\"PAID\",\"amount\":\"30.00\",\"method\":\"card\"}")
			.getBytes(StandardCharsets.UTF_8);
		String url = baseUrl() + "/api/v1/payments/notifications/sandbox";
		assertThat(this.sandbox.post(url, forged, "00".repeat(32))).isEqualTo(401);
		assertThat(this.sandbox.post(url, forged, "")).isEqualTo(401);
		assertThat(bookings(this.jdbc, claim.id())).isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from payment_notification where signature_valid = false and body like :tx""")
			.param("tx", "%" + transaction + "%")
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(this.auditLog.forRecord("payment-notification", "sandbox"))
			.anySatisfy((entry) -> assertThat(entry.action()).isEqualTo("payment-notification.refused"));
		// the genuine one still counts
		this.sandbox.finish(transaction, State.PAID, "card", false);
		assertThat(bookings(this.jdbc, claim.id())).isOne();
	}

	@Test
	void aPaymentForAnAlreadySettledClaimIsHeldForClarification() {
		Claim claim = guestClaim(this.claims, musterstadt(), "15.00");
		OnlinePayments.Started first = this.online.start(claim, SandboxProvider.KEY, null);
		OnlinePayments.Started second = this.online.start(claim, SandboxProvider.KEY, null);
		this.sandbox.finish(transactionOf(first), State.PAID, "card", false);
		this.sandbox.finish(transactionOf(second), State.PAID, "paypal", false);
		this.sandbox.notify(transactionOf(second));
		assertThat(bookings(this.jdbc, claim.id())).isOne();
		assertThat(clarifications(this.jdbc, claim.id())).isOne();
		assertThat(this.payments.openClarifications(musterstadt().id())).anySatisfy((held) -> {
			assertThat(held.claimId()).isEqualTo(claim.id());
			assertThat(held.reason()).isEqualTo("CLAIM_SETTLED");
			assertThat(held.amount()).isEqualByComparingTo("15.00");
		});
		assertThat(this.claims.get(claim.id()).orElseThrow().paidAmount()).isEqualByComparingTo("15.00");
	}

	@Test
	void aSignedNotificationForAnUnknownPaymentIsHeldNotLost() {
		String transaction = "sbx-unknown-" + UUID.randomUUID();
		byte[] body = ("{\"transactionId\":\"" + transaction
				+ "\",\"status\":\"PAID\",\"amount\":\"9.99\",\"method\":\"card\"}")
			.getBytes(StandardCharsets.UTF_8);
		String signature = java.util.HexFormat.of().formatHex(this.sandbox.sign(body));
		String url = baseUrl() + "/api/v1/payments/notifications/sandbox";
		assertThat(this.sandbox.post(url, body, signature)).isEqualTo(204);
		assertThat(this.sandbox.post(url, body, signature)).isEqualTo(204);
		assertThat(this.jdbc.sql("select count(*) from payment_clarification where external_ref = :r")
			.param("r", "sandbox:" + transaction)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aFailedOrCancelledPaymentBooksNothingAndTheClaimStaysOpen() {
		Claim claim = guestClaim(this.claims, musterstadt(), "22.00");
		OnlinePayments.Started failed = this.online.start(claim, SandboxProvider.KEY, null);
		this.sandbox.finish(transactionOf(failed), State.FAILED, "card", false);
		OnlinePayments.Started cancelled = this.online.start(claim, SandboxProvider.KEY, null);
		this.sandbox.finish(transactionOf(cancelled), State.CANCELLED, "", false);
		assertThat(this.online.returned(failed.paymentId()).status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(this.online.returned(cancelled.paymentId()).status()).isEqualTo(PaymentStatus.CANCELLED);
		assertThat(bookings(this.jdbc, claim.id())).isZero();
		assertThat(this.claims.get(claim.id()).orElseThrow().status()).isEqualTo(ClaimStatus.OPEN);
	}

}
