package de.amtsweg.platform;

import java.util.UUID;

import de.amtsweg.support.IntegrationTest;
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
		assertThat(second.previousHash()).isEqualTo(first.hash());
		assertThat(first.actor()).isEqualTo(AuditLog.SYSTEM);
		assertThat(this.auditLog.forRecord("test", record)).extracting(AuditEntry::action)
			.containsExactly("test.read", "test.changed");
		AuditVerification verification = this.auditLog.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.entriesChecked()).isGreaterThanOrEqualTo(2);
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
		AuditEntry next = SystemActor.call(() -> this.auditLog.record("test.read", "test", record, null, "b"));

		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("alter table audit_log disable trigger audit_log_no_update").update();
			this.jdbc.sql("delete from audit_log where id = :id").param("id", deleted.id()).update();
			AuditVerification verification = this.auditLog.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenId()).isEqualTo(next.id());
			assertThat(verification.problem()).isEqualTo("chain-broken");
			status.setRollbackOnly();
		});
	}

}
