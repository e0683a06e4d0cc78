package de.amtsweg.queue.internal;

import java.util.UUID;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.accounts.StaffRole;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may do what: a municipality's admins (and the portal's operators) set up its call
 * system; every staff member of the municipality may work at its counters and see its
 * dashboard. Records of other municipalities do not exist for anyone else.
 */
@Component
public class QueueAccess {

	public boolean mayAdminister(UUID municipalityId) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return false;
		}
		if (AuditLog.SYSTEM.equals(authentication.getPrincipal()) || authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> StaffRole.PORTAL_ADMIN.authority().equals(authority.getAuthority()))) {
			return true;
		}
		return authentication.getPrincipal() instanceof StaffPrincipal staff
				&& municipalityId.equals(staff.municipalityId())
				&& staff.hasRole(StaffRole.ADMIN, StaffPrincipal.WHOLE_MUNICIPALITY);
	}

	public void requireAdmin(UUID municipalityId) {
		if (!mayAdminister(municipalityId)) {
			throw new AccessDeniedException("Not an admin of municipality " + municipalityId);
		}
	}

	/** The signed-in staff member of the municipality; anyone else finds nothing. */
	public StaffPrincipal requireStaffOf(UUID municipalityId) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal staff
				&& municipalityId.equals(staff.municipalityId())) {
			return staff;
		}
		throw new NotFoundException("Call system of municipality " + municipalityId);
	}

}
