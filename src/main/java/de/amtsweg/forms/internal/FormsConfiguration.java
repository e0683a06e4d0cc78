package de.amtsweg.forms.internal;

import de.amtsweg.platform.NavigationLink;
import de.amtsweg.platform.PublicEndpoints;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Defaults of the forms module. */
@Configuration(proxyBeanMethods = false)
class FormsConfiguration {

	@Bean
	NavigationLink formsDraftsLink() {
		return new NavigationLink(NavigationLink.Area.ACCOUNT, "forms.drafts.link.title",
				"forms.drafts.link.description", "/konto/antraege/entwuerfe", 30, null);
	}

	@Bean
	NavigationLink formsContactLink() {
		return new NavigationLink(NavigationLink.Area.HOME, "forms.contact.link.title",
				"forms.contact.link.description", "/antrag/kontakt", 50, null);
	}

	@Bean
	NavigationLink formsAdminLink() {
		return new NavigationLink(NavigationLink.Area.ADMIN, "forms.admin.link.title", "forms.admin.link.description",
				"/intern/admin/formulare", 40, "ROLE_ADMIN");
	}

	@Bean
	PublicEndpoints formsPublicEndpoints() {
		return PublicEndpoints.of("/api/v1/forms/schema");
	}

}
