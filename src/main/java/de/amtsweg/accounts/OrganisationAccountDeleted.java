package de.amtsweg.accounts;

import java.util.UUID;

/**
 * An organisation account was deleted (its last member deleted their service account).
 * Modules delete or anonymise what belongs to it.
 *
 * @param organisationId the deleted organisation
 */
public record OrganisationAccountDeleted(UUID organisationId) {
}
