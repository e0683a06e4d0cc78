package de.amtsweg.accounts.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.accounts.StaffRole;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A staff member; authorities are ROLE_STAFF plus one ROLE_ per role held anywhere. */
public final class StaffUser implements StaffPrincipal, UserDetails, CredentialsContainer, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UUID staffId;

	private final @Nullable UUID municipalityId;

	private final String email;

	private final String displayName;

	private final boolean active;

	private final Map<UUID, Set<StaffRole>> rolesByOrgUnit;

	private @Nullable String passwordHash;

	StaffUser(UUID staffId, @Nullable UUID municipalityId, String email, String displayName, boolean active,
			Map<UUID, Set<StaffRole>> rolesByOrgUnit, @Nullable String passwordHash) {
		this.staffId = staffId;
		this.municipalityId = municipalityId;
		this.email = email;
		this.displayName = displayName;
		this.active = active;
		this.rolesByOrgUnit = Map.copyOf(rolesByOrgUnit);
		this.passwordHash = passwordHash;
	}

	@Override
	public UUID staffId() {
		return this.staffId;
	}

	@Override
	public @Nullable UUID municipalityId() {
		return this.municipalityId;
	}

	@Override
	public String displayName() {
		return this.displayName;
	}

	@Override
	public Map<UUID, Set<StaffRole>> rolesByOrgUnit() {
		return this.rolesByOrgUnit;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
		this.rolesByOrgUnit.values()
			.stream()
			.flatMap(Set::stream)
			.distinct()
			.sorted()
			.forEach((role) -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		return authorities;
	}

	@Override
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isEnabled() {
		return this.active;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

}
