package de.amtsweg.appointments.web;

import java.util.List;
import java.util.UUID;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.accounts.StaffRole;
import de.amtsweg.appointments.internal.Calendar;
import de.amtsweg.appointments.internal.Calendars;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may see which calendar. A municipality's admins (role ADMIN for the whole
 * municipality) set up its calendars, the portal's operators those of every municipality;
 * staff with any role in a calendar's org unit (or for the whole municipality) work with
 * its appointments. Anything else is answered as if the calendar did not exist, so nobody
 * learns about other municipalities' calendars.
 */
@Component
class CalendarAccess {

	private static final String PORTAL_ADMIN = StaffRole.PORTAL_ADMIN.authority();

	private final Calendars calendars;

	private final Municipalities municipalities;

	CalendarAccess(Calendars calendars, Municipalities municipalities) {
		this.calendars = calendars;
		this.municipalities = municipalities;
	}

	boolean portalAdmin() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> PORTAL_ADMIN.equals(authority.getAuthority()));
	}

	private @Nullable StaffPrincipal staff() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal staff) ? staff : null;
	}

	/**
	 * The municipality an admin page works on: the admin's own, or the one a portal admin
	 * chose with {@code ?gemeinde=<slug>} (none yet: null).
	 */
	@Nullable Municipality adminMunicipality(@Nullable String slug) {
		if (portalAdmin()) {
			if (slug == null || slug.isBlank()) {
				return null;
			}
			return this.municipalities.bySlug(slug.trim())
				.orElseThrow(() -> new NotFoundException("Municipality " + slug));
		}
		StaffPrincipal staff = staff();
		if (staff == null || staff.municipalityId() == null
				|| !staff.hasRole(StaffRole.ADMIN, StaffPrincipal.WHOLE_MUNICIPALITY)) {
			throw new NotFoundException("No municipality administered");
		}
		return this.municipalities.get(staff.municipalityId());
	}

	List<Municipality> choosableMunicipalities() {
		return portalAdmin() ? this.municipalities.all() : List.of();
	}

	/** A calendar the current user administers. */
	Calendar administered(UUID calendarId) {
		Calendar calendar = this.calendars.find(calendarId)
			.orElseThrow(() -> new NotFoundException("Calendar " + calendarId));
		if (portalAdmin()) {
			return calendar;
		}
		StaffPrincipal staff = staff();
		if (staff == null || !calendar.municipalityId().equals(staff.municipalityId())
				|| !staff.hasRole(StaffRole.ADMIN, StaffPrincipal.WHOLE_MUNICIPALITY)) {
			throw new NotFoundException("Calendar " + calendarId);
		}
		return calendar;
	}

	/** Whether the current staff member works in the calendar's org unit. */
	boolean works(Calendar calendar) {
		StaffPrincipal staff = staff();
		if (staff == null || !calendar.municipalityId().equals(staff.municipalityId())) {
			return false;
		}
		return !staff.rolesByOrgUnit().getOrDefault(calendar.orgUnitId(), java.util.Set.of()).isEmpty()
				|| !staff.rolesByOrgUnit()
					.getOrDefault(StaffPrincipal.WHOLE_MUNICIPALITY, java.util.Set.of())
					.isEmpty();
	}

	/** A calendar the current staff member works with. */
	Calendar worked(UUID calendarId) {
		Calendar calendar = this.calendars.find(calendarId)
			.orElseThrow(() -> new NotFoundException("Calendar " + calendarId));
		if (!works(calendar)) {
			throw new NotFoundException("Calendar " + calendarId);
		}
		return calendar;
	}

	/** The calendars of the current staff member's municipality they work with. */
	List<Calendar> workedCalendars() {
		StaffPrincipal staff = staff();
		if (staff == null || staff.municipalityId() == null) {
			return List.of();
		}
		return this.calendars.of(staff.municipalityId()).stream().filter(this::works).toList();
	}

}
