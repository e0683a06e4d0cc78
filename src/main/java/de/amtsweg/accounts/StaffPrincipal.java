package de.amtsweg.accounts;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import de.amtsweg.platform.AuditActor;
import de.amtsweg.platform.MunicipalityMember;
import de.amtsweg.platform.OrgUnit;

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

	/**
	 * The org units the member works in: those they hold a role in, and every unit of the
	 * municipality when they hold one of the given roles for the whole municipality.
	 * @param wholeMunicipalityRoles roles that open every unit of the municipality
	 * @param unitsOfMunicipality the units of a municipality, asked only when needed
	 * @return the units, empty for a member without municipality
	 */
	default Set<UUID> workingUnits(Set<StaffRole> wholeMunicipalityRoles,
			Function<UUID, List<OrgUnit>> unitsOfMunicipality) {
		UUID municipalityId = this.municipalityId();
		if (municipalityId == null) {
			return Set.of();
		}
		Set<UUID> units = new HashSet<>();
		Set<StaffRole> whole = this.rolesByOrgUnit().getOrDefault(WHOLE_MUNICIPALITY, Set.of());
		if (whole.stream().anyMatch(wholeMunicipalityRoles::contains)) {
			unitsOfMunicipality.apply(municipalityId).forEach((unit) -> units.add(unit.id()));
		}
		this.rolesByOrgUnit().keySet().stream().filter((id) -> !id.equals(WHOLE_MUNICIPALITY)).forEach(units::add);
		return units;
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
