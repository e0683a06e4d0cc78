package de.amtsweg.platform.web;

import de.amtsweg.platform.NavigationLink;
import de.amtsweg.platform.NavigationLink.Area;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's links on the internal hubs: the way into the administration for admins,
 * and the administration's municipality, org unit and audit log pages.
 */
@Configuration(proxyBeanMethods = false)
class AdminNavigation {

	@Bean
	NavigationLink administrationForAdmins() {
		return new NavigationLink(Area.STAFF, "admin.nav.administration.title", "admin.nav.administration.description",
				"/intern/admin", 900, AdminViewer.ADMIN);
	}

	@Bean
	NavigationLink administrationForPortalAdmins() {
		return new NavigationLink(Area.STAFF, "admin.nav.administration.title", "admin.nav.administration.description",
				"/intern/admin", 900, AdminViewer.PORTAL_ADMIN);
	}

	@Bean
	NavigationLink municipalitiesOnAdmin() {
		return new NavigationLink(Area.ADMIN, "admin.nav.municipalities.title", "admin.nav.municipalities.description",
				MunicipalityAdminController.PATH, 10, null);
	}

	@Bean
	NavigationLink orgUnitsOnAdmin() {
		return new NavigationLink(Area.ADMIN, "admin.nav.orgUnits.title", "admin.nav.orgUnits.description",
				OrgUnitAdminController.PATH, 20, null);
	}

	@Bean
	NavigationLink auditLogOnAdmin() {
		return new NavigationLink(Area.ADMIN, "admin.nav.auditLog.title", "admin.nav.auditLog.description",
				AuditLogController.PATH, 90, null);
	}

}
