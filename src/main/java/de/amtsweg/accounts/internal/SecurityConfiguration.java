package de.amtsweg.accounts.internal;

import java.util.ArrayList;
import java.util.List;

import de.amtsweg.accounts.internal.oidc.Audience;
import de.amtsweg.accounts.internal.oidc.OidcSignIn;
import de.amtsweg.platform.PublicEndpoints;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.expression.WebExpressionAuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may see what. Two sign-ins share one session: citizens under {@code /anmelden},
 * staff under {@code /intern/anmelden}, each with a password or through an OpenID Connect
 * provider of their audience ({@link OidcSignIn}). Paths decide the coarse rules
 * ({@code /konto} for citizens, {@code /intern} for staff, {@code /intern/admin} for
 * admins, {@code /api} for authenticated callers unless a module declares an endpoint
 * public); services check each record.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		// Argon2id (RFC 9106 low-memory profile); stored hashes carry their algorithm, so
		// it can
		// change later without locking anybody out.
		Argon2PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("argon2", java.util.Map.of("argon2", argon2));
		return encoder;
	}

	@Bean
	@Order(1)
	SecurityFilterChain staffChain(HttpSecurity http, StaffAccountRepository staff, PasswordEncoder passwordEncoder,
			LoginThrottle throttle, AuthenticationEventPublisher events, OidcSignIn oidc) throws Exception {
		AuthenticationManager manager = signIn(AccountUserDetailsServices.staff(staff), passwordEncoder, throttle,
				events, oidc.authenticationProvider(Audience.STAFF));
		http.securityMatcher("/intern/**")
			.authorizeHttpRequests(
					(requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
						.permitAll()
						// Whoever opens an invitation has no password yet: the link's
						// token is the proof.
						.requestMatchers("/intern/anmelden", "/intern/einladung", "/intern/einladung/**")
						.permitAll()
						.requestMatchers("/intern/admin/**")
						.hasAnyRole("ADMIN", "PORTAL_ADMIN")
						.anyRequest()
						.hasRole("STAFF"))
			.authenticationManager(manager)
			.formLogin((form) -> form.loginPage("/intern/anmelden")
				.loginProcessingUrl("/intern/anmelden")
				.usernameParameter("email")
				.passwordParameter("passwort")
				.defaultSuccessUrl("/intern", false)
				.failureHandler(new SignInFailureHandler("/intern/anmelden")))
			.logout((logout) -> logout.logoutUrl("/intern/abmelden").logoutSuccessUrl("/intern/anmelden?abgemeldet"))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/intern/anmelden")));
		oidc.configure(http, Audience.STAFF, "/intern");
		commonHeaders(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain portalChain(HttpSecurity http, CitizenAccountRepository citizens,
			PasswordEncoder passwordEncoder, LoginThrottle throttle, AuthenticationEventPublisher events,
			List<PublicEndpoints> publicEndpoints, SecurityProperties properties, OidcSignIn oidc) throws Exception {
		AuthenticationManager manager = signIn(AccountUserDetailsServices.citizens(citizens), passwordEncoder, throttle,
				events, oidc.authenticationProvider(Audience.CITIZEN));
		String[] publicApi = publicEndpoints.stream()
			.flatMap((endpoints) -> endpoints.patterns().stream())
			.toArray(String[]::new);
		http.authorizeHttpRequests(
				(requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
					.permitAll()
					.requestMatchers("/actuator/health", "/actuator/health/**")
					.permitAll()
					.requestMatchers("/actuator/**")
					.access(fromNetworks(properties.metricsNetworks()))
					.requestMatchers("/konto/**")
					.hasRole("CITIZEN")
					.requestMatchers(publicApi)
					.permitAll()
					.requestMatchers("/api/**")
					.authenticated()
					.anyRequest()
					.permitAll())
			.authenticationManager(manager)
			.formLogin((form) -> form.loginPage("/anmelden")
				.loginProcessingUrl("/anmelden")
				.usernameParameter("email")
				.passwordParameter("passwort")
				.defaultSuccessUrl("/konto", false)
				.failureHandler(new SignInFailureHandler("/anmelden")))
			.logout((logout) -> logout.logoutUrl("/abmelden").logoutSuccessUrl("/anmelden?abgemeldet"))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/anmelden")));
		oidc.configure(http, Audience.CITIZEN, "/konto");
		commonHeaders(http);
		return http.build();
	}

	/**
	 * Password and OpenID Connect sign-in in one manager, so both publish their success
	 * events through the same publisher (SignInAudit listens).
	 */
	private static AuthenticationManager signIn(UserDetailsService users, PasswordEncoder passwordEncoder,
			LoginThrottle throttle, AuthenticationEventPublisher events, AuthenticationProvider oidc) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwordEncoder);
		// Check the account's state only after the password, so a wrong password never
		// tells
		// whether an account exists or is confirmed.
		UserDetailsChecker statusCheck = new org.springframework.security.authentication.AccountStatusUserDetailsChecker();
		provider.setPreAuthenticationChecks((user) -> {
		});
		provider.setPostAuthenticationChecks(statusCheck);
		List<AuthenticationProvider> providers = new ArrayList<>();
		providers.add(new ThrottledAuthenticationProvider(provider, throttle));
		providers.add(oidc);
		ProviderManager manager = new ProviderManager(providers);
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	private static void commonHeaders(HttpSecurity http) throws Exception {
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer
				.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
			.permissionsPolicyHeader(
					(permissions) -> permissions.policy("geolocation=(self), camera=(self), microphone=()")))
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken));
	}

	/**
	 * Forms and browser calls need the token. A machine calling the API without any
	 * cookie (a payment provider's notification, a specialist system with its key)
	 * carries no ambient authority a forged request could borrow, so it needs none.
	 */
	static boolean needsCsrfToken(HttpServletRequest request) {
		if (!CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)) {
			return false;
		}
		boolean machineApiCall = request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				&& request.getCookies() == null;
		return !machineApiCall;
	}

	private static AuthorizationManager<RequestAuthorizationContext> fromNetworks(List<String> networks) {
		List<IpAddressMatcher> matchers = networks.stream().map(IpAddressMatcher::new).toList();
		return (authentication, context) -> new org.springframework.security.authorization.AuthorizationDecision(
				matchers.stream().anyMatch((matcher) -> matcher.matches(context.getRequest())));
	}

}
