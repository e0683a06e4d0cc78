package de.amtsweg.platform.web;

import java.io.PrintStream;
import java.util.Locale;

import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.AuditVerification;
import de.amtsweg.platform.SystemActor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The operators' check of the audit log: started with {@code --verify-audit-log}, the
 * application verifies the hash chain, prints the result and exits with status 0 (intact)
 * or 1 (broken). {@link AuditLogVerificationEnvironment} keeps such a start from taking
 * the web port or doing the work of a running node.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AuditLogVerificationCommand implements ApplicationRunner {

	/** The command-line option, without its leading dashes. */
	public static final String OPTION = "verify-audit-log";

	private final AuditLog auditLog;

	private final MessageSource messages;

	private final ConfigurableApplicationContext context;

	AuditLogVerificationCommand(AuditLog auditLog, MessageSource messages, ConfigurableApplicationContext context) {
		this.auditLog = auditLog;
		this.messages = messages;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption(OPTION)) {
			return;
		}
		int status = verify(System.out);
		System.exit(SpringApplication.exit(this.context, () -> status));
	}

	/**
	 * Verifies the chain and writes the result.
	 * @param out where the result goes
	 * @return the exit status: 0 if the chain is intact, 1 if not
	 */
	public int verify(PrintStream out) {
		AuditVerification verification = SystemActor.call(this.auditLog::verify);
		out.println(AuditVerificationText.describe(verification, this.messages, Locale.GERMAN));
		out.flush();
		return verification.intact() ? 0 : 1;
	}

}
