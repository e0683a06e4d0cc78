package de.amtsweg.accounts.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import de.amtsweg.accounts.CitizenPrincipal;
import de.amtsweg.accounts.TrustLevel;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A citizen signed in with e-mail and password. */
public final class CitizenUser implements CitizenPrincipal, UserDetails, CredentialsContainer, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final List<GrantedAuthority> AUTHORITIES = List.of(new SimpleGrantedAuthority("ROLE_CITIZEN"));

	private final UUID accountId;

	private final String email;

	private final String displayName;

	private final TrustLevel trustLevel;

	private final boolean confirmed;

	private @Nullable String passwordHash;

	CitizenUser(UUID accountId, String email, String displayName, TrustLevel trustLevel, boolean confirmed,
			@Nullable String passwordHash) {
		this.accountId = accountId;
		this.email = email;
		this.displayName = displayName;
		this.trustLevel = trustLevel;
		this.confirmed = confirmed;
		this.passwordHash = passwordHash;
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
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	/** An account whose e-mail address is not confirmed yet cannot sign in. */
	@Override
	public boolean isEnabled() {
		return this.confirmed;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

}
