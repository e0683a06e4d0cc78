package de.amtsweg.accounts;

import java.util.UUID;

/**
 * A citizen deleted their service account. Modules delete or anonymise what belongs to
 * it.
 *
 * @param accountId the deleted account
 */
public record CitizenAccountDeleted(UUID accountId) {
}
