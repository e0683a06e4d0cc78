package de.amtsweg.accounts.internal.oidc;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.accounts.StaffRole;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/**
 * A staff member signed in through an identity provider; the roles are the account's,
 * never the provider's claims. Authorities: ROLE_STAFF plus one ROLE_ per role held
 * anywhere, as with a password sign-in.
 */
public final class OidcStaffMember extends ProviderSignIn implements StaffPrincipal {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UUID staffId;

	private final @Nullable UUID municipalityId;

	private final String displayName;

	private final Map<UUID, Set<StaffRole>> rolesByOrgUnit;

	OidcStaffMember(UUID staffId, @Nullable UUID municipalityId, String displayName,
			Map<UUID, Set<StaffRole>> rolesByOrgUnit, String registrationId, OidcIdToken idToken) {
		super(registrationId, idToken);
		this.staffId = staffId;
		this.municipalityId = municipalityId;
		this.displayName = displayName;
		Map<UUID, Set<StaffRole>> roles = new HashMap<>();
		rolesByOrgUnit.forEach((unit, held) -> roles.put(unit, Set.copyOf(held)));
		this.rolesByOrgUnit = Map.copyOf(roles);
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
	public String getName() {
		return this.staffId.toString();
	}

	@Override
	public String toString() {
		return "OidcStaffMember[" + this.staffId + ", " + registrationId() + "]";
	}

}
