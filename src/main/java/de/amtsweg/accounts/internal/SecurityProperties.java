package de.amtsweg.accounts.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings.
 *
 * @param metricsNetworks client networks (CIDR) that may read
 * {@code /actuator/prometheus} ({@code AMTSWEG_METRICS_NETWORKS})
 * @param failedSignInsPerClient failed sign-ins from one client address before it is
 * slowed down ({@code AMTSWEG_FAILED_SIGN_INS_PER_CLIENT}); many citizens can share one
 * address (a town hall's network, a mobile carrier), so this is higher than per account
 */
@ConfigurationProperties("amtsweg.security")
record SecurityProperties(@DefaultValue( {
		"127.0.0.1/32", "::1/128" }) List<String> metricsNetworks, @DefaultValue("20") int failedSignInsPerClient){
}
