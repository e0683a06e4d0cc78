package de.amtsweg.integrations.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One event for one system in the webhook outbox.
 *
 * @param id identifier
 * @param eventId the event (the receiver's idempotency key; the same for every attempt)
 * @param systemId the receiving system
 * @param systemName its name
 * @param eventType e.g. {@code case.opened}
 * @param payload the JSON body
 * @param occurredAt when the event happened
 * @param status {@code PENDING}, {@code DELIVERED} or {@code DEAD}
 * @param attempts attempts so far
 * @param nextAttemptAt when it is tried next, while pending
 * @param lastError why the last attempt failed
 * @param lastAttemptAt when it was tried last
 */
public record WebhookDelivery(UUID id, UUID eventId, UUID systemId, String systemName, String eventType, String payload,
		Instant occurredAt, String status, int attempts, @Nullable Instant nextAttemptAt, @Nullable String lastError,
		@Nullable Instant lastAttemptAt) {

	public static final String PENDING = "PENDING";

	public static final String DELIVERED = "DELIVERED";

	public static final String DEAD = "DEAD";

}
