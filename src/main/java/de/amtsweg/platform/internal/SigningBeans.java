package de.amtsweg.platform.internal;

import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.NavigationLink;
import de.amtsweg.platform.PublicEndpoints;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Signed documents: settings, the public verification page's link and API. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SigningProperties.class)
class SigningBeans {

	@Bean
	PublicEndpoints signatureVerificationEndpoint() {
		return PublicEndpoints.of("/api/v1/signatures/verify");
	}

	@Bean
	NavigationLink signatureVerificationLink() {
		return new NavigationLink(NavigationLink.Area.HOME, "signatures.nav.title", "signatures.nav.description",
				"/bescheid-pruefen", 95, null);
	}

	/**
	 * Creates the demo certificates at the first start rather than on the first notice.
	 */
	@Bean
	@Order(DemoData.LATER_MODULES)
	@ConditionalOnBooleanProperty(DemoData.ENABLED)
	ApplicationRunner demoSigningCertificates(SigningKeys keys) {
		return (arguments) -> keys.loadAll();
	}

}
