package de.amtsweg.accounts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.accounts.internal.CitizenAccount;
import de.amtsweg.accounts.internal.CitizenAccountRepository;
import de.amtsweg.accounts.internal.OrganisationRepository;
import de.amtsweg.platform.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask about citizens' accounts, e.g. to prefill a form. Every read
 * goes to the audit log under the signed-in actor; the caller checks that the actor may
 * see the account.
 */
@Service
public class CitizenAccounts {

	private final CitizenAccountRepository accounts;

	private final OrganisationRepository organisations;

	private final AuditLog auditLog;

	public CitizenAccounts(CitizenAccountRepository accounts, OrganisationRepository organisations, AuditLog auditLog) {
		this.accounts = accounts;
		this.organisations = organisations;
		this.auditLog = auditLog;
	}

	/** The profile of a confirmed account; empty for unknown or unconfirmed accounts. */
	@Transactional
	public Optional<CitizenProfile> profile(UUID accountId) {
		return this.accounts.findById(accountId).filter((account) -> account.confirmed()).map((account) -> {
			this.auditLog.record("citizen-account.profile.read", "citizen-account", accountId.toString(),
					account.homeMunicipalityId(), "api");
			return new CitizenProfile(account.email(), account.givenName(), account.familyName(), account.dateOfBirth(),
					account.street(), account.postcode(), account.city(), account.phone(), account.homeMunicipalityId(),
					account.trustLevel(), account.preferredLanguage());
		});
	}

	/**
	 * The id of the confirmed account with this e-mail address (for demo data and
	 * integrations that know a citizen by address only).
	 */
	@Transactional
	public Optional<UUID> idOf(String email) {
		return this.accounts.findByEmail(email).filter(CitizenAccount::confirmed).map((account) -> {
			this.auditLog.record("citizen-account.id-read", "citizen-account", account.id().toString(),
					account.homeMunicipalityId(), "by e-mail");
			return account.id();
		});
	}

	/** The organisation accounts the citizen belongs to, by name. */
	@Transactional
	public List<OrganisationMembership> organisationsOf(UUID accountId) {
		List<OrganisationMembership> memberships = this.organisations.membershipsOf(accountId);
		this.auditLog.record("citizen-account.organisations.read", "citizen-account", accountId.toString(), null,
				"api");
		return memberships;
	}

}
