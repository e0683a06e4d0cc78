package de.amtsweg.postbox.internal;

import de.amtsweg.platform.NavigationLink;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Settings and hub links of the postbox. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PostboxProperties.class)
class PostboxBeans {

	@Bean
	NavigationLink postboxAccountLink() {
		return new NavigationLink(NavigationLink.Area.ACCOUNT, "postbox.nav.account.title",
				"postbox.nav.account.description", "/konto/postfach", 15, null);
	}

	@Bean
	NavigationLink postboxStaffLink() {
		return new NavigationLink(NavigationLink.Area.STAFF, "postbox.nav.staff.title", "postbox.nav.staff.description",
				"/intern/postfach", 15, "ROLE_STAFF");
	}

}
