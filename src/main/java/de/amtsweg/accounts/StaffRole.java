package de.amtsweg.accounts;

/**
 * What a staff member may do in an org unit. {@code ADMIN} without an org unit
 * administers the whole municipality; {@code PORTAL_ADMIN} administers every municipality
 * of the portal.
 */
public enum StaffRole {

	ADMIN, CLERK, FRONT_DESK, FIELD_OFFICER, FINANCE, COUNCIL_OFFICE, PORTAL_ADMIN;

	/** The Spring Security authority, e.g. {@code ROLE_CLERK}. */
	public String authority() {
		return "ROLE_" + name();
	}

}
