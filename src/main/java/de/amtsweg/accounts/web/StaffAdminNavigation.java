package de.amtsweg.accounts.web;

import de.amtsweg.platform.NavigationLink;
import de.amtsweg.platform.NavigationLink.Area;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The staff administration on the admin hub. */
@Configuration(proxyBeanMethods = false)
class StaffAdminNavigation {

	@Bean
	NavigationLink staffOnAdmin() {
		return new NavigationLink(Area.ADMIN, "admin.nav.staff.title", "admin.nav.staff.description",
				StaffAdminController.PATH, 30, null);
	}

}
