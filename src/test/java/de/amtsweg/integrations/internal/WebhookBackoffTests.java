package de.amtsweg.integrations.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The wait between webhook attempts: doubling from the first retry, capped, jittered. */
class WebhookBackoffTests {

	private static final IntegrationsProperties.Webhooks SETTINGS = new IntegrationsProperties.Webhooks(
			Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(1), 0.2, 8, Duration.ofSeconds(10), 50);

	@Test
	void theWaitDoublesWithEveryFailedAttemptUpToTheCap() {
		// random 0.5 is the middle of the jitter: no variation
		assertThat(WebhookDispatcher.backoff(1, SETTINGS, 0.5)).isEqualTo(Duration.ofSeconds(30));
		assertThat(WebhookDispatcher.backoff(2, SETTINGS, 0.5)).isEqualTo(Duration.ofSeconds(60));
		assertThat(WebhookDispatcher.backoff(3, SETTINGS, 0.5)).isEqualTo(Duration.ofSeconds(120));
		assertThat(WebhookDispatcher.backoff(7, SETTINGS, 0.5)).isEqualTo(Duration.ofMinutes(32));
		assertThat(WebhookDispatcher.backoff(8, SETTINGS, 0.5)).isEqualTo(Duration.ofHours(1));
		assertThat(WebhookDispatcher.backoff(60, SETTINGS, 0.5)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void theJitterVariesTheWaitByAtMostItsShareEitherWay() {
		assertThat(WebhookDispatcher.backoff(2, SETTINGS, 0.0)).isEqualTo(Duration.ofSeconds(48));
		assertThat(WebhookDispatcher.backoff(2, SETTINGS, 0.999999)).isBetween(Duration.ofSeconds(71),
				Duration.ofSeconds(72));
	}

	@Test
	void aKeyIsStoredOnlyAsItsHashAndWebhookUrlsMustBeHttp() {
		assertThat(SpecialistSystems.sha256("aw_abcdefgh_secret")).hasSize(64).doesNotContain("secret");
		assertThat(SpecialistSystems.validUrl("https://fachverfahren.example/hooks")).isTrue();
		assertThat(SpecialistSystems.validUrl("ftp://fachverfahren.example/hooks")).isFalse();
		assertThat(SpecialistSystems.validUrl("javascript:alert(1)")).isFalse();
	}

	@Test
	void theSignatureIsTheHmacOfTimestampDotBody() {
		// RFC 4231-independent check: the same input gives the same signature, another
		// does not
		String signature = WebhookSignature.sign("whsec_key", "1700000000", "{\"a\":1}");
		assertThat(signature).startsWith("sha256=").hasSize(7 + 64);
		assertThat(WebhookSignature.sign("whsec_key", "1700000000", "{\"a\":1}")).isEqualTo(signature);
		assertThat(WebhookSignature.sign("whsec_key", "1700000001", "{\"a\":1}")).isNotEqualTo(signature);
	}

}
