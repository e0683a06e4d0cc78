package de.amtsweg.payments.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import de.amtsweg.platform.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A complete payment platform for demos and tests, shipped with the product: its own
 * pages under {@code /sandbox-zahlung/} let the payer pick card, PayPal-style or
 * giropay-style payment and succeed, fail or cancel. It then posts a notification signed
 * with HMAC-SHA256 ({@code X-Sandbox-Signature: <hex>} over the body) to our notification
 * endpoint over real HTTP, at once or, if the payer asked for a late notification, after
 * {@code amtsweg.payments.sandbox.late-notification-delay}. It keeps its own table, as an
 * outside platform would.
 */
@Component
@Order(1)
public class SandboxProvider implements PaymentProvider {

	public static final String KEY = "sandbox";

	public static final String SIGNATURE_HEADER = "X-Sandbox-Signature";

	public static final Set<String> METHODS = Set.of("card", "paypal", "giropay");

	private static final Logger LOG = LoggerFactory.getLogger(SandboxProvider.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final PaymentsProperties properties;

	private final JobLock jobLock;

	private final Clock clock;

	private final String baseUrl;

	private final byte[] secret;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	SandboxProvider(JdbcClient jdbc, PaymentsProperties properties, JobLock jobLock, Clock clock,
			@Value("${amtsweg.base-url}") String baseUrl) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.jobLock = jobLock;
		this.clock = clock;
		this.baseUrl = baseUrl;
		this.secret = properties.sandbox().secret().isEmpty() ? randomKey()
				: properties.sandbox().secret().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public boolean enabled() {
		return this.properties.sandbox().enabled();
	}

	@Override
	@Transactional
	public Created create(Order order) {
		String id = "sbx-" + UUID.randomUUID();
		this.jdbc.sql("""
				insert into payment_sandbox_transaction (id, amount, purpose, reference, return_url, notify_url, status,
				    created_at)
				values (:id, :amount, :purpose, :reference, :returnUrl, :notifyUrl, 'INITIAL', :now)""")
			.param("id", id)
			.param("amount", order.amount())
			.param("purpose", order.purpose())
			.param("reference", order.reference())
			.param("returnUrl", order.returnUrl())
			.param("notifyUrl", order.notificationUrl())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		return new Created(id, URI.create(this.baseUrl + "/sandbox-zahlung/" + id));
	}

	@Override
	public Status status(String transactionId) {
		return find(transactionId).map(SandboxTransaction::status)
			.orElse(new Status(State.INITIAL, BigDecimal.ZERO, ""));
	}

	@Override
	public Optional<Notification> verify(byte[] body, Map<String, String> headers) {
		String given = headers.getOrDefault(SIGNATURE_HEADER.toLowerCase(java.util.Locale.ROOT), "");
		byte[] expected = HexFormat.of().formatHex(sign(body)).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, given.trim().getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		try {
			JsonNode json = JSON.readTree(body);
			State state = State.valueOf(json.path("status").asString());
			return Optional.of(new Notification(json.path("transactionId").asString(),
					new Status(state, new BigDecimal(json.path("amount").asString()), json.path("method").asString())));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** The transaction as the sandbox's payment page shows it. */
	public Optional<SandboxTransaction> find(String id) {
		return this.jdbc.sql("select * from payment_sandbox_transaction where id = :id")
			.param("id", id)
			.query((rs, n) -> new SandboxTransaction(rs.getString("id"), rs.getBigDecimal("amount"),
					rs.getString("purpose"), rs.getString("reference"), rs.getString("return_url"),
					rs.getString("notify_url"), State.valueOf(rs.getString("status")), rs.getString("method"),
					rs.getBoolean("notify_late"), rs.getTimestamp("notified_at") != null))
			.optional();
	}

	/**
	 * The payer finished on the sandbox's page. Sends the notification now unless a late
	 * one was asked for.
	 * @return where the payer goes back to
	 */
	public String finish(String id, State outcome, String method, boolean late) {
		SandboxTransaction transaction = find(id).filter((found) -> found.state() == State.INITIAL)
			.orElseThrow(() -> new de.amtsweg.platform.NotFoundException("Sandbox transaction " + id));
		this.jdbc.sql("""
				update payment_sandbox_transaction set status = :status, method = :method, notify_late = :late,
				    completed_at = :now where id = :id and status = 'INITIAL'""")
			.param("status", outcome.name())
			.param("method", METHODS.contains(method) ? method : "card")
			.param("late", late)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.update();
		if (!late) {
			notify(id);
		}
		return transaction.returnUrl();
	}

	/** Sends the late notifications whose time has come. */
	@Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT30S")
	void sendLateNotifications() {
		this.jobLock.runExclusively("payments.sandbox-notifications", Duration.ofMinutes(1),
				this::sendDueNotifications);
	}

	/** Sends every notification that is due now; returns how many. */
	public int sendDueNotifications() {
		Instant due = this.clock.instant().minus(this.properties.sandbox().lateNotificationDelay());
		List<String> ids = this.jdbc.sql("""
				select id from payment_sandbox_transaction
				where status <> 'INITIAL' and notified_at is null and completed_at <= :due""")
			.param("due", Timestamp.from(due))
			.query(String.class)
			.list();
		ids.forEach(this::notify);
		return ids.size();
	}

	/** Posts the signed notification of the transaction to its notification address. */
	public int notify(String id) {
		SandboxTransaction transaction = find(id).orElseThrow();
		ObjectNode json = JSON.createObjectNode();
		json.put("transactionId", transaction.id());
		json.put("status", transaction.state().name());
		json.put("amount", transaction.amount().toPlainString());
		json.put("method", transaction.method());
		json.put("sentAt", this.clock.instant().toString());
		byte[] body = JSON.writeValueAsBytes(json);
		int status = post(transaction.notifyUrl(), body, HexFormat.of().formatHex(sign(body)));
		if (status >= 200 && status < 300) {
			this.jdbc.sql("update payment_sandbox_transaction set notified_at = :now where id = :id")
				.param("now", Timestamp.from(this.clock.instant()))
				.param("id", id)
				.update();
		}
		return status;
	}

	/**
	 * Posts a body with a signature, as the platform does; tests use it for forgeries.
	 */
	public int post(String url, byte[] body, String signature) {
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.header(SIGNATURE_HEADER, signature)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode();
		}
		catch (IOException ex) {
			LOG.warn("Sandbox notification to {} failed: {}", url, ex.getMessage());
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	/** The HMAC-SHA256 of the body with the sandbox's key. */
	public byte[] sign(byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

	/** A sandbox transaction. */
	public record SandboxTransaction(String id, BigDecimal amount, String purpose, String reference, String returnUrl,
			String notifyUrl, State state, String method, boolean late, boolean notified) {

		Status status() {
			return new Status(this.state, this.amount, this.method);
		}

	}

}
