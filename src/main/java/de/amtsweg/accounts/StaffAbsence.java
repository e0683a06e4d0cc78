package de.amtsweg.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * A staff member marked absent and the colleague who deputises for them.
 *
 * @param staffId the absent member
 * @param staffName their name
 * @param deputyId the deputy
 * @param deputyName the deputy's name
 * @param since when the absence was set
 */
public record StaffAbsence(UUID staffId, String staffName, UUID deputyId, String deputyName, Instant since) {
}
