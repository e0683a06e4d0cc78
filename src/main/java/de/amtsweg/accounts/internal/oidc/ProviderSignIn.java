package de.amtsweg.accounts.internal.oidc;

import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * What every principal signed in through an identity provider keeps of the sign-in. Only
 * the ID token is kept (the principal lives in the session table); the user-info claims,
 * which may hold an address or a birth date, are not.
 */
abstract class ProviderSignIn implements OidcUser, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String registrationId;

	private final OidcIdToken idToken;

	ProviderSignIn(String registrationId, OidcIdToken idToken) {
		this.registrationId = registrationId;
		this.idToken = idToken;
	}

	/** The provider signed in with. */
	public String registrationId() {
		return this.registrationId;
	}

	@Override
	public Map<String, Object> getClaims() {
		return this.idToken.getClaims();
	}

	@Override
	public @Nullable OidcUserInfo getUserInfo() {
		return null;
	}

	@Override
	public OidcIdToken getIdToken() {
		return this.idToken;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.idToken.getClaims();
	}

	/**
	 * Refuses a provider that is unknown, switched off or meant for the other audience.
	 * @param provider the provider, if it exists
	 * @param audience who is signing in
	 * @return the provider
	 */
	static IdentityProvider usableFor(Optional<IdentityProvider> provider, Audience audience) {
		IdentityProvider usable = provider.filter(IdentityProvider::enabled)
			.orElseThrow(
					() -> new OidcSignInRefusedException(OidcSignInProblem.of(OidcSignInProblem.UNKNOWN_PROVIDER)));
		if (usable.audience() != audience) {
			throw new OidcSignInRefusedException(OidcSignInProblem.of((audience == Audience.STAFF)
					? OidcSignInProblem.CITIZEN_PROVIDER : OidcSignInProblem.STAFF_PROVIDER, usable.displayName()));
		}
		return usable;
	}

}
