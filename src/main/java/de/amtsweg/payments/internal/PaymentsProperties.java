package de.amtsweg.payments.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the payments module ({@code amtsweg.payments.*}).
 *
 * @param referenceFormat how a Kassenzeichen is built before its check digits, see
 * {@link ReferenceFormat}
 * @param referenceFormats the same per municipality (key: the municipality's slug)
 * @param guestLookupsPerHour how many Kassenzeichen look-ups one client address may make
 * per hour on {@code /bezahlen}
 * @param reminderFee the fee of a reminder (Mahngebühr)
 * @param reminderPeriod how long a reminder gives to pay
 * @param accountIban the treasury's account, named in camt.053 exports
 * @param sandbox the sandbox payment provider
 * @param xbezahldienste the XBezahldienste payment service, if any
 */
@ConfigurationProperties("amtsweg.payments")
public record PaymentsProperties(@DefaultValue("{ags:5}{seq:7}") String referenceFormat,
		@DefaultValue Map<String, String> referenceFormats, @DefaultValue("10") int guestLookupsPerHour,
		@DefaultValue("5.00") BigDecimal reminderFee, @DefaultValue("P14D") Period reminderPeriod,
		@DefaultValue("DE02120300000000202051") String accountIban, @DefaultValue Sandbox sandbox,
		@DefaultValue XBezahldienste xbezahldienste) {

	String formatFor(String municipalitySlug) {
		return this.referenceFormats.getOrDefault(municipalitySlug, this.referenceFormat);
	}

	/**
	 * @param enabled whether citizens may pay with the sandbox (demo and tests; switch
	 * off in production)
	 * @param secret the HMAC-SHA256 key of its notifications; empty: a random key per
	 * start, which is only right for a single node
	 * @param lateNotificationDelay how long a "late notification" waits
	 */
	public record Sandbox(@DefaultValue("true") boolean enabled, @DefaultValue("") String secret,
			@DefaultValue("PT30S") Duration lateNotificationDelay) {
	}

	/**
	 * @param enabled whether citizens may pay through an XBezahldienste payment service
	 * @param baseUrl its REST base address
	 * @param originatorId our originator id there
	 * @param endpointId our endpoint id there
	 * @param username Basic authentication user
	 * @param password Basic authentication password
	 */
	public record XBezahldienste(@DefaultValue("false") boolean enabled, @DefaultValue("") String baseUrl,
			@DefaultValue("") String originatorId, @DefaultValue("") String endpointId,
			@DefaultValue("") String username, @DefaultValue("") String password) {
	}

}
