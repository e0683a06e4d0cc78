package de.amtsweg.accounts.internal.oidc;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.accounts.TrustLevel;
import org.jspecify.annotations.Nullable;

/**
 * An OpenID Connect identity provider citizens or staff may sign in with. The client
 * secret is deliberately not part of it: only the client registration reads it.
 *
 * @param id identifier
 * @param registrationId short name in the sign-in paths, e.g. {@code servicekonto-ni}
 * @param municipalityId the municipality it serves, or null for the whole portal
 * @param audience citizens or staff
 * @param displayName name on the sign-in button, e.g. "BundID"
 * @param issuerUri the issuer, where its discovery document lives
 * @param clientId our client id there
 * @param scopes scopes to ask for, always with {@code openid}
 * @param trustLevelClaim the claim carrying the level of assurance, usually {@code acr}
 * @param trustLevels the provider's own claim values, before the built-in ones
 * @param enabled whether it can be used
 * @param version raised on every change
 */
public record IdentityProvider(UUID id, String registrationId, @Nullable UUID municipalityId, Audience audience,
		String displayName, String issuerUri, String clientId, List<String> scopes, String trustLevelClaim,
		Map<String, TrustLevel> trustLevels, boolean enabled, int version) {

	public TrustLevelMapping trustLevelMapping() {
		return new TrustLevelMapping(this.trustLevels);
	}

	/** Whether it serves the whole portal rather than one municipality. */
	public boolean portalWide() {
		return this.municipalityId == null;
	}

}
