package de.amtsweg.payments.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.payments.Claim;
import de.amtsweg.payments.ClaimOrigin;
import de.amtsweg.payments.ClaimStatus;
import de.amtsweg.payments.Debtor;
import de.amtsweg.payments.DueItem;
import de.amtsweg.payments.NewClaim;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code payment_claim} and {@code payment_due_item}. */
@Repository
public class ClaimRepository {

	private final JdbcClient jdbc;

	ClaimRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long nextSequence() {
		return this.jdbc.sql("select nextval('payment_reference_seq')").query(Long.class).single();
	}

	/** Inserts the claim; false if one with the same origin exists (nothing written). */
	public boolean insert(UUID id, String reference, NewClaim claim, String payToken, Instant now) {
		int inserted = this.jdbc.sql("""
				insert into payment_claim (id, municipality_id, reference, debtor_account_id, debtor_organisation_id,
				    debtor_name, debtor_email, purpose, amount, status, notice_blob, origin_type, origin_ref,
				    parent_claim_id, pay_token, created_at, changed_at)
				values (:id, :m, :reference, :account, :organisation, :name, :email, :purpose, :amount, 'OPEN',
				    :notice, :origin, :originRef, :parent, :token, :now, :now)
				on conflict (origin_type, origin_ref) where origin_type in ('FORM', 'IMPORT', 'CASE') do nothing""")
			.param("id", id)
			.param("m", claim.municipalityId())
			.param("reference", reference)
			.param("account", claim.debtor().accountId())
			.param("organisation", claim.debtor().organisationId())
			.param("name", claim.debtor().name().trim())
			.param("email", claim.debtor().email().trim())
			.param("purpose", claim.purpose().trim())
			.param("amount", claim.amount())
			.param("notice", claim.noticeBlob())
			.param("origin", claim.origin().name())
			.param("originRef", claim.originReference())
			.param("parent", claim.parentClaimId())
			.param("token", payToken)
			.param("now", Timestamp.from(now))
			.update();
		if (inserted == 0) {
			return false;
		}
		int number = 1;
		for (NewClaim.Instalment instalment : claim.instalments()) {
			this.jdbc.sql("""
					insert into payment_due_item (claim_id, number, due_date, amount)
					values (:claim, :number, :due, :amount)""")
				.param("claim", id)
				.param("number", number++)
				.param("due", Date.valueOf(instalment.dueDate()))
				.param("amount", instalment.amount())
				.update();
		}
		return true;
	}

	public Optional<UUID> idByOrigin(ClaimOrigin origin, String reference) {
		return this.jdbc.sql("select id from payment_claim where origin_type = :origin and origin_ref = :ref")
			.param("origin", origin.name())
			.param("ref", reference)
			.query(UUID.class)
			.optional();
	}

	public Optional<Claim> find(UUID id) {
		return one("where c.id = :v", id);
	}

	/** The claim, locked against concurrent bookings until the transaction ends. */
	public Optional<Claim> findForUpdate(UUID id) {
		this.jdbc.sql("select id from payment_claim where id = :id for update")
			.param("id", id)
			.query(UUID.class)
			.optional();
		return find(id);
	}

	public Optional<Claim> findByReference(String reference) {
		return one("where c.reference = :v", reference);
	}

	public Optional<String> payToken(UUID claimId) {
		return this.jdbc.sql("select pay_token from payment_claim where id = :id")
			.param("id", claimId)
			.query(String.class)
			.optional();
	}

	public List<Claim> ofDebtors(@Nullable UUID accountId, Collection<UUID> organisationIds) {
		List<UUID> organisations = organisationIds.isEmpty() ? List.of(new UUID(0, 0)) : List.copyOf(organisationIds);
		return many("where c.debtor_account_id = :account or c.debtor_organisation_id in (:organisations)",
				Map.of("account", (accountId != null) ? accountId : new UUID(0, 0), "organisations", organisations));
	}

	/**
	 * Claims of a municipality for the finance overview.
	 * @param status only these, or all if null
	 * @param search part of the Kassenzeichen, debtor or purpose, or empty
	 * @param overdueOn only those with an open item due before this day, if not null
	 */
	public List<Claim> search(UUID municipalityId, @Nullable ClaimStatus status, String search,
			@Nullable LocalDate overdueOn, int limit) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("m", municipalityId);
		StringBuilder where = new StringBuilder("where c.municipality_id = :m");
		if (status != null) {
			where.append(" and c.status = :status");
			params.put("status", status.name());
		}
		if (!search.isBlank()) {
			where.append(" and (c.reference like :like or c.debtor_name ilike :like or c.purpose ilike :like)");
			params.put("like", "%" + search.trim().replace("%", "").replace("_", "") + "%");
		}
		if (overdueOn != null) {
			where.append("""
					and c.status in ('OPEN', 'PARTLY_PAID') and exists (select 1 from payment_due_item o
					where o.claim_id = c.id and o.paid_amount < o.amount and o.due_date < :day)""");
			params.put("day", Date.valueOf(overdueOn));
		}
		where.append(" order by c.created_at desc limit ").append(limit);
		return many(where.toString(), params);
	}

	/** Sets what is paid and the status that follows; the due items are paid in order. */
	public void updatePaid(UUID claimId, BigDecimal paidAmount, ClaimStatus status, String reason, Instant now) {
		this.jdbc.sql("""
				update payment_claim set paid_amount = :paid, status = :status, status_reason = :reason,
				    changed_at = :now where id = :id""")
			.param("paid", paidAmount)
			.param("status", status.name())
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.param("id", claimId)
			.update();
		BigDecimal left = paidAmount;
		for (DueItem item : items(List.of(claimId)).getOrDefault(claimId, List.of())) {
			BigDecimal share = left.min(item.amount());
			left = left.subtract(share);
			this.jdbc
				.sql("update payment_due_item set paid_amount = :paid where claim_id = :claim and number = :number")
				.param("paid", share)
				.param("claim", claimId)
				.param("number", item.number())
				.update();
		}
	}

	public void attachNotice(UUID claimId, String blobAddress) {
		this.jdbc.sql("update payment_claim set notice_blob = :blob where id = :id")
			.param("blob", blobAddress)
			.param("id", claimId)
			.update();
	}

	/**
	 * Links imported claims addressed to the e-mail address and to nobody else; their
	 * ids.
	 */
	public List<UUID> adoptImported(UUID accountId, String email) {
		return this.jdbc.sql("""
				update payment_claim set debtor_account_id = :account
				where debtor_account_id is null and debtor_organisation_id is null and origin_type = 'IMPORT'
				    and debtor_email <> '' and lower(debtor_email) = lower(:email)
				returning id""").param("account", accountId).param("email", email).query(UUID.class).list();
	}

	public void unlinkAccount(UUID accountId) {
		this.jdbc.sql("update payment_claim set debtor_account_id = null where debtor_account_id = :a")
			.param("a", accountId)
			.update();
	}

	private Optional<Claim> one(String where, Object value) {
		return many(where, Map.of("v", value)).stream().findFirst();
	}

	private List<Claim> many(String where, Map<String, ?> params) {
		List<ClaimRow> rows = this.jdbc.sql("select c.* from payment_claim c " + where)
			.params(params)
			.query(ClaimRepository::row)
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<DueItem>> items = items(rows.stream().map(ClaimRow::id).toList());
		return rows.stream().map((row) -> row.claim(items.getOrDefault(row.id(), List.of()))).toList();
	}

	private Map<UUID, List<DueItem>> items(List<UUID> claimIds) {
		Map<UUID, List<DueItem>> items = new LinkedHashMap<>();
		this.jdbc.sql("select * from payment_due_item where claim_id in (:ids) order by claim_id, number")
			.param("ids", claimIds)
			.query((rs, n) -> {
				items.computeIfAbsent(rs.getObject("claim_id", UUID.class), (k) -> new ArrayList<>())
					.add(new DueItem(rs.getInt("number"), rs.getObject("due_date", LocalDate.class),
							rs.getBigDecimal("amount"), rs.getBigDecimal("paid_amount")));
				return null;
			})
			.list();
		return items;
	}

	private static ClaimRow row(ResultSet rs, int rowNumber) throws SQLException {
		return new ClaimRow(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				rs.getString("reference"),
				new Debtor(rs.getObject("debtor_account_id", UUID.class),
						rs.getObject("debtor_organisation_id", UUID.class), rs.getString("debtor_name"),
						rs.getString("debtor_email")),
				rs.getString("purpose"), rs.getBigDecimal("amount"), rs.getBigDecimal("paid_amount"),
				ClaimStatus.valueOf(rs.getString("status")), rs.getString("notice_blob"),
				ClaimOrigin.valueOf(rs.getString("origin_type")), rs.getString("origin_ref"),
				rs.getObject("parent_claim_id", UUID.class), rs.getString("status_reason"),
				rs.getTimestamp("created_at").toInstant());
	}

	private record ClaimRow(UUID id, UUID municipalityId, String reference, Debtor debtor, String purpose,
			BigDecimal amount, BigDecimal paidAmount, ClaimStatus status, @Nullable String noticeBlob,
			ClaimOrigin origin, String originReference, @Nullable UUID parentClaimId, String statusReason,
			Instant createdAt) {

		Claim claim(List<DueItem> items) {
			return new Claim(this.id, this.municipalityId, this.reference, this.debtor, this.purpose, this.amount,
					this.paidAmount, this.status, List.copyOf(items), this.noticeBlob, this.origin,
					this.originReference, this.parentClaimId, this.statusReason, this.createdAt);
		}

	}

}
