package de.amtsweg.accounts;

import java.util.UUID;

/**
 * A citizen's membership in an organisation account (Organisationskonto).
 *
 * @param organisationId the organisation
 * @param organisationName its name
 * @param role the citizen's role in it
 */
public record OrganisationMembership(UUID organisationId, String organisationName, OrganisationRole role) {
}
