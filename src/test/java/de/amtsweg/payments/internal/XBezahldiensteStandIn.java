package de.amtsweg.payments.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for an XBezahldienste payment service, following the standard's
 * messages: {@code POST /paymenttransaction/{originatorId}/{endpointId}} takes a
 * PaymentRequest and answers a PaymentTransaction (the request plus paymentInformation
 * with transactionId, transactionUrl, transactionTimestamp and status INITIAL);
 * {@code GET .../{transactionId}} answers the transaction with its current status. Basic
 * authentication; the payer's visit to the payment page is simulated by {@link #finish}.
 */
final class XBezahldiensteStandIn implements AutoCloseable {

	static final String ORIGINATOR = "amtsweg-test";

	static final String ENDPOINT = "musterstadt";

	static final String USER = "portal";

	static final String PASSWORD = "geheim-2026";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final Map<String, ObjectNode> transactions = new ConcurrentHashMap<>();

	XBezahldiensteStandIn() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/paymenttransaction/", this::handle);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The payer finished on the payment page: PAYED, FAILED or CANCELED. */
	void finish(String transactionId, String status, String method) {
		ObjectNode information = (ObjectNode) this.transactions.get(transactionId).path("paymentInformation");
		information.put("status", status);
		information.put("paymentMethod", method);
	}

	JsonNode request(String transactionId) {
		return this.transactions.get(transactionId).path("paymentRequest");
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String expected = "Basic "
					+ Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
			if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				exchange.sendResponseHeaders(401, -1);
				return;
			}
			String[] parts = exchange.getRequestURI().getPath().split("/");
			// "", "paymenttransaction", originator, endpoint[, transaction]
			if (parts.length < 4 || !ORIGINATOR.equals(parts[2]) || !ENDPOINT.equals(parts[3])) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			if ("POST".equals(exchange.getRequestMethod()) && parts.length == 4) {
				JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
				if (!request.path("requestId").isString() || !request.path("grosAmount").isNumber()
						|| !"EUR".equals(request.path("currency").asString())
						|| !request.path("redirectUrl").asString("").startsWith("http")) {
					exchange.sendResponseHeaders(400, -1);
					return;
				}
				String id = "XB-" + UUID.randomUUID();
				ObjectNode transaction = JSON.createObjectNode();
				transaction.set("paymentRequest", request);
				ObjectNode information = transaction.putObject("paymentInformation");
				information.put("transactionId", id);
				information.put("transactionUrl", baseUrl() + "/pay/" + id);
				information.put("transactionReference", request.path("requestId").asString());
				information.put("transactionTimestamp", request.path("requestTimestamp").asString());
				information.put("status", "INITIAL");
				this.transactions.put(id, transaction);
				reply(exchange, 201, transaction);
				return;
			}
			if ("GET".equals(exchange.getRequestMethod()) && parts.length == 5
					&& this.transactions.containsKey(parts[4])) {
				reply(exchange, 200, this.transactions.get(parts[4]));
				return;
			}
			exchange.sendResponseHeaders(404, -1);
		}
	}

	private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
