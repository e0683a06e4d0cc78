package de.amtsweg.queue.internal;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Calls travel from the node where a clerk pressed the button to the display boards on
 * every node through PostgreSQL's NOTIFY: sent in the call's transaction, so boards hear
 * of a call only once it is committed, and never of one rolled back.
 */
@Component
class CallNotifications {

	static final String CHANNEL = "amtsweg_queue_calls";

	static final String RELOAD = "reload";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	CallNotifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void announce(Call call) {
		this.jdbc.sql("select pg_notify(:channel, :payload)")
			.param("channel", CHANNEL)
			.param("payload", toJson(call))
			.query((rs, row) -> 1)
			.list();
	}

	static String toJson(Call call) {
		ObjectNode node = JSON.createObjectNode();
		node.put("id", call.id());
		node.put("ticketId", call.ticketId().toString());
		node.put("locationId", call.locationId().toString());
		node.put("number", call.displayNumber());
		node.put("counter", call.counterName());
		node.put("calledAt", call.calledAt().toString());
		return JSON.writeValueAsString(node);
	}

	static Call fromJson(String payload) {
		JsonNode node = JSON.readTree(payload);
		return new Call(node.get("id").asLong(), UUID.fromString(node.get("ticketId").asText()),
				UUID.fromString(node.get("locationId").asText()), node.get("number").asText(),
				node.get("counter").asText(), Instant.parse(node.get("calledAt").asText()));
	}

}
