package de.amtsweg.platform.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.platform.AuditEntry;
import de.amtsweg.platform.AuditVerification;
import de.amtsweg.platform.Sha256;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to, seals and verifies the hash chain of table {@code audit_log}.
 * <p>
 * Appending takes no lock: an entry is inserted with the SHA-256 of its own content and
 * queued in {@code audit_pending}, so auditing transactions of the portal never wait for
 * each other. The chain is made by {@link #seal()}: one sealer at a time (a
 * transaction-scoped advisory lock, so across all nodes) takes the committed pending
 * entries in id order and appends one {@code audit_seal} row per entry whose hash covers
 * the entry's content hash and the seal before. Only committed entries are visible to the
 * sealer, so the chain's order is the order of sealing. Entries written before the sealer
 * existed keep their own chain ({@code previous_hash} set); the first seal continues it.
 */
@Repository
public class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

	private static final long SEAL_LOCK_KEY = 0x4175646974L; // "Audit"

	private static final int BATCH = 5_000;

	private static final String ENTRY_COLUMNS = """
			a.id, a.occurred_at, a.actor, a.action, a.record_type, a.record_id, a.municipality_id, a.details,
			a.hash, coalesce(a.previous_hash, s.previous_hash, '') as chain_previous_hash
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	public AuditChain(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Appends an entry without waiting for any other transaction; it is chained by the
	 * next {@link #seal()} after its transaction commits.
	 */
	public AuditEntry append(String actor, String action, String recordType, String recordId,
			@Nullable UUID municipalityId, String details) {
		long id = this.jdbc.sql("select nextval('audit_log_id_seq')").query(Long.class).single();
		Instant occurredAt = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		AuditEntry unhashed = new AuditEntry(id, occurredAt, actor, action, recordType, recordId, municipalityId,
				details, "", "");
		AuditEntry entry = new AuditEntry(id, occurredAt, actor, action, recordType, recordId, municipalityId, details,
				"", hash(unhashed));
		this.jdbc.sql("""
				with entry as (
				    insert into audit_log (id, occurred_at, actor, action, record_type, record_id, municipality_id,
				                           details, previous_hash, hash)
				    values (:id, :occurredAt, :actor, :action, :recordType, :recordId, :municipalityId, :details,
				            null, :hash)
				    returning id)
				insert into audit_pending (entry_id) select id from entry""")
			.param("id", entry.id())
			.param("occurredAt", Timestamp.from(entry.occurredAt()))
			.param("actor", entry.actor())
			.param("action", entry.action())
			.param("recordType", entry.recordType())
			.param("recordId", entry.recordId())
			.param("municipalityId", entry.municipalityId())
			.param("details", entry.details())
			.param("hash", entry.hash())
			.update();
		return entry;
	}

	/**
	 * Chains every committed entry that is not sealed yet. If another sealer is at work
	 * (this or another node), returns at once: that one seals them.
	 * @return how many entries this call sealed
	 */
	@Transactional
	public int seal() {
		boolean locked = this.jdbc.sql("select pg_try_advisory_xact_lock(:key)")
			.param("key", SEAL_LOCK_KEY)
			.query(Boolean.class)
			.single();
		if (!locked) {
			return 0;
		}
		Map<String, Object> last = this.jdbc.sql("select seal_no, hash from audit_seal order by seal_no desc limit 1")
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(null);
		long sealNo = (last != null) ? ((Number) last.get("seal_no")).longValue() : 0;
		String previous = (last != null) ? (String) last.get("hash") : lastOfOldChain();
		Timestamp now = Timestamp.from(this.clock.instant());
		int sealed = 0;
		while (true) {
			List<Long> ids = this.jdbc.sql("""
					delete from audit_pending
					 where entry_id in (select entry_id from audit_pending order by entry_id limit :n)
					returning entry_id""").param("n", BATCH).query(Long.class).list();
			if (ids.isEmpty()) {
				return sealed;
			}
			List<Map<String, Object>> entries = this.jdbc
				.sql("select id, hash from audit_log where id = any(:ids) order by id")
				.param("ids", ids.toArray(new Long[0]))
				.query()
				.listOfRows();
			if (entries.size() != ids.size()) {
				log.warn("{} queued audit entries no longer exist and cannot be sealed", ids.size() - entries.size());
			}
			int n = entries.size();
			Long[] numbers = new Long[n];
			Long[] entryIds = new Long[n];
			String[] entryHashes = new String[n];
			String[] previousHashes = new String[n];
			String[] hashes = new String[n];
			for (int i = 0; i < n; i++) {
				sealNo++;
				long entryId = ((Number) entries.get(i).get("id")).longValue();
				String entryHash = (String) entries.get(i).get("hash");
				numbers[i] = sealNo;
				entryIds[i] = entryId;
				entryHashes[i] = entryHash;
				previousHashes[i] = previous;
				previous = sealHash(sealNo, entryId, entryHash, previous);
				hashes[i] = previous;
			}
			this.jdbc.sql("""
					insert into audit_seal (seal_no, entry_id, entry_hash, previous_hash, hash, sealed_at)
					select no, entry, entry_hash, previous_hash, hash, :now
					  from unnest(cast(:numbers as bigint[]), cast(:entryIds as bigint[]), cast(:entryHashes as text[]),
					              cast(:previousHashes as text[]), cast(:hashes as text[]))
					       as s(no, entry, entry_hash, previous_hash, hash)""")
				.param("numbers", numbers)
				.param("entryIds", entryIds)
				.param("entryHashes", entryHashes)
				.param("previousHashes", previousHashes)
				.param("hashes", hashes)
				.param("now", now)
				.update();
			sealed += n;
		}
	}

	private String lastOfOldChain() {
		return this.jdbc.sql("select hash from audit_log where previous_hash is not null order by id desc limit 1")
			.query(String.class)
			.optional()
			.orElse(GENESIS);
	}

	public List<AuditEntry> forRecord(String recordType, String recordId) {
		return this.jdbc.sql("select " + ENTRY_COLUMNS + """
				 from audit_log a left join audit_seal s on s.entry_id = a.id
				where a.record_type = :type and a.record_id = :id order by a.id""")
			.param("type", recordType)
			.param("id", recordId)
			.query(AuditChain::entry)
			.list();
	}

	public List<AuditEntry> latest(int limit, @Nullable UUID municipalityId) {
		return this.jdbc.sql("select " + ENTRY_COLUMNS + """
				 from audit_log a left join audit_seal s on s.entry_id = a.id
				where cast(:municipalityId as uuid) is null or a.municipality_id = :municipalityId
				order by a.id desc limit :limit""")
			.param("municipalityId", municipalityId)
			.param("limit", limit)
			.query(AuditChain::entry)
			.list();
	}

	/**
	 * Checks the old chain entry by entry, then every seal against its entry and the seal
	 * before, then the entries still waiting for the sealer against their own hash; an
	 * entry that is neither sealed nor waiting breaks the chain. Call {@link #seal()}
	 * first so that as much as possible is sealed.
	 */
	@Transactional(readOnly = true)
	public AuditVerification verify() {
		long checked = 0;
		String previous = GENESIS;
		long lastId = 0;
		while (true) {
			List<AuditEntry> batch = this.jdbc.sql("""
					select a.id, a.occurred_at, a.actor, a.action, a.record_type, a.record_id, a.municipality_id,
					       a.details, a.hash, a.previous_hash as chain_previous_hash
					  from audit_log a where a.previous_hash is not null and a.id > :after order by a.id limit :n""")
				.param("after", lastId)
				.param("n", BATCH)
				.query(AuditChain::entry)
				.list();
			if (batch.isEmpty()) {
				break;
			}
			for (AuditEntry entry : batch) {
				checked++;
				if (!entry.previousHash().equals(previous)) {
					return new AuditVerification(checked, false, entry.id(), "chain-broken");
				}
				if (!hash(entry).equals(entry.hash())) {
					return new AuditVerification(checked, false, entry.id(), "content-changed");
				}
				previous = entry.hash();
				lastId = entry.id();
			}
		}
		long lastSeal = 0;
		boolean missingBefore = false;
		while (true) {
			List<Sealed> batch = this.jdbc.sql("""
					select s.seal_no, s.entry_id, s.entry_hash, s.previous_hash as seal_previous_hash,
					       s.hash as seal_hash, a.id, a.occurred_at, a.actor, a.action, a.record_type, a.record_id,
					       a.municipality_id, a.details, a.hash, '' as chain_previous_hash
					  from audit_seal s left join audit_log a on a.id = s.entry_id
					 where s.seal_no > :after order by s.seal_no limit :n""")
				.param("after", lastSeal)
				.param("n", BATCH)
				.query(AuditChain::sealed)
				.list();
			if (batch.isEmpty()) {
				break;
			}
			for (Sealed seal : batch) {
				lastSeal = seal.sealNo();
				AuditEntry entry = seal.entry();
				if (entry == null) {
					// A deleted entry shows at the next one, as a gap in the chain.
					missingBefore = true;
					previous = seal.hash();
					continue;
				}
				checked++;
				if (missingBefore || !seal.previousHash().equals(previous)) {
					return new AuditVerification(checked, false, seal.entryId(), "chain-broken");
				}
				if (!hash(entry).equals(seal.entryHash())
						|| !sealHash(seal.sealNo(), seal.entryId(), seal.entryHash(), previous).equals(seal.hash())) {
					return new AuditVerification(checked, false, seal.entryId(), "content-changed");
				}
				previous = seal.hash();
			}
		}
		if (missingBefore) {
			return new AuditVerification(checked, false, null, "chain-broken");
		}
		List<AuditEntry> waiting = this.jdbc.sql("select " + ENTRY_COLUMNS + """
				from audit_pending p join audit_log a on a.id = p.entry_id
				     left join audit_seal s on s.entry_id = a.id order by a.id""").query(AuditChain::entry).list();
		for (AuditEntry entry : waiting) {
			checked++;
			if (!hash(entry).equals(entry.hash())) {
				return new AuditVerification(checked, false, entry.id(), "content-changed");
			}
		}
		Long unchained = this.jdbc.sql("""
				select min(a.id) from audit_log a
				 where a.previous_hash is null
				   and not exists (select 1 from audit_seal s where s.entry_id = a.id)
				   and not exists (select 1 from audit_pending p where p.entry_id = a.id)""")
			.query(Long.class)
			.optional()
			.orElse(null);
		if (unchained != null) {
			return new AuditVerification(checked, false, unchained, "chain-broken");
		}
		return new AuditVerification(checked, true, null, null);
	}

	/**
	 * SHA-256 over every field but the hash itself, each field length-prefixed so that no
	 * two entries share an input. Entries of the sealed chain have an empty previous hash
	 * here: their link is the seal.
	 */
	static String hash(AuditEntry entry) {
		return sha256(Long.toString(entry.id()),
				Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, entry.occurredAt())), entry.actor(),
				entry.action(), entry.recordType(), entry.recordId(),
				(entry.municipalityId() != null) ? entry.municipalityId().toString() : "", entry.details(),
				entry.previousHash());
	}

	static String sealHash(long sealNo, long entryId, String entryHash, String previousHash) {
		return sha256("seal", Long.toString(sealNo), Long.toString(entryId), entryHash, previousHash);
	}

	private static String sha256(String... fields) {
		StringBuilder input = new StringBuilder();
		for (String field : fields) {
			input.append(field.length()).append(':').append(field).append(';');
		}
		return Sha256.hex(input.toString());
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("record_type"), rs.getString("record_id"),
				rs.getObject("municipality_id", UUID.class), rs.getString("details"),
				rs.getString("chain_previous_hash"), rs.getString("hash"));
	}

	private static Sealed sealed(ResultSet rs, int row) throws SQLException {
		rs.getLong("id");
		AuditEntry entry = rs.wasNull() ? null : entry(rs, row);
		return new Sealed(rs.getLong("seal_no"), rs.getLong("entry_id"), rs.getString("entry_hash"),
				rs.getString("seal_previous_hash"), rs.getString("seal_hash"), entry);
	}

	private record Sealed(long sealNo, long entryId, String entryHash, String previousHash, String hash,
			@Nullable AuditEntry entry) {
	}

}
