package de.amtsweg.mailroom.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mail room's tables: batches, items and rules. */
@Repository
class MailRepository {

	private static final String ITEM_COLUMNS = """
			id, municipality_id, batch_id, file_name, content_type, size, blob, uploaded_at, uploaded_by, state,
			attempts, recognition, content, subject, sender, case_references, payment_reference, org_unit_id,
			case_id, case_reference, routed_by, routed_at, document_id, searchable_blob""";

	private final JdbcClient jdbc;

	MailRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The batch of the idempotency key, created if new. */
	UUID batch(UUID municipalityId, String idempotencyKey, Instant now, String uploadedBy) {
		this.jdbc.sql("""
				insert into mail_batch (municipality_id, idempotency_key, uploaded_at, uploaded_by)
				values (:m, :key, :now, :by)
				on conflict (municipality_id, idempotency_key) do nothing""")
			.param("m", municipalityId)
			.param("key", idempotencyKey)
			.param("now", Timestamp.from(now))
			.param("by", uploadedBy)
			.update();
		return this.jdbc.sql("select id from mail_batch where municipality_id = :m and idempotency_key = :key")
			.param("m", municipalityId)
			.param("key", idempotencyKey)
			.query(UUID.class)
			.single();
	}

	/**
	 * Adds an item to the batch unless the batch has the same bytes already; returns
	 * whether it was new.
	 */
	boolean insertItem(UUID municipalityId, UUID batchId, String fileName, String contentType, long size, String blob,
			Instant now, String uploadedBy) {
		return this.jdbc.sql("""
				insert into mail_item (municipality_id, batch_id, file_name, content_type, size, blob, uploaded_at,
				                       uploaded_by)
				values (:m, :batch, :name, :type, :size, :blob, :now, :by)
				on conflict (batch_id, blob) do nothing""")
			.param("m", municipalityId)
			.param("batch", batchId)
			.param("name", fileName)
			.param("type", contentType)
			.param("size", size)
			.param("blob", blob)
			.param("now", Timestamp.from(now))
			.param("by", uploadedBy)
			.update() == 1;
	}

	/**
	 * Takes the oldest queued item nobody holds, for the lease: skipped by other workers
	 * until it ends.
	 */
	Optional<MailItem> claimNext(Instant now, Instant leaseUntil) {
		return this.jdbc
			.sql("update mail_item set claimed_until = :until, attempts = attempts + 1 where id = ("
					+ "select id from mail_item where state = 'QUEUED' and claimed_until <= :now "
					+ "order by uploaded_at, id limit 1 for update skip locked) returning " + ITEM_COLUMNS)
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(leaseUntil))
			.query(MailRepository::item)
			.optional();
	}

	/** Locks a queued item for routing; empty when another worker routed it meanwhile. */
	Optional<MailItem> lockQueued(UUID id) {
		return this.jdbc
			.sql("select " + ITEM_COLUMNS + " from mail_item where id = :id and state = 'QUEUED' for update")
			.param("id", id)
			.query(MailRepository::item)
			.optional();
	}

	Optional<MailItem> lock(UUID id) {
		return this.jdbc.sql("select " + ITEM_COLUMNS + " from mail_item where id = :id for update")
			.param("id", id)
			.query(MailRepository::item)
			.optional();
	}

	Optional<MailItem> find(UUID id) {
		return this.jdbc.sql("select " + ITEM_COLUMNS + " from mail_item where id = :id")
			.param("id", id)
			.query(MailRepository::item)
			.optional();
	}

	void recognised(UUID id, String recognition, String content, @Nullable String searchableBlob,
			@Nullable String subject, @Nullable String sender, List<String> references,
			@Nullable String paymentReference) {
		this.jdbc.sql("""
				update mail_item set recognition = :recognition, content = :content, searchable_blob = :searchable,
				       subject = :subject,
				       sender = :sender, case_references = :references, payment_reference = :payment
				where id = :id""")
			.param("id", id)
			.param("recognition", recognition)
			.param("content", content)
			.param("searchable", searchableBlob, Types.VARCHAR)
			.param("subject", subject, Types.VARCHAR)
			.param("sender", sender, Types.VARCHAR)
			.param("references", references.toArray(String[]::new))
			.param("payment", paymentReference, Types.VARCHAR)
			.update();
	}

	void route(UUID id, String state, @Nullable UUID orgUnitId, @Nullable UUID caseId, @Nullable String caseReference,
			@Nullable UUID fileId, @Nullable UUID documentId, String routedBy, Instant now) {
		this.jdbc.sql("""
				update mail_item set state = :state, org_unit_id = :unit, case_id = :case, case_reference = :reference,
				       file_id = :file, document_id = :document, routed_by = :by, routed_at = :now
				where id = :id""")
			.param("id", id)
			.param("state", state)
			.param("unit", orgUnitId, Types.OTHER)
			.param("case", caseId, Types.OTHER)
			.param("reference", caseReference, Types.VARCHAR)
			.param("file", fileId, Types.OTHER)
			.param("document", documentId, Types.OTHER)
			.param("by", routedBy)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * The municipality's items of the last uploads and those waiting for a person, newest
	 * first.
	 */
	List<MailItem> recent(UUID municipalityId, int limit) {
		return this.jdbc.sql("select " + ITEM_COLUMNS + """
				 from mail_item where municipality_id = :m
				order by (state = 'MANUAL') desc, uploaded_at desc, id limit :limit""")
			.param("m", municipalityId)
			.param("limit", limit)
			.query(MailRepository::item)
			.list();
	}

	List<MailItem> inbox(UUID municipalityId, Collection<UUID> orgUnits, int limit) {
		if (orgUnits.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + ITEM_COLUMNS + """
				 from mail_item where municipality_id = :m and state = 'INBOX' and org_unit_id = any(:units)
				order by uploaded_at desc, id limit :limit""")
			.param("m", municipalityId)
			.param("units", orgUnits.toArray(UUID[]::new))
			.param("limit", limit)
			.query(MailRepository::item)
			.list();
	}

	List<MailItem> ofBatch(UUID batchId) {
		return this.jdbc.sql("select " + ITEM_COLUMNS + " from mail_item where batch_id = :b order by uploaded_at, id")
			.param("b", batchId)
			.query(MailRepository::item)
			.list();
	}

	List<MailRule> rules(UUID municipalityId) {
		return this.jdbc.sql("""
				select id, municipality_id, position, keywords, sender_pattern, org_unit_id from mail_rule
				where municipality_id = :m order by position, created_at, id""")
			.param("m", municipalityId)
			.query((rs, row) -> new MailRule(rs.getObject("id", UUID.class),
					rs.getObject("municipality_id", UUID.class), rs.getInt("position"), rs.getString("keywords"),
					rs.getString("sender_pattern"), rs.getObject("org_unit_id", UUID.class)))
			.list();
	}

	UUID addRule(UUID municipalityId, int position, String keywords, String senderPattern, UUID orgUnitId,
			Instant now) {
		return this.jdbc.sql("""
				insert into mail_rule (municipality_id, position, keywords, sender_pattern, org_unit_id, created_at)
				values (:m, :position, :keywords, :sender, :unit, :now) returning id""")
			.param("m", municipalityId)
			.param("position", position)
			.param("keywords", keywords)
			.param("sender", senderPattern)
			.param("unit", orgUnitId)
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.single();
	}

	int deleteRule(UUID municipalityId, UUID ruleId) {
		return this.jdbc.sql("delete from mail_rule where id = :id and municipality_id = :m")
			.param("id", ruleId)
			.param("m", municipalityId)
			.update();
	}

	private static MailItem item(ResultSet rs, int row) throws SQLException {
		Array references = rs.getArray("case_references");
		OffsetDateTime routedAt = rs.getObject("routed_at", OffsetDateTime.class);
		return new MailItem(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				rs.getObject("batch_id", UUID.class), rs.getString("file_name"), rs.getString("content_type"),
				rs.getLong("size"), rs.getString("blob"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(),
				rs.getString("uploaded_by"), rs.getString("state"), rs.getInt("attempts"), rs.getString("recognition"),
				rs.getString("content"), rs.getString("subject"), rs.getString("sender"),
				(references != null) ? List.of((String[]) references.getArray()) : List.of(),
				rs.getString("payment_reference"), rs.getObject("org_unit_id", UUID.class),
				rs.getObject("case_id", UUID.class), rs.getString("case_reference"), rs.getString("routed_by"),
				(routedAt != null) ? routedAt.toInstant() : null, rs.getObject("document_id", UUID.class),
				rs.getString("searchable_blob"));
	}

}
