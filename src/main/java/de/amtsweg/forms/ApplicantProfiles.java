package de.amtsweg.forms;

import java.util.Optional;
import java.util.UUID;

/**
 * Where forms get a citizen's data for prefilling; backed by the service account
 * ({@code de.amtsweg.accounts.CitizenAccounts}).
 */
public interface ApplicantProfiles {

	Optional<ApplicantProfile> of(UUID accountId);

}
