package de.amtsweg.catalog.internal;

import de.amtsweg.platform.NavigationLink;
import de.amtsweg.platform.PublicEndpoints;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/** What the catalogue contributes to the portal's shared registries. */
@Configuration(proxyBeanMethods = false)
class CatalogBeans {

	@Bean
	PublicEndpoints catalogPublicEndpoints() {
		return PublicEndpoints.of("/api/v1/services", "/api/v1/services/**", "/api/v1/finder",
				"/api/v1/life-situations", "/api/v1/catalog/**");
	}

	/**
	 * ETags for the public catalogue API, so clients and caches revalidate cheaply (304
	 * Not Modified).
	 */
	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> catalogApiEtags() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		registration.addUrlPatterns("/api/v1/services", "/api/v1/services/*", "/api/v1/finder",
				"/api/v1/life-situations");
		registration.setName("catalogApiEtags");
		return registration;
	}

	@Bean
	NavigationLink catalogFinderLink() {
		return new NavigationLink(NavigationLink.Area.HOME, "catalog.nav.finder.title",
				"catalog.nav.finder.description", "/leistungen", 10, null);
	}

	@Bean
	NavigationLink catalogTransparencyLink() {
		return new NavigationLink(NavigationLink.Area.HOME, "catalog.nav.transparency.title",
				"catalog.nav.transparency.description", "/digitale-verwaltung", 90, null);
	}

	@Bean
	NavigationLink catalogAdminLink() {
		return new NavigationLink(NavigationLink.Area.ADMIN, "catalog.nav.admin.title", "catalog.nav.admin.description",
				"/intern/admin/katalog", 30, null);
	}

	@Bean
	NavigationLink catalogDashboardLink() {
		return new NavigationLink(NavigationLink.Area.STAFF, "catalog.nav.dashboard.title",
				"catalog.nav.dashboard.description", "/intern/ozg-dashboard", 80, null);
	}

}
