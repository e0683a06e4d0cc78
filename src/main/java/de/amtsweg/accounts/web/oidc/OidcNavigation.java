package de.amtsweg.accounts.web.oidc;

import de.amtsweg.platform.NavigationLink;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Links to the pages of sign-in over OpenID Connect on the hub pages. */
@Configuration(proxyBeanMethods = false)
class OidcNavigation {

	@Bean
	NavigationLink identityProvidersAdminLink() {
		return new NavigationLink(NavigationLink.Area.ADMIN, "oidc.nav.admin.title", "oidc.nav.admin.description",
				IdentityProviderAdminController.PATH, 40, null);
	}

	@Bean
	NavigationLink linkedIdentitiesLink() {
		return new NavigationLink(NavigationLink.Area.ACCOUNT, "oidc.nav.linked.title", "oidc.nav.linked.description",
				LinkedIdentitiesController.PATH, 80, null);
	}

}
