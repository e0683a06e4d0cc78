package de.amtsweg.integrations.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the integration with specialist systems ({@code amtsweg.integrations.*}).
 *
 * @param requestsPerMinute most API requests one key may make in a minute
 * @param pageSize most cases one page of the change list holds
 * @param webhooks how webhooks are delivered
 * @param tokenLifetime how long an OAuth2 access token is valid
 */
@ConfigurationProperties("amtsweg.integrations")
public record IntegrationsProperties(@DefaultValue("600") int requestsPerMinute, @DefaultValue("100") int pageSize,
		@DefaultValue Webhooks webhooks, @DefaultValue("PT15M") Duration tokenLifetime) {

	/**
	 * @param pollInterval how often the outbox is looked at
	 * @param firstRetry wait after the first failed attempt; it doubles with every
	 * further one
	 * @param maxRetry longest wait between two attempts
	 * @param jitter share of the wait that varies at random (0 to 1), so that many failed
	 * deliveries do not retry all at once
	 * @param maxAttempts attempts before a delivery becomes a dead letter
	 * @param timeout how long one attempt may take
	 * @param batchSize deliveries per round
	 */
	public record Webhooks(@DefaultValue("PT5S") Duration pollInterval, @DefaultValue("PT30S") Duration firstRetry,
			@DefaultValue("PT1H") Duration maxRetry, @DefaultValue("0.2") double jitter,
			@DefaultValue("8") int maxAttempts, @DefaultValue("PT10S") Duration timeout,
			@DefaultValue("50") int batchSize) {
	}

}
