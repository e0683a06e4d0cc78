package de.amtsweg.accounts.internal.oidc;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import de.amtsweg.accounts.CitizenPrincipal;
import de.amtsweg.accounts.TrustLevel;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/**
 * A citizen signed in through an identity provider. The trust level is the one this
 * sign-in proved, not the highest the account has ever seen.
 */
public final class OidcCitizen extends ProviderSignIn implements CitizenPrincipal {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final List<GrantedAuthority> AUTHORITIES = List.of(new SimpleGrantedAuthority("ROLE_CITIZEN"));

	private final UUID accountId;

	private final TrustLevel trustLevel;

	private final String displayName;

	OidcCitizen(UUID accountId, TrustLevel trustLevel, String displayName, String registrationId, OidcIdToken idToken) {
		super(registrationId, idToken);
		this.accountId = accountId;
		this.trustLevel = trustLevel;
		this.displayName = displayName;
	}

	@Override
	public UUID accountId() {
		return this.accountId;
	}

	@Override
	public TrustLevel trustLevel() {
		return this.trustLevel;
	}

	@Override
	public String displayName() {
		return this.displayName;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return AUTHORITIES;
	}

	@Override
	public String getName() {
		return this.accountId.toString();
	}

	@Override
	public String toString() {
		return "OidcCitizen[" + this.accountId + ", " + this.trustLevel + ", " + registrationId() + "]";
	}

}
