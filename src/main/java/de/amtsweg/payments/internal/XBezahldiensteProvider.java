package de.amtsweg.payments.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A payment service that speaks XBezahldienste, FITKO's REST standard for payment
 * services of German administration (e.g. a state's ePayBL behind an XBezahldienste
 * interface). We send a {@code PaymentRequest} ({@code requestId},
 * {@code requestTimestamp}, {@code currency}, {@code grosAmount}, {@code purpose},
 * {@code description}, {@code redirectUrl}, {@code items}) to {@code POST
 * {baseUrl}/paymenttransaction/{originatorId}/{endpointId}} and get a
 * {@code PaymentTransaction} whose {@code paymentInformation} carries the
 * {@code transactionId}, the {@code transactionUrl} for the payer and the {@code status}
 * ({@code INITIAL}, {@code PAYED}, {@code FAILED}, {@code CANCELED}). The outcome is
 * asked with {@code GET
 * {baseUrl}/paymenttransaction/{originatorId}/{endpointId}/{transactionId}} when the
 * payer returns: the standard has no notification, so there is nothing to verify. Basic
 * authentication. Off unless {@code amtsweg.payments.xbezahldienste.enabled}.
 */
@Component
@Order(2)
public class XBezahldiensteProvider implements PaymentProvider {

	public static final String KEY = "xbezahldienste";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PaymentsProperties.XBezahldienste settings;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Autowired
	XBezahldiensteProvider(PaymentsProperties properties, Clock clock) {
		this(properties.xbezahldienste(), clock);
	}

	/** For a service configured elsewhere, e.g. a test's stand-in. */
	public XBezahldiensteProvider(PaymentsProperties.XBezahldienste settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public boolean enabled() {
		return this.settings.enabled() && !this.settings.baseUrl().isBlank();
	}

	@Override
	public Created create(Order order) {
		ObjectNode request = JSON.createObjectNode();
		request.put("requestId", order.paymentId().toString());
		request.put("requestTimestamp", OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.SECONDS).toString());
		request.put("currency", "EUR");
		request.put("grosAmount", order.amount());
		request.put("purpose", limit(order.reference() + " " + order.purpose(), 140));
		request.put("description", limit(order.purpose(), 250));
		request.put("redirectUrl", order.returnUrl());
		ObjectNode item = request.putArray("items").addObject();
		item.put("id", "1");
		item.put("reference", order.reference());
		item.put("description", limit(order.purpose(), 250));
		item.put("grosAmount", order.amount());
		item.put("quantity", 1);
		JsonNode transaction = send(HttpRequest.newBuilder(uri(""))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request))));
		JsonNode information = transaction.path("paymentInformation");
		String transactionId = information.path("transactionId").asString("");
		String url = information.path("transactionUrl").asString("");
		if (transactionId.isBlank() || !(url.startsWith("https://") || url.startsWith("http://"))) {
			throw new IllegalStateException("XBezahldienste answered without transaction id or payment page");
		}
		return new Created(transactionId, URI.create(url));
	}

	@Override
	public Status status(String transactionId) {
		JsonNode transaction = send(
				HttpRequest.newBuilder(uri("/" + URLEncoder.encode(transactionId, StandardCharsets.UTF_8))).GET());
		JsonNode information = transaction.path("paymentInformation");
		State state = switch (information.path("status").asString("")) {
			case "PAYED" -> State.PAID;
			case "FAILED" -> State.FAILED;
			case "CANCELED" -> State.CANCELLED;
			default -> State.INITIAL;
		};
		BigDecimal amount = transaction.path("paymentRequest").path("grosAmount").decimalValue();
		return new Status(state, amount, information.path("paymentMethod").asString(""));
	}

	@Override
	public Optional<Notification> verify(byte[] body, Map<String, String> headers) {
		return Optional.empty();
	}

	private URI uri(String suffix) {
		String base = this.settings.baseUrl().replaceAll("/+$", "");
		return URI.create(base + "/paymenttransaction/" + this.settings.originatorId() + "/"
				+ this.settings.endpointId() + suffix);
	}

	private JsonNode send(HttpRequest.Builder request) {
		String credentials = this.settings.username() + ":" + this.settings.password();
		request.header("Accept", "application/json")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.timeout(Duration.ofSeconds(20));
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException("XBezahldienste answered " + response.statusCode());
			}
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("XBezahldienste not reachable", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String limit(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

}
