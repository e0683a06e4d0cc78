package de.amtsweg.integrations.web;

import de.amtsweg.platform.NavigationLink;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The link to the specialist systems on the administration hub. */
@Configuration(proxyBeanMethods = false)
class IntegrationsNavigation {

	@Bean
	NavigationLink specialistSystemsOnAdmin() {
		return new NavigationLink(NavigationLink.Area.ADMIN, "integrations.nav.admin.title",
				"integrations.nav.admin.description", IntegrationsAdminController.PATH, 70, "ROLE_ADMIN");
	}

}
