package de.amtsweg.deadlines.web;

import de.amtsweg.platform.NavigationLink;
import de.amtsweg.platform.PublicEndpoints;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The deadline API is public; the calculator is linked from the start page. */
@Configuration(proxyBeanMethods = false)
class DeadlineBeans {

	@Bean
	PublicEndpoints deadlineEndpoints() {
		return PublicEndpoints.of(DeadlinesApiController.DEADLINES, DeadlinesApiController.HOLIDAYS);
	}

	@Bean
	NavigationLink deadlineCalculatorLink() {
		return new NavigationLink(NavigationLink.Area.HOME, "deadlines.nav.title", "deadlines.nav.description",
				"/fristenrechner", 80, null);
	}

}
