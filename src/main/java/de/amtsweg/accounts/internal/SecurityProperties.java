package de.amtsweg.accounts.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings.
 *
 * @param metricsNetworks client networks (CIDR) that may read
 * {@code /actuator/prometheus} ({@code AMTSWEG_METRICS_NETWORKS})
 */
@ConfigurationProperties("amtsweg.security")
record SecurityProperties(@DefaultValue( {
		"127.0.0.1/32", "::1/128" }) List<String> metricsNetworks){
}
