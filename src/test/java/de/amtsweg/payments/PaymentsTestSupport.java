package de.amtsweg.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Claims the payment tests create for themselves, each with a fresh origin. */
final class PaymentsTestSupport {

	private PaymentsTestSupport() {
	}

	static Municipality musterstadt(Municipalities municipalities) {
		return municipalities.bySlug("musterstadt").orElseThrow();
	}

	static Claim guestClaim(Claims claims, Municipality municipality, String amount) {
		return SystemActor.call(() -> claims.create(NewClaim.dueOn(municipality.id(),
				Debtor.guest("Gerda Gast", "gerda-" + UUID.randomUUID() + "@example.org"), "Verwarnungsgeld Parken",
				new BigDecimal(amount), LocalDate.of(2026, 12, 1), ClaimOrigin.CASE, "test-" + UUID.randomUUID())));
	}

	static Claim claimOf(Claims claims, Municipality municipality, UUID accountId, String purpose, String amount,
			LocalDate due) {
		return SystemActor.call(() -> claims.create(NewClaim.dueOn(municipality.id(),
				Debtor.citizen(accountId, "Erika Mustermann", "erika.mustermann@example.org"), purpose,
				new BigDecimal(amount), due, ClaimOrigin.CASE, "test-" + UUID.randomUUID())));
	}

	static long bookings(JdbcClient jdbc, UUID claimId) {
		return jdbc.sql("select count(*) from payment_booking where claim_id = :c")
			.param("c", claimId)
			.query(Long.class)
			.single();
	}

	static long clarifications(JdbcClient jdbc, UUID claimId) {
		return jdbc.sql("select count(*) from payment_clarification where claim_id = :c")
			.param("c", claimId)
			.query(Long.class)
			.single();
	}

}
