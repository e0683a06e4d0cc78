package de.amtsweg.integrations.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.cases.CaseOpened;
import de.amtsweg.cases.CaseStatusChanged;
import de.amtsweg.cases.Cases;
import de.amtsweg.cases.Cases.CaseSummary;
import de.amtsweg.postbox.CitizenReplied;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes a webhook delivery for every subscribed system when a case event happens.
 * <p>
 * Deliberately a plain (synchronous) listener rather than an application module listener:
 * the rows are written in the very transaction that publishes the event, so they exist if
 * and only if the change committed, and each event gets exactly one event id. An
 * asynchronous listener would run after the commit in a transaction of its own, and a
 * redelivered event could not tell a new occurrence (a case reaching the same status
 * twice) from a replay without an id on the event.
 */
@Component
class WebhookOutbox {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final Cases cases;

	private final SpecialistSystemRepository systems;

	private final WebhookDeliveryRepository deliveries;

	private final Clock clock;

	WebhookOutbox(Cases cases, SpecialistSystemRepository systems, WebhookDeliveryRepository deliveries, Clock clock) {
		this.cases = cases;
		this.systems = systems;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@EventListener
	void opened(CaseOpened event) {
		this.cases.byId(event.caseId()).ifPresent((summary) -> write("case.opened", summary, null));
	}

	@EventListener
	void statusChanged(CaseStatusChanged event) {
		this.cases.byId(event.caseId()).ifPresent((summary) -> write("case.status-changed", summary, null));
	}

	/** Only replies in a case's threads; general threads belong to no case. */
	@EventListener
	void citizenReplied(CitizenReplied event) {
		caseOfTopic(event.topic()).flatMap(this.cases::byId)
			.filter((summary) -> summary.municipalityId().equals(event.municipalityId()))
			.ifPresent(
					(summary) -> write("case.citizen-replied", summary, Map.of("threadId", event.threadId().toString(),
							"messageId", event.messageId().toString(), "attachmentCount", event.attachmentCount())));
	}

	static Optional<UUID> caseOfTopic(String topic) {
		if (!topic.startsWith("case:")) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(topic.substring("case:".length())));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private void write(String type, CaseSummary summary, @Nullable Map<String, Object> extra) {
		var subscribed = this.systems.subscribedTo(summary.orgUnitId());
		if (subscribed.isEmpty()) {
			return;
		}
		UUID eventId = UUID.randomUUID();
		Instant now = this.clock.instant();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("caseId", summary.id().toString());
		data.put("reference", summary.reference());
		data.put("orgUnitId", summary.orgUnitId().toString());
		data.put("status", summary.status().name());
		if (extra != null) {
			data.putAll(extra);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", eventId.toString());
		body.put("type", type);
		body.put("occurredAt", now.toString());
		body.put("municipalityId", summary.municipalityId().toString());
		body.put("data", data);
		String payload = JSON.writeValueAsString(body);
		for (SpecialistSystem system : subscribed) {
			if (system.municipalityId().equals(summary.municipalityId())) {
				this.deliveries.insert(eventId, system.id(), summary.municipalityId(), type, payload, now);
			}
		}
	}

}
