package de.amtsweg.accounts;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.platform.AuditActor;
import de.amtsweg.platform.MunicipalityMember;

/**
 * A signed-in staff member with their roles per org unit. Object-level checks ask it,
 * e.g. "may this clerk see a case of that org unit".
 */
public interface StaffPrincipal extends AuditActor, MunicipalityMember {

	UUID staffId();

	String displayName();

	/**
	 * Roles per org unit; roles without an org unit are under the key
	 * {@link #WHOLE_MUNICIPALITY}.
	 */
	Map<UUID, Set<StaffRole>> rolesByOrgUnit();

	UUID WHOLE_MUNICIPALITY = new UUID(0, 0);

	/** Whether the member has the role in the org unit, or for the whole municipality. */
	default boolean hasRole(StaffRole role, UUID orgUnitId) {
		return this.rolesByOrgUnit().getOrDefault(orgUnitId, Set.of()).contains(role)
				|| this.rolesByOrgUnit().getOrDefault(WHOLE_MUNICIPALITY, Set.of()).contains(role);
	}

	/** Whether the member has the role anywhere. */
	default boolean hasRole(StaffRole role) {
		return this.rolesByOrgUnit().values().stream().anyMatch((roles) -> roles.contains(role));
	}

	/** The org units in which the member has the role. */
	default Set<UUID> orgUnitsWith(StaffRole role) {
		return this.rolesByOrgUnit()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().contains(role) && !entry.getKey().equals(WHOLE_MUNICIPALITY))
			.map(Map.Entry::getKey)
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	@Override
	default String auditName() {
		return "staff:" + staffId();
	}

}
