package de.amtsweg.payments.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code payment}, {@code payment_booking}, {@code payment_clarification} and
 * {@code payment_notification}.
 */
@Repository
public class PaymentRepository {

	private final JdbcClient jdbc;

	PaymentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID id, UUID claimId, UUID municipalityId, String provider, BigDecimal amount,
			@Nullable UUID accountId, Instant now) {
		this.jdbc.sql("""
				insert into payment (id, claim_id, municipality_id, provider, amount, status, started_by_account_id,
				    created_at, changed_at)
				values (:id, :claim, :m, :provider, :amount, 'CREATED', :account, :now, :now)""")
			.param("id", id)
			.param("claim", claimId)
			.param("m", municipalityId)
			.param("provider", provider)
			.param("amount", amount)
			.param("account", accountId)
			.param("now", Timestamp.from(now))
			.update();
	}

	public void attachTransaction(UUID id, String transactionId, Instant now) {
		this.jdbc.sql("""
				update payment set provider_transaction_id = :tx, status = 'PENDING', changed_at = :now
				where id = :id""")
			.param("tx", transactionId)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	public Optional<OnlinePayment> find(UUID id) {
		return this.jdbc.sql("select * from payment where id = :id")
			.param("id", id)
			.query(PaymentRepository::payment)
			.optional();
	}

	/**
	 * Locks the payment's row until the transaction ends: transitions run one at a time.
	 */
	public Optional<OnlinePayment> lock(UUID id) {
		return this.jdbc.sql("select * from payment where id = :id for update")
			.param("id", id)
			.query(PaymentRepository::payment)
			.optional();
	}

	public Optional<UUID> idByTransaction(String provider, String transactionId) {
		return this.jdbc.sql("select id from payment where provider = :p and provider_transaction_id = :tx")
			.param("p", provider)
			.param("tx", transactionId)
			.query(UUID.class)
			.optional();
	}

	public void updateStatus(UUID id, PaymentStatus status, String method, Instant now) {
		this.jdbc.sql("update payment set status = :status, method = :method, changed_at = :now where id = :id")
			.param("status", status.name())
			.param("method", method)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	public List<OnlinePayment> ofClaims(List<UUID> claimIds) {
		if (claimIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select * from payment where claim_id in (:ids) order by created_at desc")
			.param("ids", claimIds)
			.query(PaymentRepository::payment)
			.list();
	}

	public boolean bookingExists(String source, String externalRef) {
		return this.jdbc.sql("select count(*) from payment_booking where source = :s and external_ref = :r")
			.param("s", source)
			.param("r", externalRef)
			.query(Long.class)
			.single() > 0;
	}

	/** Books money; false if this payment or statement entry was booked before. */
	public boolean insertBooking(UUID id, UUID claimId, UUID municipalityId, @Nullable UUID paymentId, String source,
			String externalRef, BigDecimal amount, String note, Instant now) {
		return this.jdbc.sql("""
				insert into payment_booking (id, claim_id, municipality_id, payment_id, source, external_ref, amount,
				    booked_at, note)
				values (:id, :claim, :m, :payment, :source, :ref, :amount, :now, :note)
				on conflict do nothing""")
			.param("id", id)
			.param("claim", claimId)
			.param("m", municipalityId)
			.param("payment", paymentId)
			.param("source", source)
			.param("ref", externalRef)
			.param("amount", amount)
			.param("now", Timestamp.from(now))
			.param("note", note)
			.update() == 1;
	}

	public List<Booking> bookingsOfClaims(List<UUID> claimIds) {
		if (claimIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select * from payment_booking where claim_id in (:ids) order by booked_at desc")
			.param("ids", claimIds)
			.query(PaymentRepository::booking)
			.list();
	}

	public Optional<Booking> booking(UUID id) {
		return this.jdbc.sql("select * from payment_booking where id = :id")
			.param("id", id)
			.query(PaymentRepository::booking)
			.optional();
	}

	/** Bookings of a municipality made on a day (Berlin time), for the daily export. */
	public List<Booking> bookingsOn(UUID municipalityId, Instant from, Instant to) {
		return this.jdbc.sql("""
				select * from payment_booking where municipality_id = :m and booked_at >= :from and booked_at < :to
				order by booked_at, id""")
			.param("m", municipalityId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(PaymentRepository::booking)
			.list();
	}

	/** Holds money for clarification; false if this entry is already held. */
	public boolean insertClarification(UUID id, @Nullable UUID municipalityId, String source, String externalRef,
			@Nullable UUID paymentId, @Nullable UUID claimId, String givenReference, String payer, BigDecimal amount,
			String reason, Instant now) {
		return this.jdbc.sql("""
				insert into payment_clarification (id, municipality_id, source, external_ref, payment_id, claim_id,
				    given_reference, payer, amount, reason, received_at)
				values (:id, :m, :source, :ref, :payment, :claim, :given, :payer, :amount, :reason, :now)
				on conflict do nothing""")
			.param("id", id)
			.param("m", municipalityId)
			.param("source", source)
			.param("ref", externalRef)
			.param("payment", paymentId)
			.param("claim", claimId)
			.param("given", givenReference)
			.param("payer", payer)
			.param("amount", amount)
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	public boolean clarificationExists(String source, String externalRef) {
		return this.jdbc.sql("select count(*) from payment_clarification where source = :s and external_ref = :r")
			.param("s", source)
			.param("r", externalRef)
			.query(Long.class)
			.single() > 0;
	}

	public List<Clarification> openClarifications(UUID municipalityId) {
		return this.jdbc.sql("""
				select * from payment_clarification where (municipality_id = :m or municipality_id is null)
				    and status = 'OPEN' order by received_at""")
			.param("m", municipalityId)
			.query(PaymentRepository::clarification)
			.list();
	}

	public Optional<Clarification> clarification(UUID id) {
		return this.jdbc.sql("select * from payment_clarification where id = :id for update")
			.param("id", id)
			.query(PaymentRepository::clarification)
			.optional();
	}

	public Optional<Clarification> clarificationOf(String source, String externalRef) {
		return this.jdbc.sql("select * from payment_clarification where source = :s and external_ref = :r")
			.param("s", source)
			.param("r", externalRef)
			.query(PaymentRepository::clarification)
			.optional();
	}

	public void resolveClarification(UUID id, String resolution, Instant now) {
		this.jdbc.sql("""
				update payment_clarification set status = 'RESOLVED', resolution = :resolution, resolved_at = :now
				where id = :id""")
			.param("resolution", resolution)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	public void logNotification(String provider, boolean valid, String transactionId, String body, Instant now) {
		this.jdbc.sql("""
				insert into payment_notification (id, provider, received_at, signature_valid, transaction_id, body)
				values (:id, :provider, :now, :valid, :tx, :body)""")
			.param("id", UUID.randomUUID())
			.param("provider", provider)
			.param("now", Timestamp.from(now))
			.param("valid", valid)
			.param("tx", transactionId)
			.param("body", body.length() > 10_000 ? body.substring(0, 10_000) : body)
			.update();
	}

	private static OnlinePayment payment(ResultSet rs, int n) throws SQLException {
		return new OnlinePayment(rs.getObject("id", UUID.class), rs.getObject("claim_id", UUID.class),
				rs.getObject("municipality_id", UUID.class), rs.getString("provider"),
				rs.getString("provider_transaction_id"), rs.getBigDecimal("amount"),
				PaymentStatus.valueOf(rs.getString("status")), rs.getString("method"),
				rs.getObject("started_by_account_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("changed_at").toInstant());
	}

	private static Booking booking(ResultSet rs, int n) throws SQLException {
		return new Booking(rs.getObject("id", UUID.class), rs.getObject("claim_id", UUID.class),
				rs.getObject("municipality_id", UUID.class), rs.getObject("payment_id", UUID.class),
				rs.getString("source"), rs.getString("external_ref"), rs.getBigDecimal("amount"),
				rs.getTimestamp("booked_at").toInstant(), rs.getString("note"));
	}

	private static Clarification clarification(ResultSet rs, int n) throws SQLException {
		Timestamp resolved = rs.getTimestamp("resolved_at");
		return new Clarification(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				rs.getString("source"), rs.getString("external_ref"), rs.getObject("payment_id", UUID.class),
				rs.getObject("claim_id", UUID.class), rs.getString("given_reference"), rs.getString("payer"),
				rs.getBigDecimal("amount"), rs.getString("reason"), rs.getString("status"), rs.getString("resolution"),
				rs.getTimestamp("received_at").toInstant(), (resolved != null) ? resolved.toInstant() : null);
	}

	/** A payment attempt. */
	public record OnlinePayment(UUID id, UUID claimId, UUID municipalityId, String provider,
			@Nullable String transactionId, BigDecimal amount, PaymentStatus status, String method,
			@Nullable UUID startedByAccountId, Instant createdAt, Instant changedAt) {
	}

	/** Money booked on a claim (negative: paid back). */
	public record Booking(UUID id, UUID claimId, UUID municipalityId, @Nullable UUID paymentId, String source,
			String externalRef, BigDecimal amount, Instant bookedAt, String note) {

		public LocalDate bookedOn(java.time.ZoneId zone) {
			return LocalDate.ofInstant(this.bookedAt, zone);
		}

	}

	/** Money held for clarification. */
	public record Clarification(UUID id, @Nullable UUID municipalityId, String source, String externalRef,
			@Nullable UUID paymentId, @Nullable UUID claimId, String givenReference, String payer, BigDecimal amount,
			String reason, String status, String resolution, Instant receivedAt, @Nullable Instant resolvedAt) {
	}

	static Date date(LocalDate day) {
		return Date.valueOf(day);
	}

}
