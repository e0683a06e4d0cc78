package de.amtsweg.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import de.amtsweg.platform.AuditEntry;
import de.amtsweg.platform.AuditVerification;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends to and verifies the hash chain in table {@code audit_log}. Appends are
 * serialised by a transaction-scoped advisory lock, so the chain has one order across all
 * nodes.
 */
@Repository
public class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private static final long LOCK_KEY = 0x4175646974L; // "Audit"

	private static final int VERIFY_BATCH = 5_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	public AuditChain(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public AuditEntry append(String actor, String action, String recordType, String recordId,
			@Nullable UUID municipalityId, String details) {
		this.jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query().singleRow();
		String previousHash = this.jdbc.sql("select hash from audit_log order by id desc limit 1")
			.query(String.class)
			.optional()
			.orElse(GENESIS);
		long id = this.jdbc.sql("select nextval('audit_log_id_seq')").query(Long.class).single();
		Instant occurredAt = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		AuditEntry unsigned = new AuditEntry(id, occurredAt, actor, action, recordType, recordId, municipalityId,
				details, previousHash, "");
		AuditEntry entry = new AuditEntry(id, occurredAt, actor, action, recordType, recordId, municipalityId, details,
				previousHash, hash(unsigned));
		this.jdbc.sql("""
				insert into audit_log (id, occurred_at, actor, action, record_type, record_id, municipality_id,
				                       details, previous_hash, hash)
				values (:id, :occurredAt, :actor, :action, :recordType, :recordId, :municipalityId, :details,
				        :previousHash, :hash)""")
			.param("id", entry.id())
			.param("occurredAt", Timestamp.from(entry.occurredAt()))
			.param("actor", entry.actor())
			.param("action", entry.action())
			.param("recordType", entry.recordType())
			.param("recordId", entry.recordId())
			.param("municipalityId", entry.municipalityId())
			.param("details", entry.details())
			.param("previousHash", entry.previousHash())
			.param("hash", entry.hash())
			.update();
		return entry;
	}

	public List<AuditEntry> forRecord(String recordType, String recordId) {
		return this.jdbc.sql("select * from audit_log where record_type = :type and record_id = :id order by id")
			.param("type", recordType)
			.param("id", recordId)
			.query(AuditChain::entry)
			.list();
	}

	public List<AuditEntry> latest(int limit, @Nullable UUID municipalityId) {
		return this.jdbc.sql("""
				select * from audit_log
				where cast(:municipalityId as uuid) is null or municipality_id = :municipalityId
				order by id desc limit :limit""")
			.param("municipalityId", municipalityId)
			.param("limit", limit)
			.query(AuditChain::entry)
			.list();
	}

	public AuditVerification verify() {
		AtomicReference<String> previousHash = new AtomicReference<>(GENESIS);
		long checked = 0;
		long lastId = 0;
		while (true) {
			List<AuditEntry> batch = this.jdbc.sql("select * from audit_log where id > :after order by id limit :n")
				.param("after", lastId)
				.param("n", VERIFY_BATCH)
				.query(AuditChain::entry)
				.list();
			if (batch.isEmpty()) {
				return new AuditVerification(checked, true, null, null);
			}
			for (AuditEntry entry : batch) {
				checked++;
				if (!entry.previousHash().equals(previousHash.get())) {
					return new AuditVerification(checked, false, entry.id(), "chain-broken");
				}
				if (!hash(entry).equals(entry.hash())) {
					return new AuditVerification(checked, false, entry.id(), "content-changed");
				}
				previousHash.set(entry.hash());
				lastId = entry.id();
			}
		}
	}

	/**
	 * SHA-256 over every field but the hash itself, each field length-prefixed so that no
	 * two entries share an input.
	 */
	static String hash(AuditEntry entry) {
		StringBuilder input = new StringBuilder();
		for (String field : new String[] { Long.toString(entry.id()),
				Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, entry.occurredAt())), entry.actor(),
				entry.action(), entry.recordType(), entry.recordId(),
				(entry.municipalityId() != null) ? entry.municipalityId().toString() : "", entry.details(),
				entry.previousHash() }) {
			input.append(field.length()).append(':').append(field).append(';');
		}
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(input.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("record_type"), rs.getString("record_id"),
				rs.getObject("municipality_id", UUID.class), rs.getString("details"), rs.getString("previous_hash"),
				rs.getString("hash"));
	}

}
