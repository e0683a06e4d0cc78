package de.amtsweg.accounts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.amtsweg.accounts.CitizenAccountDeleted;
import de.amtsweg.accounts.OrganisationAccountDeleted;
import de.amtsweg.accounts.OrganisationMembership;
import de.amtsweg.accounts.OrganisationRole;
import de.amtsweg.accounts.internal.OrganisationRepository.Member;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A citizen deletes their service account: the account row with all personal data, its
 * tokens and memberships go, every session ends, and {@link CitizenAccountDeleted} tells
 * the other modules to remove what belongs to it. The audit log keeps only the account's
 * identifier.
 * <p>
 * Organisations: memberships simply end. An organisation of which the citizen is the only
 * member goes with the account ({@link OrganisationAccountDeleted}). An organisation with
 * other members of which the citizen is the last admin blocks the deletion until another
 * member is made admin: otherwise nobody could manage it any more.
 */
@Service
public class AccountDeletion {

	private final CitizenAccountRepository accounts;

	private final OrganisationRepository organisations;

	private final AccountTokens tokens;

	private final AccountSessions sessions;

	private final AccountSecurity security;

	private final LoginThrottle loginThrottle;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	public AccountDeletion(CitizenAccountRepository accounts, OrganisationRepository organisations,
			AccountTokens tokens, AccountSessions sessions, AccountSecurity security, LoginThrottle loginThrottle,
			ApplicationEventPublisher events, AuditLog auditLog) {
		this.accounts = accounts;
		this.organisations = organisations;
		this.tokens = tokens;
		this.sessions = sessions;
		this.security = security;
		this.loginThrottle = loginThrottle;
		this.events = events;
		this.auditLog = auditLog;
	}

	/** What deleting the account would do to its organisations. */
	public Consequences consequences(UUID accountId) {
		List<OrganisationMembership> blocking = new ArrayList<>();
		List<OrganisationMembership> deleted = new ArrayList<>();
		List<OrganisationMembership> left = new ArrayList<>();
		for (OrganisationMembership membership : this.organisations.membershipsOf(accountId)) {
			List<Member> members = this.organisations.members(membership.organisationId());
			boolean alone = members.size() == 1;
			boolean lastAdmin = membership.role() == OrganisationRole.ADMIN && members.stream()
				.noneMatch((m) -> m.role() == OrganisationRole.ADMIN && !m.accountId().equals(accountId));
			if (alone) {
				deleted.add(membership);
			}
			else if (lastAdmin) {
				blocking.add(membership);
			}
			else {
				left.add(membership);
			}
		}
		return new Consequences(blocking, deleted, left);
	}

	/**
	 * Deletes the account after checking the password (accounts without a password, from
	 * an identity provider, confirm with {@code confirmed} instead).
	 */
	@Transactional(noRollbackFor = InvalidInputException.class)
	public void delete(UUID accountId, String password, boolean confirmed, String client) {
		CitizenAccount account = this.accounts.findById(accountId)
			.orElseThrow(() -> new NotFoundException("Account " + accountId));
		if (account.hasPassword()) {
			this.security.requireCurrentPassword(account, password, client, "password");
		}
		else if (!confirmed) {
			throw InvalidInputException.of("confirmed", "delete.confirmed.required");
		}
		for (OrganisationMembership membership : this.organisations.membershipsOf(accountId)) {
			this.organisations.lock(membership.organisationId());
		}
		Consequences consequences = consequences(accountId);
		if (!consequences.blocking().isEmpty()) {
			InvalidInputException.Collector problems = new InvalidInputException.Collector();
			consequences.blocking()
				.forEach((membership) -> problems.add("", "delete.lastAdmin", membership.organisationName()));
			problems.throwIfAny();
		}
		for (OrganisationMembership membership : consequences.deleted()) {
			this.organisations.delete(membership.organisationId());
			this.auditLog.record("organisation.deleted", "organisation-account", membership.organisationId().toString(),
					null, "its only member deleted their account");
			this.events.publishEvent(new OrganisationAccountDeleted(membership.organisationId()));
		}
		this.tokens.deleteAll(accountId);
		this.accounts.delete(accountId);
		this.sessions.endAll(account.email());
		this.loginThrottle.recordSuccess(account.email());
		this.auditLog.record("citizen-account.deleted", "citizen-account", accountId.toString(),
				account.homeMunicipalityId(), "by its owner");
		this.events.publishEvent(new CitizenAccountDeleted(accountId));
	}

	/**
	 * What happens to the organisations.
	 *
	 * @param blocking organisations whose last admin the citizen is while others remain
	 * @param deleted organisations of which the citizen is the only member
	 * @param left organisations the citizen simply leaves
	 */
	public record Consequences(List<OrganisationMembership> blocking, List<OrganisationMembership> deleted,
			List<OrganisationMembership> left) {
	}

}
