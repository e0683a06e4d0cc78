package de.amtsweg.integrations.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.JobLock;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers the webhook outbox: POSTs each due delivery to its system, signed; a 2xx
 * answer acknowledges it, anything else is retried with exponential back-off and jitter
 * until the attempts run out and it becomes a dead letter. The outcome is written only
 * after the attempt, so a node that dies in between leaves the delivery pending and it is
 * sent again with the same event id (receivers deduplicate by it): at least once on the
 * wire, exactly once for a receiver that honours the idempotency key.
 */
@Service
public class WebhookDispatcher {

	/** Header: the event's id, the receiver's idempotency key. */
	public static final String EVENT_ID = "Amtsweg-Event-Id";

	/** Header: the event's type, e.g. {@code case.opened}. */
	public static final String EVENT_TYPE = "Amtsweg-Event-Type";

	/** Header: seconds since the epoch when this attempt was signed. */
	public static final String TIMESTAMP = "Amtsweg-Timestamp";

	/** Header: {@code sha256=<hex HMAC-SHA256 of timestamp + "." + body>}. */
	public static final String SIGNATURE = "Amtsweg-Signature";

	private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final WebhookDeliveryRepository deliveries;

	private final SpecialistSystemRepository systems;

	private final JobLock lock;

	private final AuditLog auditLog;

	private final IntegrationsProperties properties;

	private final Clock clock;

	private final HttpClient http;

	WebhookDispatcher(WebhookDeliveryRepository deliveries, SpecialistSystemRepository systems, JobLock lock,
			AuditLog auditLog, IntegrationsProperties properties, Clock clock) {
		this.deliveries = deliveries;
		this.systems = systems;
		this.lock = lock;
		this.auditLog = auditLog;
		this.properties = properties;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.webhooks().timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Scheduled(fixedDelayString = "${amtsweg.integrations.webhooks.poll-interval:PT5S}",
			initialDelayString = "${amtsweg.integrations.webhooks.poll-interval:PT5S}")
	void scheduled() {
		runOnce();
	}

	/**
	 * One round on this node, unless another node runs one.
	 * @return whether this node ran it
	 */
	public boolean runOnce() {
		return this.lock.runExclusively("integrations-webhooks", Duration.ofMinutes(10), this::deliverDue);
	}

	private void deliverDue() {
		List<WebhookDelivery> due = this.deliveries.due(this.clock.instant(), this.properties.webhooks().batchSize());
		for (WebhookDelivery delivery : due) {
			attempt(delivery);
		}
	}

	private void attempt(WebhookDelivery delivery) {
		Instant claimedAt = this.clock.instant();
		if (!this.deliveries.claim(delivery.id(), claimedAt,
				claimedAt.plus(this.properties.webhooks().timeout().multipliedBy(3)))) {
			return;
		}
		String error;
		var system = this.systems.find(delivery.systemId()).orElse(null);
		if (system == null || system.webhookUrl() == null || system.webhookSecret() == null) {
			error = "no webhook URL";
		}
		else {
			error = send(delivery, system.webhookUrl(), system.webhookSecret());
		}
		Instant now = this.clock.instant();
		if (error == null) {
			this.deliveries.delivered(delivery.id(), now);
			return;
		}
		int attempts = delivery.attempts() + 1;
		Instant next = (attempts >= this.properties.webhooks().maxAttempts()) ? null
				: now.plus(backoff(attempts, this.properties.webhooks(), ThreadLocalRandom.current().nextDouble()));
		this.deliveries.failed(delivery.id(), now, error, next);
		if (next == null) {
			LOG.warn("Webhook {} to system {} is a dead letter after {} attempts: {}", delivery.eventId(),
					delivery.systemId(), attempts, error);
		}
	}

	/** Sends one attempt; returns why it failed, or null when it was acknowledged. */
	private @Nullable String send(WebhookDelivery delivery, String url, String secret) {
		String timestamp = Long.toString(this.clock.instant().getEpochSecond());
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url))
				.timeout(this.properties.webhooks().timeout())
				.header("Content-Type", "application/json")
				.header(EVENT_ID, delivery.eventId().toString())
				.header(EVENT_TYPE, delivery.eventType())
				.header(TIMESTAMP, timestamp)
				.header(SIGNATURE, WebhookSignature.sign(secret, timestamp, delivery.payload()))
				.POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
				.build();
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			return (response.statusCode() / 100 == 2) ? null : "HTTP " + response.statusCode();
		}
		catch (IOException | IllegalArgumentException ex) {
			return ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	/**
	 * The wait after the given number of failed attempts: the first retry doubled per
	 * further attempt, capped, then varied by up to the jitter share either way.
	 * @param random a number in [0, 1)
	 */
	static Duration backoff(int failedAttempts, IntegrationsProperties.Webhooks settings, double random) {
		long first = settings.firstRetry().toMillis();
		long max = settings.maxRetry().toMillis();
		int doublings = Math.min(failedAttempts - 1, 30);
		long wait = Math.min(max, first * (1L << doublings));
		double factor = 1 + settings.jitter() * (2 * random - 1);
		return Duration.ofMillis(Math.max(0, Math.round(wait * factor)));
	}

	/** Pending or dead deliveries of the municipality, newest first. */
	public List<WebhookDelivery> open(UUID municipalityId, String status) {
		return this.deliveries.open(municipalityId, status, 200);
	}

	/** Makes a dead letter of the municipality due at once. */
	@Transactional
	public void replay(UUID municipalityId, UUID deliveryId) {
		WebhookDelivery delivery = this.deliveries.find(deliveryId)
			.filter((candidate) -> WebhookDelivery.DEAD.equals(candidate.status()))
			.orElseThrow(() -> new NotFoundException("Dead letter " + deliveryId));
		if (this.deliveries.replay(municipalityId, delivery.id(), this.clock.instant()) != 1) {
			throw new NotFoundException("Dead letter " + deliveryId);
		}
		this.auditLog.record("integrations.webhook-replayed", "webhook-delivery", deliveryId.toString(), municipalityId,
				delivery.eventId().toString());
	}

	/** Makes every dead letter of the municipality due at once; returns how many. */
	@Transactional
	public int replayAll(UUID municipalityId) {
		int count = this.deliveries.replay(municipalityId, null, this.clock.instant());
		this.auditLog.record("integrations.webhook-replayed", "webhook-delivery", "-", municipalityId,
				count + " dead letters");
		return count;
	}

}
