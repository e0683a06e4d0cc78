package de.amtsweg.forms.internal;

import java.util.Optional;
import java.util.UUID;

import de.amtsweg.accounts.CitizenAccounts;
import de.amtsweg.forms.ApplicantProfile;
import de.amtsweg.forms.ApplicantProfiles;

import org.springframework.stereotype.Component;

/**
 * Prefills forms from the citizen's service account (the accounts module audits the
 * read).
 */
@Component
class AccountApplicantProfiles implements ApplicantProfiles {

	private final CitizenAccounts accounts;

	AccountApplicantProfiles(CitizenAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public Optional<ApplicantProfile> of(UUID accountId) {
		return this.accounts.profile(accountId)
			.map((profile) -> new ApplicantProfile(profile.givenName(), profile.familyName(), profile.dateOfBirth(),
					profile.street(), profile.postcode(), profile.city(), profile.email(), profile.phone()));
	}

}
