package de.amtsweg.accounts.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The invitation page lies in the staff area, but whoever opens it has no password yet:
 * the link's token is their proof. This chain lets everyone reach it, with the same
 * headers and CSRF protection as the rest of the site, ahead of the staff chain that
 * would send them to the sign-in.
 */
@Configuration(proxyBeanMethods = false)
class StaffInvitationSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain staffInvitationChain(HttpSecurity http) throws Exception {
		http.securityMatcher(StaffInvitationMails.LINK_PATH, StaffInvitationMails.LINK_PATH + "/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(SecurityConfiguration.CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
				.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny))
			.csrf(Customizer.withDefaults());
		return http.build();
	}

}
