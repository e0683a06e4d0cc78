package de.amtsweg.accounts.internal.oidc;

import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.MunicipalityContext;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.stereotype.Component;

/**
 * Sign-in over OpenID Connect in the two filter chains. Citizens start at
 * {@code /oauth2/authorization/{id}} and come back to {@code /login/oauth2/code/{id}};
 * staff at {@code /intern/oauth2/authorization/{id}} and
 * {@code /intern/login/oauth2/code/{id}}. The security configuration adds
 * {@link #authenticationProvider(Audience)} to its authentication manager, so that
 * successful sign-ins publish the same events (and reach the same audit) as password
 * sign-ins.
 */
@Component
public class OidcSignIn {

	private final ProviderRegistrations registrations;

	private final IdentityProviderRepository providers;

	private final MunicipalityContext context;

	private final Municipalities municipalities;

	private final AuditLog auditLog;

	private final AccountOidcUserService citizens;

	private final AccountOidcUserService staff;

	private final IdTokenDecoders decoders = new IdTokenDecoders();

	public OidcSignIn(ProviderRegistrations registrations, IdentityProviderRepository providers, OidcAccounts accounts,
			MunicipalityContext context, Municipalities municipalities, AuditLog auditLog) {
		this.registrations = registrations;
		this.providers = providers;
		this.context = context;
		this.municipalities = municipalities;
		this.auditLog = auditLog;
		this.citizens = new AccountOidcUserService(Audience.CITIZEN, providers, accounts);
		this.staff = new AccountOidcUserService(Audience.STAFF, providers, accounts);
	}

	/** Checks the provider's answer and signs the citizen or staff member in. */
	public AuthenticationProvider authenticationProvider(Audience audience) {
		OidcAuthorizationCodeAuthenticationProvider provider = new OidcAuthorizationCodeAuthenticationProvider(
				new RestClientAuthorizationCodeTokenResponseClient(), userService(audience));
		provider.setJwtDecoderFactory(this.decoders);
		return provider;
	}

	/**
	 * Adds the sign-in over OpenID Connect to a chain.
	 * @param http the chain
	 * @param audience citizens (portal chain) or staff ({@code /intern} chain)
	 * @param successUrl where to go after signing in when no page was asked for
	 */
	public void configure(HttpSecurity http, Audience audience, String successUrl) throws Exception {
		String prefix = (audience == Audience.STAFF) ? "/intern" : "";
		String loginPage = prefix + "/anmelden";
		GuardedAuthorizationRequestResolver resolver = new GuardedAuthorizationRequestResolver(this.registrations,
				prefix + OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI, audience,
				this.providers, this.context, this.municipalities);
		OidcSignInFailureHandler beforeRedirect = new OidcSignInFailureHandler(loginPage, OidcSignInProblem.UNAVAILABLE,
				this.auditLog);
		http.oauth2Login((login) -> login.loginPage(loginPage)
			.clientRegistrationRepository(this.registrations)
			.authorizedClientRepository(new DiscardedAuthorizedClients())
			.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestResolver(resolver))
			.redirectionEndpoint((endpoint) -> endpoint.baseUri(prefix + "/login/oauth2/code/*"))
			.userInfoEndpoint((endpoint) -> endpoint.oidcUserService(userService(audience)))
			.defaultSuccessUrl(successUrl, false)
			.failureHandler(new OidcSignInFailureHandler(loginPage, OidcSignInProblem.FAILED, this.auditLog))
			.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
				@Override
				public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
					// Refusals before the redirect go to the sign-in page, not to a
					// bare 500.
					filter.setAuthenticationFailureHandler(beforeRedirect);
					return filter;
				}
			}));
	}

	private AccountOidcUserService userService(Audience audience) {
		return (audience == Audience.STAFF) ? this.staff : this.citizens;
	}

}
