package de.amtsweg.accounts.internal.oidc;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.accounts.CitizenPrincipal;
import de.amtsweg.accounts.TrustLevel;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A citizen signed in through an identity provider. The trust level is the one this
 * sign-in proved, not the highest the account has ever seen. Only the ID token is kept
 * (it lives in the session table); the user-info claims, which may hold an address or a
 * birth date, are not.
 */
public final class OidcCitizen implements CitizenPrincipal, OidcUser, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final List<GrantedAuthority> AUTHORITIES = List.of(new SimpleGrantedAuthority("ROLE_CITIZEN"));

	private final UUID accountId;

	private final TrustLevel trustLevel;

	private final String displayName;

	private final String registrationId;

	private final OidcIdToken idToken;

	OidcCitizen(UUID accountId, TrustLevel trustLevel, String displayName, String registrationId, OidcIdToken idToken) {
		this.accountId = accountId;
		this.trustLevel = trustLevel;
		this.displayName = displayName;
		this.registrationId = registrationId;
		this.idToken = idToken;
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
		return "OidcCitizen[" + this.accountId + ", " + this.trustLevel + ", " + this.registrationId + "]";
	}

}
