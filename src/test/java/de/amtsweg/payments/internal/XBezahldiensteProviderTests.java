package de.amtsweg.payments.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The XBezahldienste adapter against a local stand-in that follows the standard's
 * messages.
 */
class XBezahldiensteProviderTests {

	private final XBezahldiensteStandIn standIn = new XBezahldiensteStandIn();

	@AfterEach
	void stop() {
		this.standIn.close();
	}

	private XBezahldiensteProvider provider(String password) {
		return new XBezahldiensteProvider(new PaymentsProperties.XBezahldienste(true, this.standIn.baseUrl(),
				XBezahldiensteStandIn.ORIGINATOR, XBezahldiensteStandIn.ENDPOINT, XBezahldiensteStandIn.USER, password),
				Clock.systemUTC());
	}

	private PaymentProvider.Order order(UUID paymentId) {
		return new PaymentProvider.Order(paymentId, new BigDecimal("36.50"), "Meldebescheinigung", "99001000100165",
				"http://localhost:8080/bezahlen/zahlung/" + paymentId + "/rueckkehr",
				"http://localhost:8080/api/v1/payments/notifications/xbezahldienste");
	}

	@Test
	void aPaymentRequestCreatesATransactionWhosePageThePayerIsSentTo() {
		XBezahldiensteProvider provider = provider(XBezahldiensteStandIn.PASSWORD);
		UUID paymentId = UUID.randomUUID();
		PaymentProvider.Created created = provider.create(order(paymentId));
		assertThat(created.redirectUrl().toString())
			.isEqualTo(this.standIn.baseUrl() + "/pay/" + created.transactionId());
		var request = this.standIn.request(created.transactionId());
		assertThat(request.path("requestId").asString()).isEqualTo(paymentId.toString());
		assertThat(request.path("grosAmount").decimalValue()).isEqualByComparingTo("36.50");
		assertThat(request.path("currency").asString()).isEqualTo("EUR");
		assertThat(request.path("redirectUrl").asString()).endsWith("/rueckkehr");
		assertThat(request.path("items").get(0).path("reference").asString()).isEqualTo("99001000100165");
		assertThat(provider.status(created.transactionId()).state()).isEqualTo(PaymentProvider.State.INITIAL);
	}

	@Test
	void theStatusQueryReportsPaidFailedAndCancelled() {
		XBezahldiensteProvider provider = provider(XBezahldiensteStandIn.PASSWORD);
		String paid = provider.create(order(UUID.randomUUID())).transactionId();
		String failed = provider.create(order(UUID.randomUUID())).transactionId();
		String cancelled = provider.create(order(UUID.randomUUID())).transactionId();
		this.standIn.finish(paid, "PAYED", "CREDITCARD");
		this.standIn.finish(failed, "FAILED", "GIROPAY");
		this.standIn.finish(cancelled, "CANCELED", "PAYPAL");
		PaymentProvider.Status status = provider.status(paid);
		assertThat(status.state()).isEqualTo(PaymentProvider.State.PAID);
		assertThat(status.amount()).isEqualByComparingTo("36.50");
		assertThat(status.method()).isEqualTo("CREDITCARD");
		assertThat(provider.status(failed).state()).isEqualTo(PaymentProvider.State.FAILED);
		assertThat(provider.status(cancelled).state()).isEqualTo(PaymentProvider.State.CANCELLED);
	}

	@Test
	void wrongCredentialsAreAnErrorNotAPayment() {
		assertThatIllegalStateException().isThrownBy(() -> provider("falsch").create(order(UUID.randomUUID())))
			.withMessageContaining("401");
	}

	@Test
	void itSendsNoNotificationsSoNoneIsEverAccepted() {
		assertThat(provider(XBezahldiensteStandIn.PASSWORD).verify("{}".getBytes(), java.util.Map.of())).isEmpty();
	}

}
