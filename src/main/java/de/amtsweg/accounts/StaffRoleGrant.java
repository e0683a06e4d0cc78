package de.amtsweg.accounts;

import java.util.Comparator;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One role of a staff member: in an org unit, or without one for the whole municipality
 * ({@link StaffRole#ADMIN}) or the whole portal ({@link StaffRole#PORTAL_ADMIN}).
 *
 * @param role the role
 * @param orgUnitId the org unit, null for the whole municipality or portal
 */
public record StaffRoleGrant(StaffRole role, @Nullable UUID orgUnitId) {

	/** Whole-municipality roles first, then by role. */
	public static final Comparator<StaffRoleGrant> ORDER = Comparator
		.comparing((StaffRoleGrant grant) -> grant.orgUnitId() != null)
		.thenComparing(StaffRoleGrant::role);

	public static StaffRoleGrant whole(StaffRole role) {
		return new StaffRoleGrant(role, null);
	}

}
