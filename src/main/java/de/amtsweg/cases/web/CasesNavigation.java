package de.amtsweg.cases.web;

import de.amtsweg.platform.NavigationLink;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The module's links on the hub pages. */
@Configuration(proxyBeanMethods = false)
class CasesNavigation {

	@Bean
	NavigationLink casesInboxLink() {
		return new NavigationLink(NavigationLink.Area.STAFF, "cases.inbox.link.title", "cases.inbox.link.description",
				"/intern/vorgaenge", 10, "ROLE_STAFF");
	}

	@Bean
	NavigationLink casesStatusLink() {
		return new NavigationLink(NavigationLink.Area.ACCOUNT, "cases.mine.link.title", "cases.mine.link.description",
				"/konto/antraege", 15, null);
	}

	@Bean
	NavigationLink casesLookupLink() {
		return new NavigationLink(NavigationLink.Area.HOME, "cases.lookup.link.title", "cases.lookup.link.description",
				"/status", 60, null);
	}

}
