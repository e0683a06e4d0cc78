package de.amtsweg.accounts.internal;

import java.util.UUID;

/**
 * A citizen was added to an organisation account; they hear of it by mail.
 *
 * @param organisationId the organisation
 * @param accountId the new member
 */
public record OrganisationMemberAdded(UUID organisationId, UUID accountId) {
}
