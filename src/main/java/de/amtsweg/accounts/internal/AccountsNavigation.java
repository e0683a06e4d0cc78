package de.amtsweg.accounts.internal;

import de.amtsweg.platform.NavigationLink;
import de.amtsweg.platform.NavigationLink.Area;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The account's own links on the hub pages. Other modules add theirs to the account page
 * (area ACCOUNT) between these: profile and organisations first, security settings and
 * deletion last.
 */
@Configuration(proxyBeanMethods = false)
class AccountsNavigation {

	@Bean
	NavigationLink serviceAccountOnHome() {
		return new NavigationLink(Area.HOME, "nav.home.account.title", "nav.home.account.description", "/konto", 900,
				null);
	}

	@Bean
	NavigationLink profileOnAccount() {
		return new NavigationLink(Area.ACCOUNT, "nav.account.profile.title", "nav.account.profile.description",
				"/konto/profil", 10, null);
	}

	@Bean
	NavigationLink organisationsOnAccount() {
		return new NavigationLink(Area.ACCOUNT, "nav.account.organisations.title",
				"nav.account.organisations.description", "/konto/organisationen", 20, null);
	}

	@Bean
	NavigationLink securityOnAccount() {
		return new NavigationLink(Area.ACCOUNT, "nav.account.security.title", "nav.account.security.description",
				"/konto/sicherheit", 900, null);
	}

	@Bean
	NavigationLink deletionOnAccount() {
		return new NavigationLink(Area.ACCOUNT, "nav.account.delete.title", "nav.account.delete.description",
				"/konto/loeschen", 1000, null);
	}

}
