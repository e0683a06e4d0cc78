package de.amtsweg.accounts.internal.oidc;

import de.amtsweg.accounts.TrustLevel;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a confirmed OpenID Connect identity into our principal: a citizen or a staff
 * member with the trust level of this sign-in. Checks again that the provider is enabled
 * and meant for this audience, whatever happened before the redirect.
 */
final class AccountOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final Audience audience;

	private final IdentityProviderRepository providers;

	private final OidcAccounts accounts;

	private final OidcUserService standard = new OidcUserService();

	AccountOidcUserService(Audience audience, IdentityProviderRepository providers, OidcAccounts accounts) {
		this.audience = audience;
		this.providers = providers;
		this.accounts = accounts;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		String registrationId = request.getClientRegistration().getRegistrationId();
		IdentityProvider provider = this.providers.findByRegistrationId(registrationId)
			.filter(IdentityProvider::enabled)
			.orElseThrow(
					() -> new OidcSignInRefusedException(OidcSignInProblem.of(OidcSignInProblem.UNKNOWN_PROVIDER)));
		if (provider.audience() != this.audience) {
			throw new OidcSignInRefusedException(OidcSignInProblem.of((this.audience == Audience.STAFF)
					? OidcSignInProblem.CITIZEN_PROVIDER : OidcSignInProblem.STAFF_PROVIDER, provider.displayName()));
		}
		OidcUser user = this.standard.loadUser(request);
		TrustLevel level = provider.trustLevelMapping().levelOf(user.getClaims().get(provider.trustLevelClaim()));
		return (this.audience == Audience.CITIZEN) ? this.accounts.signInCitizen(provider, user, level)
				: this.accounts.signInStaff(provider, user, level);
	}

}
