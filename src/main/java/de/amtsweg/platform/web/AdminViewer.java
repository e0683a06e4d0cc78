package de.amtsweg.platform.web;

import java.util.UUID;

import de.amtsweg.platform.MunicipalityMember;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who looks at an admin page, as far as the platform can tell without knowing the
 * accounts module: a portal admin administers every municipality, a municipality's admin
 * only their own.
 *
 * @param portalAdmin whether the viewer runs the whole portal
 * @param municipalityAdmin whether the viewer administers their municipality
 * @param municipalityId the viewer's municipality, null for portal operators
 */
record AdminViewer(boolean portalAdmin, boolean municipalityAdmin, @Nullable UUID municipalityId) {

	static final String PORTAL_ADMIN = "ROLE_PORTAL_ADMIN";

	static final String ADMIN = "ROLE_ADMIN";

	static AdminViewer of(Authentication authentication) {
		boolean portalAdmin = has(authentication, PORTAL_ADMIN);
		UUID municipalityId = (authentication.getPrincipal() instanceof MunicipalityMember member)
				? member.municipalityId() : null;
		boolean municipalityAdmin = municipalityId != null && has(authentication, ADMIN);
		return new AdminViewer(portalAdmin, municipalityAdmin, municipalityId);
	}

	static boolean has(Authentication authentication, String authority) {
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
	}

	boolean administers(UUID municipality) {
		return this.portalAdmin || (this.municipalityAdmin && municipality.equals(this.municipalityId));
	}

	/**
	 * Refuses a municipality the viewer does not administer as if it did not exist, so
	 * that nobody learns which other municipalities are there.
	 */
	void requireAdministers(UUID municipality) {
		if (!administers(municipality)) {
			throw new NotFoundException("Municipality " + municipality);
		}
	}

	void requirePortalAdmin() {
		if (!this.portalAdmin) {
			throw new AccessDeniedException("Only portal admins may do this");
		}
	}

}
