package de.amtsweg.payments.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits failed Kassenzeichen look-ups per client address, so nobody can try references
 * and amounts until one fits. Only failures count: a guest who types correctly is never
 * slowed down. Counted in the database, so every node sees the same.
 */
@Component
public class GuestLookups {

	private final JdbcClient jdbc;

	private final PaymentsProperties properties;

	private final Clock clock;

	GuestLookups(JdbcClient jdbc, PaymentsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	public boolean allowed(String client) {
		Instant now = this.clock.instant();
		long failures = this.jdbc.sql("""
				select count(*) from payment_lookup_attempt where client = :client and at > :since and at <= :now""")
			.param("client", client)
			.param("since", Timestamp.from(now.minus(Duration.ofHours(1))))
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		return failures < this.properties.guestLookupsPerHour();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(String client) {
		Instant now = this.clock.instant();
		this.jdbc.sql("delete from payment_lookup_attempt where at < :old")
			.param("old", Timestamp.from(now.minus(Duration.ofDays(1))))
			.update();
		this.jdbc.sql("insert into payment_lookup_attempt (client, at) values (:client, :now)")
			.param("client", client)
			.param("now", Timestamp.from(now))
			.update();
	}

}
