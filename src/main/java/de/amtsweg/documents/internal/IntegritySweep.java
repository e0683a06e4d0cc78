package de.amtsweg.documents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.BlobStore;
import de.amtsweg.platform.JobLock;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Re-hashes every blob the e-file refers to and reports those whose bytes no longer match
 * their address or are gone: in the sweep's record (the admin page), the audit log and
 * the log. Runs nightly on one node; an admin can start it by hand.
 */
@Service
public class IntegritySweep {

	private static final Logger LOG = LoggerFactory.getLogger(IntegritySweep.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int BATCH = 500;

	private final DocumentRepository repository;

	private final BlobStore blobs;

	private final JdbcClient jdbc;

	private final JobLock jobLock;

	private final AuditLog auditLog;

	private final Clock clock;

	IntegritySweep(DocumentRepository repository, BlobStore blobs, JdbcClient jdbc, JobLock jobLock, AuditLog auditLog,
			Clock clock) {
		this.repository = repository;
		this.blobs = blobs;
		this.jdbc = jdbc;
		this.jobLock = jobLock;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Scheduled(cron = "${amtsweg.documents.integrity-cron:0 30 2 * * *}", zone = "Europe/Berlin")
	void nightly() {
		this.jobLock.runExclusively("documents.integrity-sweep", Duration.ofHours(6), () -> SystemActor.run(this::run));
	}

	/** Checks every blob now; a sweep's own transaction per record keeps locks short. */
	public Sweep run() {
		Instant started = this.clock.instant();
		List<Mismatch> mismatches = new ArrayList<>();
		int checked = 0;
		String after = "";
		List<String> batch;
		do {
			batch = this.repository.blobsAfter(after, BATCH);
			for (String address : batch) {
				checked++;
				try {
					this.blobs.get(address);
				}
				catch (BlobStore.CorruptBlobException ex) {
					mismatches.add(new Mismatch(address, "CHANGED"));
				}
				catch (NotFoundException ex) {
					mismatches.add(new Mismatch(address, "MISSING"));
				}
			}
			if (!batch.isEmpty()) {
				after = batch.get(batch.size() - 1);
			}
		}
		while (batch.size() == BATCH);
		Instant finished = this.clock.instant();
		this.jdbc.sql("""
				insert into document_integrity_sweep (started_at, finished_at, checked, mismatches)
				values (:started, :finished, :checked, cast(:mismatches as jsonb))""")
			.param("started", DocumentRepository.utc(started))
			.param("finished", DocumentRepository.utc(finished))
			.param("checked", checked)
			.param("mismatches", JSON.writeValueAsString(mismatches))
			.update();
		for (Mismatch mismatch : mismatches) {
			LOG.error("Integrity sweep: blob {} is {}", mismatch.blob(), mismatch.problem());
			this.auditLog.record("document.integrity-mismatch", "blob", mismatch.blob(), null, mismatch.problem());
		}
		this.auditLog.record("document.integrity-sweep", "blob", "-", null,
				checked + " checked, " + mismatches.size() + " mismatches");
		LOG.info("Integrity sweep: {} blobs checked, {} mismatches", checked, mismatches.size());
		return new Sweep(started, finished, checked, mismatches);
	}

	public List<Sweep> latest(int limit) {
		return this.jdbc.sql("""
				select started_at, finished_at, checked, mismatches::text as mismatches
				  from document_integrity_sweep order by id desc limit :limit""")
			.param("limit", limit)
			.query(IntegritySweep::sweep)
			.list();
	}

	private static Sweep sweep(ResultSet rs, int row) throws SQLException {
		Mismatch[] mismatches = JSON.readValue(rs.getString("mismatches"), Mismatch[].class);
		return new Sweep(rs.getObject("started_at", OffsetDateTime.class).toInstant(),
				rs.getObject("finished_at", OffsetDateTime.class).toInstant(), rs.getInt("checked"),
				List.of(mismatches));
	}

	/**
	 * One run of the sweep.
	 *
	 * @param startedAt when it started
	 * @param finishedAt when it ended
	 * @param checked how many blobs it re-hashed
	 * @param mismatches the blobs that failed
	 */
	public record Sweep(Instant startedAt, Instant finishedAt, int checked, List<Mismatch> mismatches) {
	}

	/**
	 * A blob that failed.
	 *
	 * @param blob its address
	 * @param problem CHANGED (bytes differ from the address) or MISSING
	 */
	public record Mismatch(String blob, String problem) {
	}

}
