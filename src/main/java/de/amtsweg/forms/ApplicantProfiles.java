package de.amtsweg.forms;

import java.util.Optional;
import java.util.UUID;

/**
 * Where forms get a citizen's data for prefilling. The forms module ships an
 * implementation that knows nothing (so forms start empty); the integration with the
 * service account replaces it with one backed by the accounts module.
 */
public interface ApplicantProfiles {

	Optional<ApplicantProfile> of(UUID accountId);

}
