package de.amtsweg.platform.admin;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import de.amtsweg.platform.AuditEntry;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.platform.web.AuditLogVerificationCommand;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' command {@code --verify-audit-log}, tested through the class that does
 * the work, in the running application instead of a second one.
 */
class AuditLogVerificationCommandTests extends AdminTestSupport {

	@Autowired
	AuditLogVerificationCommand command;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void anIntactChainIsReportedWithStatusZero() {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int status = this.command.verify(new PrintStream(output, true, StandardCharsets.UTF_8));
		assertThat(status).isZero();
		assertThat(output.toString(StandardCharsets.UTF_8))
			.matches("Alle [0-9.]+ Einträge sind unverändert und lückenlos verkettet\\.\\R");
	}

	/**
	 * The tampering happens in a transaction that is rolled back, so the shared chain
	 * stays intact for the other tests.
	 */
	@Test
	void aChangedEntryIsNamedWithStatusOne() {
		AuditEntry victim = SystemActor
			.call(() -> this.auditLog.record("test.read", "test", UUID.randomUUID().toString(), null, "original"));
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int status = this.transactions.execute((transaction) -> {
			this.jdbc.sql("alter table audit_log disable trigger audit_log_no_update").update();
			this.jdbc.sql("update audit_log set details = 'changed' where id = :id").param("id", victim.id()).update();
			int result = this.command.verify(new PrintStream(output, true, StandardCharsets.UTF_8));
			transaction.setRollbackOnly();
			return result;
		});
		assertThat(status).isEqualTo(1);
		assertThat(output.toString(StandardCharsets.UTF_8))
			.startsWith("Eintrag Nr. " + victim.id() + " wurde nachträglich verändert");
		assertThat(this.command.verify(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
			.isZero();
	}

	@Test
	void withoutTheOptionTheApplicationStartsAsUsual() {
		PrintStream console = System.out;
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
		try {
			this.command.run(new DefaultApplicationArguments("--server.port=8080"));
		}
		finally {
			System.setOut(console);
		}
		assertThat(output.toString(StandardCharsets.UTF_8)).isEmpty();
	}

}
