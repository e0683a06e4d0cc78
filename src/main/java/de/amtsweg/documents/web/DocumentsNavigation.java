package de.amtsweg.documents.web;

import de.amtsweg.platform.NavigationLink;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DocumentsNavigation {

	@Bean
	NavigationLink documentsLink() {
		return new NavigationLink(NavigationLink.Area.STAFF, "documents.link.title", "documents.link.description",
				DocumentsController.PATH, 20, "ROLE_STAFF");
	}

	@Bean
	NavigationLink integrityLink() {
		return new NavigationLink(NavigationLink.Area.ADMIN, "documents.integrity.link.title",
				"documents.integrity.link.description", "/intern/admin/integritaet", 80, null);
	}

	@Bean
	NavigationLink retentionLink() {
		return new NavigationLink(NavigationLink.Area.ADMIN, "documents.retention.link.title",
				"documents.retention.link.description", "/intern/admin/aufbewahrung", 81, null);
	}

	@Bean
	NavigationLink filePlanLink() {
		return new NavigationLink(NavigationLink.Area.ADMIN, "documents.plan.link.title",
				"documents.plan.link.description", "/intern/admin/aktenplan", 82, null);
	}

}
