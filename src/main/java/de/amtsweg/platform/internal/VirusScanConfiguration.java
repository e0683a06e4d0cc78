package de.amtsweg.platform.internal;

import java.time.Duration;

import de.amtsweg.platform.VirusScanner;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * ClamAV's daemon when {@code amtsweg.virus-scan.enabled}; without it every upload path
 * checks type and size only ({@link NoVirusScanner}).
 */
@Configuration(proxyBeanMethods = false)
class VirusScanConfiguration {

	@Bean
	VirusScanner virusScanner(@Value("${amtsweg.virus-scan.enabled:false}") boolean enabled,
			@Value("${amtsweg.virus-scan.host:localhost}") String host,
			@Value("${amtsweg.virus-scan.port:3310}") int port,
			@Value("${amtsweg.virus-scan.timeout:30s}") Duration timeout) {
		if (enabled) {
			return new ClamdVirusScanner(host, port, timeout);
		}
		return new NoVirusScanner();
	}

	/** No scanner configured: every file counts as clean. */
	static final class NoVirusScanner implements VirusScanner {

		@Override
		public Verdict scan(byte[] content) {
			return Verdict.ok();
		}

	}

}
