package de.amtsweg.payments.internal;

import de.amtsweg.platform.NavigationLink;
import de.amtsweg.platform.PublicEndpoints;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentsProperties.class)
class PaymentsConfiguration {

	/**
	 * Providers call in without a session; each notification proves itself by signature.
	 */
	@Bean
	PublicEndpoints paymentNotifications() {
		return PublicEndpoints.of("/api/v1/payments/notifications/**");
	}

	@Bean
	NavigationLink paymentsAccountLink() {
		return new NavigationLink(NavigationLink.Area.ACCOUNT, "payments.nav.account.title",
				"payments.nav.account.description", "/konto/finanzen", 40, null);
	}

	@Bean
	NavigationLink paymentsGuestLink() {
		return new NavigationLink(NavigationLink.Area.HOME, "payments.nav.guest.title",
				"payments.nav.guest.description", "/bezahlen", 60, null);
	}

	@Bean
	NavigationLink paymentsStaffLink() {
		return new NavigationLink(NavigationLink.Area.STAFF, "payments.nav.staff.title",
				"payments.nav.staff.description", "/intern/finanzen", 50, "ROLE_FINANCE");
	}

}
