package de.amtsweg.platform.web;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A start with {@code --verify-audit-log} only reads the audit log, usually beside a
 * running node: it listens on a free port instead of the configured one, seeds no demo
 * data and leaves outstanding events to the nodes that serve requests.
 */
public class AuditLogVerificationEnvironment implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE = "audit-log-verification";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.containsProperty(AuditLogVerificationCommand.OPTION)) {
			return;
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE,
					Map.of("server.port", "0", "amtsweg.demo-data.enabled", "false",
							"spring.modulith.events.republish-outstanding-events-on-restart", "false",
							"spring.session.jdbc.cleanup-cron", "-")));
	}

}
