package de.amtsweg.platform.internal;

import de.amtsweg.platform.PublicEndpoints;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the platform module contributes to the portal's shared registries. */
@Configuration(proxyBeanMethods = false)
class PlatformBeans {

	@Bean
	PublicEndpoints platformPublicEndpoints() {
		return PublicEndpoints.of("/api/v1/municipalities", "/api/v1/municipalities/**");
	}

}
