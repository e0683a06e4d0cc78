package de.amtsweg.queue.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the call system.
 *
 * @param nearlyDueAhead how many people may still be ahead when the "nearly your turn"
 * e-mail goes out ({@code AMTSWEG_QUEUE_NEARLY_DUE_AHEAD})
 * @param serviceTimeSamples how many recent service times the wait estimate averages
 * @param boardCalls how many calls a display board shows
 * @param boardEventTimeout how long one Server-Sent Events connection of a board lasts
 * before the browser opens a new one
 * @param boardHeartbeat how often an idle board connection gets a keep-alive comment
 * @param listenerReconnectDelay pause before the LISTEN connection is opened again after
 * it failed
 */
@ConfigurationProperties("amtsweg.queue")
public record QueueProperties(@DefaultValue("2") int nearlyDueAhead, @DefaultValue("20") int serviceTimeSamples,
		@DefaultValue("8") int boardCalls, @DefaultValue("PT30M") Duration boardEventTimeout,
		@DefaultValue("PT20S") Duration boardHeartbeat, @DefaultValue("PT2S") Duration listenerReconnectDelay) {
}
