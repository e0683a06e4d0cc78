package de.amtsweg.platform.admin;

import de.amtsweg.platform.web.AuditLogVerificationEnvironment;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** A start for verifying the audit log keeps out of the way of a running node. */
class AuditLogVerificationEnvironmentTests {

	@Test
	void verifyingTakesAFreePortAndSeedsNoDemoData() {
		StandardEnvironment environment = environment("--verify-audit-log");
		new AuditLogVerificationEnvironment().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server.port")).isEqualTo("0");
		assertThat(environment.getProperty("amtsweg.demo-data.enabled")).isEqualTo("false");
		assertThat(environment.getProperty("spring.modulith.events.republish-outstanding-events-on-restart"))
			.isEqualTo("false");
	}

	@Test
	void anOrdinaryStartKeepsItsSettings() {
		StandardEnvironment environment = environment("--server.port=9090");
		new AuditLogVerificationEnvironment().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server.port")).isEqualTo("9090");
		assertThat(environment.getProperty("amtsweg.demo-data.enabled")).isNull();
	}

	private static StandardEnvironment environment(String... arguments) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(arguments));
		return environment;
	}

}
