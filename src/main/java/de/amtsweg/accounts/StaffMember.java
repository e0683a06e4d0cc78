package de.amtsweg.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A staff member as the administration shows them.
 *
 * @param id identifier
 * @param municipalityId the municipality, null for operators of the whole portal
 * @param email sign-in address
 * @param givenName given name
 * @param familyName family name
 * @param active whether the member may sign in
 * @param passwordSet whether the member has set a password; if not, the invitation is
 * still open
 * @param lastSignIn the last sign-in, if any
 * @param roles the roles, whole-municipality roles first
 */
public record StaffMember(UUID id, @Nullable UUID municipalityId, String email, String givenName, String familyName,
		boolean active, boolean passwordSet, @Nullable Instant lastSignIn, List<StaffRoleGrant> roles) {

	public StaffMember {
		roles = roles.stream().sorted(StaffRoleGrant.ORDER).toList();
	}

	public String displayName() {
		String name = (this.givenName + " " + this.familyName).trim();
		return name.isEmpty() ? this.email : name;
	}

	/** Whether the member has the role in the org unit (null: for the whole). */
	public boolean has(StaffRole role, @Nullable UUID orgUnitId) {
		return this.roles.stream()
			.anyMatch((grant) -> grant.role() == role && Objects.equals(grant.orgUnitId(), orgUnitId));
	}

}
