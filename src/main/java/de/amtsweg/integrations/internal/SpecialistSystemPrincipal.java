package de.amtsweg.integrations.internal;

import java.util.Set;
import java.util.UUID;

import de.amtsweg.platform.AuditActor;

/**
 * A specialist system authenticated by one of its API keys.
 *
 * @param systemId the system
 * @param keyId the key it used
 * @param municipalityId its municipality
 * @param name its name
 * @param orgUnitIds the org units whose cases it sees
 */
public record SpecialistSystemPrincipal(UUID systemId, UUID keyId, UUID municipalityId, String name,
		Set<UUID> orgUnitIds) implements AuditActor {

	@Override
	public String auditName() {
		return "system:" + this.systemId;
	}

}
