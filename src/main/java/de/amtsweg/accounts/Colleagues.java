package de.amtsweg.accounts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.accounts.internal.ColleagueRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The active clerks of an org unit, for other modules (handing a case over). Callers
 * check that the asking member belongs to the unit; this answers plain facts.
 */
@Service
public class Colleagues {

	private final ColleagueRepository repository;

	Colleagues(ColleagueRepository repository) {
		this.repository = repository;
	}

	/**
	 * Active members with the role CLERK in the org unit or for its whole municipality,
	 * ordered by name.
	 */
	@Transactional(readOnly = true)
	public List<Colleague> clerksOf(UUID municipalityId, UUID orgUnitId) {
		return this.repository.clerksOf(municipalityId, orgUnitId);
	}

	/** One of {@link #clerksOf}, if the member is one. */
	@Transactional(readOnly = true)
	public Optional<Colleague> clerkOf(UUID municipalityId, UUID orgUnitId, UUID staffId) {
		return clerksOf(municipalityId, orgUnitId).stream().filter((c) -> c.staffId().equals(staffId)).findFirst();
	}

}
