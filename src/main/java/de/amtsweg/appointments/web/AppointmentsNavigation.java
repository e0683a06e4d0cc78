package de.amtsweg.appointments.web;

import de.amtsweg.platform.NavigationLink;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The links to the appointment pages on the staff and admin start pages. */
@Configuration(proxyBeanMethods = false)
class AppointmentsNavigation {

	@Bean
	NavigationLink appointmentsStaffLink() {
		return new NavigationLink(NavigationLink.Area.STAFF, "appointments.nav.staff.title",
				"appointments.nav.staff.description", StaffAppointmentsController.BASE, 40, null);
	}

	@Bean
	NavigationLink appointmentsAdminLink() {
		return new NavigationLink(NavigationLink.Area.ADMIN, "appointments.nav.admin.title",
				"appointments.nav.admin.description", CalendarAdminController.BASE, 40, null);
	}

}
