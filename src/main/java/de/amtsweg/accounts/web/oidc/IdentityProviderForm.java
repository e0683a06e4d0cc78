package de.amtsweg.accounts.web.oidc;

import de.amtsweg.accounts.internal.oidc.IdentityProvider;
import de.amtsweg.accounts.internal.oidc.IdentityProviders;
import de.amtsweg.accounts.internal.oidc.TrustLevelMapping;
import org.jspecify.annotations.Nullable;

/**
 * The form of an identity provider. The secret is only ever filled by what the admin
 * types; it is never read back from the database.
 *
 * @param registrationId short name in the paths
 * @param municipality municipality id, empty for the whole portal
 * @param audience {@code CITIZEN} or {@code STAFF}
 * @param displayName name on the button
 * @param issuerUri the issuer
 * @param clientId the client id
 * @param clientSecret the secret as typed
 * @param scopes scopes separated by spaces
 * @param trustLevelClaim claim of the level of assurance
 * @param trustLevels own claim values, one per line
 * @param enabled whether usable
 */
record IdentityProviderForm(String registrationId, String municipality, String audience, String displayName,
		String issuerUri, String clientId, String clientSecret, String scopes, String trustLevelClaim,
		String trustLevels, boolean enabled) {

	IdentityProviderForm(@Nullable String registrationId, @Nullable String municipality, @Nullable String audience,
			@Nullable String displayName, @Nullable String issuerUri, @Nullable String clientId,
			@Nullable String clientSecret, @Nullable String scopes, @Nullable String trustLevelClaim,
			@Nullable String trustLevels, boolean enabled) {
		this.registrationId = orEmpty(registrationId);
		this.municipality = orEmpty(municipality);
		this.audience = orEmpty(audience);
		this.displayName = orEmpty(displayName);
		this.issuerUri = orEmpty(issuerUri);
		this.clientId = orEmpty(clientId);
		this.clientSecret = orEmpty(clientSecret);
		this.scopes = orEmpty(scopes);
		this.trustLevelClaim = orEmpty(trustLevelClaim);
		this.trustLevels = orEmpty(trustLevels);
		this.enabled = enabled;
	}

	static IdentityProviderForm blank(java.util.@Nullable UUID municipalityId) {
		return new IdentityProviderForm("", (municipalityId != null) ? municipalityId.toString() : "", "CITIZEN", "",
				"", "", "", "openid profile email", "acr", "", true);
	}

	static IdentityProviderForm of(IdentityProvider provider) {
		return new IdentityProviderForm(provider.registrationId(),
				(provider.municipalityId() != null) ? provider.municipalityId().toString() : "",
				provider.audience().name(), provider.displayName(), provider.issuerUri(), provider.clientId(), "",
				String.join(" ", provider.scopes()), provider.trustLevelClaim(),
				TrustLevelMapping.format(provider.trustLevels()), provider.enabled());
	}

	IdentityProviders.Details details() {
		return new IdentityProviders.Details(this.registrationId, this.municipality, this.audience, this.displayName,
				this.issuerUri, this.clientId, this.clientSecret, this.scopes, this.trustLevelClaim, this.trustLevels,
				this.enabled);
	}

	@Override
	public String toString() {
		return "IdentityProviderForm[" + this.registrationId + "]";
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
