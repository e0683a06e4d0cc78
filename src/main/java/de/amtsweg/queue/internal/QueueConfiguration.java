package de.amtsweg.queue.internal;

import de.amtsweg.platform.NavigationLink;
import de.amtsweg.platform.NavigationLink.Area;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The call system's settings and its links on the staff and admin hubs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueueProperties.class)
class QueueConfiguration {

	@Bean
	NavigationLink queueCountersOnStaffHub() {
		return new NavigationLink(Area.STAFF, "queue.nav.counter.title", "queue.nav.counter.description",
				"/intern/aufruf", 300, null);
	}

	@Bean
	NavigationLink queueDashboardOnStaffHub() {
		return new NavigationLink(Area.STAFF, "queue.nav.dashboard.title", "queue.nav.dashboard.description",
				"/intern/aufruf/uebersicht", 310, null);
	}

	@Bean
	NavigationLink queueSetupOnAdminHub() {
		return new NavigationLink(Area.ADMIN, "queue.nav.admin.title", "queue.nav.admin.description",
				"/intern/admin/aufruf", 60, null);
	}

}
