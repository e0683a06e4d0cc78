package de.amtsweg.platform.internal;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock. Deadlines, reminders and expiries read it, so tests move it instead of
 * waiting.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Bean
	Clock clock() {
		return Clock.system(BERLIN);
	}

}
