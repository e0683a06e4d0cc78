package de.amtsweg.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import de.amtsweg.support.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditLogTests extends IntegrationTest {

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void entriesAreChainedAndTheChainVerifies() {
		String record = UUID.randomUUID().toString();
		AuditEntry first = SystemActor.call(() -> this.auditLog.record("test.read", "test", record, null, "first"));
		AuditEntry second = SystemActor
			.call(() -> this.auditLog.record("test.changed", "test", record, null, "second"));
		assertThat(first.actor()).isEqualTo(AuditLog.SYSTEM);
		assertThat(first.hash()).hasSize(64).isNotEqualTo(second.hash());
		AuditVerification verification = this.auditLog.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.entriesChecked()).isGreaterThanOrEqualTo(2);
		assertThat(this.auditLog.forRecord("test", record)).extracting(AuditEntry::action)
			.containsExactly("test.read", "test.changed");
		assertThat(this.auditLog.forRecord("test", record))
			.allSatisfy((entry) -> assertThat(entry.previousHash()).as("sealed into the chain").hasSize(64));
		assertThat(sealNumber(second)).isGreaterThan(sealNumber(first));
	}

	/**
	 * One transaction has written an audit entry and has not committed yet; another
	 * auditing transaction neither waits for it nor is chained behind it: the chain's
	 * order is the order of commits.
	 */
	@Test
	void anOpenTransactionDoesNotHoldUpOtherAuditEntries() throws Exception {
		String record = UUID.randomUUID().toString();
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicReference<AuditEntry> slow = new AtomicReference<>();
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<?> slowTransaction = executor
				.submit(() -> SystemActor.run(() -> this.transactions.executeWithoutResult((status) -> {
					slow.set(this.auditLog.record("test.read", "test", record, null, "slow"));
					written.countDown();
					await(release);
				})));
			assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
			AuditEntry fast = CompletableFuture
				.supplyAsync(
						() -> SystemActor.call(() -> this.auditLog.record("test.read", "test", record, null, "fast")))
				.get(30, TimeUnit.SECONDS);
			assertThat(this.auditLog.verify().intact()).isTrue();
			assertThat(sealNumber(fast)).isNotNull();
			assertThat(this.jdbc.sql("select count(*) from audit_log where id = :id")
				.param("id", slow.get().id())
				.query(Long.class)
				.single()).as("not committed yet").isZero();
			release.countDown();
			slowTransaction.get(30, TimeUnit.SECONDS);
			assertThat(this.auditLog.verify().intact()).isTrue();
			assertThat(sealNumber(slow.get())).isGreaterThan(sealNumber(fast));
		}
		finally {
			release.countDown();
			executor.shutdownNow();
		}
	}

	@Test
	void manyConcurrentEntriesAreEachSealedOnce() throws Exception {
		String record = UUID.randomUUID().toString();
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<AuditEntry>> futures = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				String details = "entry " + i;
				futures.add(executor.submit(() -> SystemActor
					.call(() -> this.auditLog.record("test.read", "test", record, null, details))));
			}
			for (Future<AuditEntry> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.auditLog.verify().intact()).isTrue();
		assertThat(this.jdbc.sql("""
				select count(distinct s.seal_no) from audit_seal s join audit_log a on a.id = s.entry_id
				 where a.record_type = 'test' and a.record_id = :record""")
			.param("record", record)
			.query(Long.class)
			.single()).isEqualTo(200);
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteEntries() {
		assertThatThrownBy(() -> this.jdbc.sql("update audit_log set details = 'x'").update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from audit_log").update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
	}

	/**
	 * Someone with full database rights switches the trigger off and changes an entry:
	 * the verification names that entry. The tampering happens in a transaction that is
	 * rolled back, so the shared chain stays intact for the other tests.
	 */
	@Test
	void aTamperedEntryIsFoundByTheVerification() {
		String record = UUID.randomUUID().toString();
		AuditEntry victim = SystemActor.call(() -> this.auditLog.record("test.read", "test", record, null, "original"));
		SystemActor.call(() -> this.auditLog.record("test.read", "test", record, null, "after"));
		assertThat(this.auditLog.verify().intact()).isTrue();
		assertThat(sealNumber(victim)).isNotNull();

		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("alter table audit_log disable trigger audit_log_no_update").update();
			this.jdbc.sql("update audit_log set actor = 'someone-else' where id = :id")
				.param("id", victim.id())
				.update();
			AuditVerification verification = this.auditLog.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenId()).isEqualTo(victim.id());
			assertThat(verification.problem()).isEqualTo("content-changed");
			status.setRollbackOnly();
		});
		assertThat(this.auditLog.verify().intact()).isTrue();
	}

	@Test
	void aDeletedEntryBreaksTheChainAtTheNextOne() {
		String record = UUID.randomUUID().toString();
		AuditEntry deleted = SystemActor.call(() -> this.auditLog.record("test.read", "test", record, null, "a"));
		SystemActor.call(() -> this.auditLog.record("test.read", "test", record, null, "b"));
		assertThat(this.auditLog.verify().intact()).isTrue();
		Long next = nextSealed(deleted);
		assertThat(next).isNotNull();

		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("alter table audit_log disable trigger audit_log_no_update").update();
			this.jdbc.sql("delete from audit_log where id = :id").param("id", deleted.id()).update();
			AuditVerification verification = this.auditLog.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenId()).isEqualTo(next);
			assertThat(verification.problem()).isEqualTo("chain-broken");
			status.setRollbackOnly();
		});
	}

	@Test
	void aDeletedEntryWithItsSealBreaksTheChainAtTheNextOne() {
		String record = UUID.randomUUID().toString();
		AuditEntry deleted = SystemActor.call(() -> this.auditLog.record("test.read", "test", record, null, "a"));
		SystemActor.call(() -> this.auditLog.record("test.read", "test", record, null, "b"));
		assertThat(this.auditLog.verify().intact()).isTrue();
		Long next = nextSealed(deleted);

		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("alter table audit_log disable trigger audit_log_no_update").update();
			this.jdbc.sql("alter table audit_seal disable trigger audit_seal_no_update").update();
			this.jdbc.sql("delete from audit_seal where entry_id = :id").param("id", deleted.id()).update();
			this.jdbc.sql("delete from audit_log where id = :id").param("id", deleted.id()).update();
			AuditVerification verification = this.auditLog.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenId()).isEqualTo(next);
			assertThat(verification.problem()).isEqualTo("chain-broken");
			status.setRollbackOnly();
		});
	}

	@Test
	void anEntryBypassingTheSealerIsFound() {
		long id = this.jdbc.sql("select nextval('audit_log_id_seq')").query(Long.class).single();
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("""
					insert into audit_log (id, occurred_at, actor, action, record_type, record_id, details, hash)
					values (:id, now(), 'someone', 'test.read', 'test', 'x', '', repeat('a', 64))""")
				.param("id", id)
				.update();
			AuditVerification verification = this.auditLog.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenId()).isEqualTo(id);
			status.setRollbackOnly();
		});
	}

	private @Nullable Long sealNumber(AuditEntry entry) {
		return this.jdbc.sql("select seal_no from audit_seal where entry_id = :id")
			.param("id", entry.id())
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/** The entry sealed right after the given one (other tests may audit in between). */
	private @Nullable Long nextSealed(AuditEntry entry) {
		return this.jdbc.sql("""
				select entry_id from audit_seal
				 where seal_no = (select seal_no + 1 from audit_seal where entry_id = :id)""")
			.param("id", entry.id())
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
