package de.amtsweg.integrations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook outbox, table {@code webhook_delivery}. */
@Repository
class WebhookDeliveryRepository {

	private static final String COLUMNS = """
			d.id, d.event_id, d.system_id, s.name as system_name, d.event_type, d.payload, d.occurred_at, d.status,
			d.attempts, d.next_attempt_at, d.last_error, d.last_attempt_at""";

	private final JdbcClient jdbc;

	WebhookDeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID eventId, UUID systemId, UUID municipalityId, String eventType, String payload, Instant at) {
		this.jdbc.sql("""
				insert into webhook_delivery (id, event_id, system_id, municipality_id, event_type, payload,
				    occurred_at, status, next_attempt_at)
				values (:id, :event, :system, :m, :type, :payload, :at, 'PENDING', :at)
				on conflict (event_id, system_id) do nothing""")
			.param("id", UUID.randomUUID())
			.param("event", eventId)
			.param("system", systemId)
			.param("m", municipalityId)
			.param("type", eventType)
			.param("payload", payload)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Pending deliveries that are due, oldest first. */
	List<WebhookDelivery> due(Instant now, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " " + """
				from webhook_delivery d join integration_system s on s.id = d.system_id
				where d.status = 'PENDING' and d.next_attempt_at <= :now
				order by d.next_attempt_at, d.occurred_at limit :limit""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(WebhookDeliveryRepository::map)
			.list();
	}

	Optional<WebhookDelivery> find(UUID id) {
		return this.jdbc
			.sql("select " + COLUMNS + " from webhook_delivery d join integration_system s on s.id = d.system_id"
					+ " where d.id = :id")
			.param("id", id)
			.query(WebhookDeliveryRepository::map)
			.optional();
	}

	/** Pending and dead deliveries of the municipality, newest first. */
	List<WebhookDelivery> open(UUID municipalityId, String status, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " " + """
				from webhook_delivery d join integration_system s on s.id = d.system_id
				where d.municipality_id = :m and d.status = :status
				order by d.occurred_at desc limit :limit""")
			.param("m", municipalityId)
			.param("status", status)
			.param("limit", limit)
			.query(WebhookDeliveryRepository::map)
			.list();
	}

	/**
	 * Takes a due delivery for one attempt by pushing its next attempt past the lease, so
	 * that no other node sends it meanwhile; if this node dies, it is due again after the
	 * lease.
	 * @return whether this node took it
	 */
	boolean claim(UUID id, Instant now, Instant leaseUntil) {
		return this.jdbc.sql("""
				update webhook_delivery set next_attempt_at = :lease
				 where id = :id and status = 'PENDING' and next_attempt_at <= :now""")
			.param("lease", Timestamp.from(leaseUntil))
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Marks a pending delivery delivered; false if it was not pending (any more). */
	boolean delivered(UUID id, Instant at) {
		return this.jdbc.sql("""
				update webhook_delivery set status = 'DELIVERED', delivered_at = :at, last_attempt_at = :at,
				       attempts = attempts + 1, next_attempt_at = null, last_error = null
				 where id = :id and status = 'PENDING'""")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update() == 1;
	}

	/** Records a failed attempt: next try at the time, or a dead letter without one. */
	void failed(UUID id, Instant at, String error, @Nullable Instant nextAttemptAt) {
		this.jdbc.sql("""
				update webhook_delivery set attempts = attempts + 1, last_attempt_at = :at, last_error = :error,
				       status = case when cast(:next as timestamptz) is null then 'DEAD' else 'PENDING' end,
				       next_attempt_at = :next
				 where id = :id and status = 'PENDING'""")
			.param("at", Timestamp.from(at))
			.param("error", error)
			.param("next", (nextAttemptAt != null) ? Timestamp.from(nextAttemptAt) : null, java.sql.Types.TIMESTAMP)
			.param("id", id)
			.update();
	}

	/** Makes dead letters of the municipality due again; returns how many. */
	int replay(UUID municipalityId, @Nullable UUID id, Instant now) {
		return this.jdbc.sql("""
				update webhook_delivery set status = 'PENDING', next_attempt_at = :now, attempts = 0
				 where municipality_id = :m and status = 'DEAD' and (cast(:id as uuid) is null or id = :id)""")
			.param("now", Timestamp.from(now))
			.param("m", municipalityId)
			.param("id", id, java.sql.Types.OTHER)
			.update();
	}

	private static WebhookDelivery map(ResultSet rs, int row) throws SQLException {
		return new WebhookDelivery(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
				rs.getObject("system_id", UUID.class), rs.getString("system_name"), rs.getString("event_type"),
				rs.getString("payload"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("status"),
				rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
				instant(rs, "last_attempt_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
