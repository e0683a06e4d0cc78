package de.amtsweg.platform;

import java.time.Duration;
import java.util.UUID;

import de.amtsweg.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The one fixed-window limiter of all modules, on the real database. */
class RateLimitsTests extends IntegrationTest {

	@Autowired
	RateLimits rateLimits;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLimitHoldsWithinTheWindowAndANewWindowStartsAfterIt() {
		String client = "203.0.113." + UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			assertThat(this.rateLimits.attempt("test-limit", client, 3, Duration.ofHours(1)).allowed()).isTrue();
		}
		RateLimits.Verdict refused = this.rateLimits.attempt("test-limit", client, 3, Duration.ofHours(1));
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterMinutes()).isEqualTo(60);
		assertThat(this.rateLimits.attempt("other-limit", client, 3, Duration.ofHours(1)).allowed())
			.as("each name counts for itself")
			.isTrue();

		this.clock.advance(Duration.ofMinutes(61));
		assertThat(this.rateLimits.attempt("test-limit", client, 3, Duration.ofHours(1)).allowed()).isTrue();
	}

	@Test
	void subjectsAreStoredHashedAndEndedWindowsAreForgotten() {
		String client = "198.51.100." + UUID.randomUUID();
		this.rateLimits.attempt("test-forget", client, 5, Duration.ofMinutes(1));
		assertThat(this.jdbc.sql("select subject from rate_limit where name = 'test-forget' and subject = :s")
			.param("s", Sha256.hex(client))
			.query(String.class)
			.list()).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from rate_limit where subject like :c")
			.param("c", "%" + client + "%")
			.query(Integer.class)
			.single()).isZero();

		this.clock.advance(Duration.ofMinutes(2));
		this.rateLimits.forgetEnded();
		assertThat(this.jdbc.sql("select count(*) from rate_limit where name = 'test-forget' and subject = :s")
			.param("s", Sha256.hex(client))
			.query(Integer.class)
			.single()).isZero();
	}

}
