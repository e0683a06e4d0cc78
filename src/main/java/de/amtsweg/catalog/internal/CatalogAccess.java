package de.amtsweg.catalog.internal;

import java.util.UUID;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.accounts.StaffRole;
import de.amtsweg.platform.AuditLog;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may change the catalogue: a municipality's admin (role ADMIN for the whole
 * municipality) its own catalogue; the portal's operators (PORTAL_ADMIN) every
 * municipality's and the district's shared services; background work running as the
 * system actor everything.
 */
@Component
public class CatalogAccess {

	private static final String PORTAL_ADMIN = StaffRole.PORTAL_ADMIN.authority();

	public boolean mayAdministerMunicipality(UUID municipalityId) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return false;
		}
		if (isSystemOrPortalAdmin(authentication)) {
			return true;
		}
		return authentication.getPrincipal() instanceof StaffPrincipal staff
				&& municipalityId.equals(staff.municipalityId())
				&& staff.hasRole(StaffRole.ADMIN, StaffPrincipal.WHOLE_MUNICIPALITY);
	}

	public boolean mayAdministerDistrict() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated() && isSystemOrPortalAdmin(authentication);
	}

	public void requireMunicipalityAdmin(UUID municipalityId) {
		if (!mayAdministerMunicipality(municipalityId)) {
			throw new AccessDeniedException("Not an admin of municipality " + municipalityId);
		}
	}

	public void requireDistrictAdmin() {
		if (!mayAdministerDistrict()) {
			throw new AccessDeniedException("Only the portal's operators change shared services");
		}
	}

	private static boolean isSystemOrPortalAdmin(Authentication authentication) {
		return AuditLog.SYSTEM.equals(authentication.getPrincipal()) || authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> PORTAL_ADMIN.equals(authority.getAuthority()));
	}

}
