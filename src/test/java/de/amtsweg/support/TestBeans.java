package de.amtsweg.support;

import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Beans that replace real ones in every integration test: the clock tests can move, the
 * virus scanner tests can switch to a real clamd.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestBeans {

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock(ZoneId.of("Europe/Berlin"));
	}

	@Bean
	@Primary
	SwitchableVirusScanner switchableVirusScanner() {
		return new SwitchableVirusScanner();
	}

}
