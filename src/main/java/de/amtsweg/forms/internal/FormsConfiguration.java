package de.amtsweg.forms.internal;

import java.util.Optional;

import de.amtsweg.forms.ApplicantProfiles;
import de.amtsweg.platform.PublicEndpoints;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Defaults of the forms module. */
@Configuration(proxyBeanMethods = false)
class FormsConfiguration {

	/** Without an account integration forms start empty. */
	@Bean
	@ConditionalOnMissingBean
	ApplicantProfiles noApplicantProfiles() {
		return (accountId) -> Optional.empty();
	}

	@Bean
	PublicEndpoints formsPublicEndpoints() {
		return PublicEndpoints.of("/api/v1/forms/schema");
	}

}
