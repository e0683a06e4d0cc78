package de.amtsweg.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import de.amtsweg.accounts.OrganisationMembership;
import de.amtsweg.accounts.OrganisationRole;
import de.amtsweg.accounts.internal.OrganisationRepository.Member;
import de.amtsweg.accounts.internal.OrganisationRepository.Organisation;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisation accounts (Organisationskonto) as their members see them. Only members see
 * an organisation (to everyone else it does not exist); only its admins change it. An
 * organisation always keeps an admin: the last one can neither leave nor be demoted or
 * removed until another member is admin.
 */
@Service
public class Organisations {

	/**
	 * Adding members looks up addresses; this keeps that from becoming a guessing tool.
	 */
	static final int MEMBER_LOOKUPS_PER_HOUR = 30;

	private final OrganisationRepository organisations;

	private final CitizenAccountRepository accounts;

	private final AccountRateLimits rateLimits;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	private final Clock clock;

	public Organisations(OrganisationRepository organisations, CitizenAccountRepository accounts,
			AccountRateLimits rateLimits, ApplicationEventPublisher events, AuditLog auditLog, Clock clock) {
		this.organisations = organisations;
		this.accounts = accounts;
		this.rateLimits = rateLimits;
		this.events = events;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional
	public List<OrganisationMembership> of(UUID accountId) {
		List<OrganisationMembership> memberships = this.organisations.membershipsOf(accountId);
		this.auditLog.record("citizen-account.organisations.read", "citizen-account", accountId.toString(), null, "");
		return memberships;
	}

	/** Creates an organisation with the citizen as its first admin. */
	@Transactional
	public UUID create(UUID accountId, OrganisationDetails details) {
		OrganisationDetails checked = validate(details);
		UUID id = this.organisations.insert(checked, this.clock.instant());
		this.organisations.addMember(id, accountId, OrganisationRole.ADMIN, this.clock.instant());
		this.auditLog.record("organisation.created", "organisation-account", id.toString(), null, "");
		return id;
	}

	/** The organisation with its members, for one of its members; the read is audited. */
	@Transactional
	public OrganisationView view(UUID accountId, UUID organisationId) {
		OrganisationRole role = requireMember(accountId, organisationId);
		Organisation organisation = this.organisations.findById(organisationId)
			.orElseThrow(() -> new NotFoundException("Organisation " + organisationId));
		List<Member> members = this.organisations.members(organisationId);
		this.auditLog.record("organisation.read", "organisation-account", organisationId.toString(), null, "");
		return new OrganisationView(organisation, members, role);
	}

	@Transactional
	public void update(UUID accountId, UUID organisationId, OrganisationDetails details) {
		requireAdmin(accountId, organisationId);
		OrganisationDetails checked = validate(details);
		this.organisations.update(organisationId, checked, this.clock.instant());
		this.auditLog.record("organisation.changed", "organisation-account", organisationId.toString(), null, "");
	}

	/** Adds an existing, confirmed service account as a member; they get a mail. */
	@Transactional
	public void addMember(UUID accountId, UUID organisationId, String email, String role) {
		requireAdmin(accountId, organisationId);
		String address = email.trim();
		if (address.isEmpty()) {
			throw InvalidInputException.of("email", "email.required");
		}
		if (!EmailAddresses.plausible(address)) {
			throw InvalidInputException.of("email", "email.invalid");
		}
		OrganisationRole newRole = role(role, "role");
		if (!this.rateLimits
			.attempt("member-lookup", accountId.toString(), MEMBER_LOOKUPS_PER_HOUR, Duration.ofHours(1))
			.allowed()) {
			throw InvalidInputException.of("email", "organisation.member.tooMany");
		}
		CitizenAccount member = this.accounts.findByEmail(address)
			.filter(CitizenAccount::confirmed)
			.orElseThrow(() -> InvalidInputException.of("email", "organisation.member.unknown"));
		if (!this.organisations.addMember(organisationId, member.id(), newRole, this.clock.instant())) {
			throw InvalidInputException.of("email", "organisation.member.already");
		}
		this.auditLog.record("organisation.member.added", "organisation-account", organisationId.toString(), null,
				"citizen:" + member.id() + " as " + newRole);
		this.events.publishEvent(new OrganisationMemberAdded(organisationId, member.id()));
	}

	@Transactional
	public void changeRole(UUID accountId, UUID organisationId, UUID memberId, String role) {
		requireAdmin(accountId, organisationId);
		OrganisationRole newRole = role(role, "role");
		this.organisations.lock(organisationId);
		Member member = member(organisationId, memberId);
		if (member.role() == newRole) {
			return;
		}
		if (member.role() == OrganisationRole.ADMIN && adminCount(organisationId) == 1) {
			throw InvalidInputException.of("", "organisation.lastAdmin.demote");
		}
		this.organisations.changeRole(organisationId, memberId, newRole);
		this.auditLog.record("organisation.member.role-changed", "organisation-account", organisationId.toString(),
				null, "citizen:" + memberId + " to " + newRole);
	}

	@Transactional
	public void removeMember(UUID accountId, UUID organisationId, UUID memberId) {
		requireAdmin(accountId, organisationId);
		this.organisations.lock(organisationId);
		Member member = member(organisationId, memberId);
		if (member.role() == OrganisationRole.ADMIN && adminCount(organisationId) == 1) {
			throw InvalidInputException.of("", "organisation.lastAdmin.remove");
		}
		this.organisations.removeMember(organisationId, memberId);
		this.auditLog.record("organisation.member.removed", "organisation-account", organisationId.toString(), null,
				"citizen:" + memberId);
	}

	/** The citizen leaves the organisation; the last admin cannot. */
	@Transactional
	public void leave(UUID accountId, UUID organisationId) {
		OrganisationRole role = requireMember(accountId, organisationId);
		this.organisations.lock(organisationId);
		if (role == OrganisationRole.ADMIN && adminCount(organisationId) == 1) {
			throw InvalidInputException.of("", "organisation.lastAdmin.leave");
		}
		this.organisations.removeMember(organisationId, accountId);
		this.auditLog.record("organisation.member.left", "organisation-account", organisationId.toString(), null,
				"citizen:" + accountId);
	}

	/** The citizen's role; unknown organisations and those of others do not exist. */
	OrganisationRole requireMember(UUID accountId, UUID organisationId) {
		return this.organisations.roleOf(organisationId, accountId)
			.orElseThrow(() -> new NotFoundException("Organisation " + organisationId));
	}

	void requireAdmin(UUID accountId, UUID organisationId) {
		if (requireMember(accountId, organisationId) != OrganisationRole.ADMIN) {
			throw new AccessDeniedException("Only admins change an organisation");
		}
	}

	private Member member(UUID organisationId, UUID memberId) {
		return this.organisations.members(organisationId)
			.stream()
			.filter((member) -> member.accountId().equals(memberId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Member " + memberId));
	}

	private long adminCount(UUID organisationId) {
		return this.organisations.members(organisationId)
			.stream()
			.filter((member) -> member.role() == OrganisationRole.ADMIN)
			.count();
	}

	private static OrganisationRole role(String role, String field) {
		return Arrays.stream(OrganisationRole.values())
			.filter((candidate) -> candidate.name().equals(role))
			.findFirst()
			.orElseThrow(() -> InvalidInputException.of(field, "organisation.role.required"));
	}

	static OrganisationDetails validate(OrganisationDetails details) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		String name = details.name().trim();
		if (name.isEmpty()) {
			problems.add("name", "organisation.name.required");
		}
		else if (name.length() > 200) {
			problems.add("name", "organisation.name.tooLong");
		}
		if (Arrays.stream(LegalForm.values()).noneMatch((form) -> form.name().equals(details.legalForm()))) {
			problems.add("legalForm", "organisation.legalForm.required");
		}
		String registerNumber = details.registerNumber().trim();
		if (registerNumber.length() > 100) {
			problems.add("registerNumber", "organisation.registerNumber.tooLong");
		}
		String street = details.street().trim();
		if (street.isEmpty()) {
			problems.add("street", "organisation.street.required");
		}
		else if (street.length() > 200) {
			problems.add("street", "profile.street.tooLong");
		}
		String postcode = details.postcode().trim();
		if (postcode.isEmpty()) {
			problems.add("postcode", "organisation.postcode.required");
		}
		else if (!Profiles.POSTCODE.matcher(postcode).matches()) {
			problems.add("postcode", "profile.postcode.invalid");
		}
		String city = details.city().trim();
		if (city.isEmpty()) {
			problems.add("city", "organisation.city.required");
		}
		else if (city.length() > 100) {
			problems.add("city", "profile.city.tooLong");
		}
		String email = details.email().trim();
		if (email.isEmpty()) {
			problems.add("email", "organisation.email.required");
		}
		else if (!EmailAddresses.plausible(email)) {
			problems.add("email", "email.invalid");
		}
		String phone = details.phone().trim();
		if (!phone.isEmpty() && !Profiles.PHONE.matcher(phone).matches()) {
			problems.add("phone", "profile.phone.invalid");
		}
		problems.throwIfAny();
		return new OrganisationDetails(name, details.legalForm(), registerNumber, street, postcode, city, email, phone);
	}

	/**
	 * An organisation as one of its members sees it.
	 *
	 * @param organisation the organisation
	 * @param members its members, admins first
	 * @param viewerRole the viewer's role
	 */
	public record OrganisationView(Organisation organisation, List<Member> members, OrganisationRole viewerRole) {

		public boolean viewerIsAdmin() {
			return this.viewerRole == OrganisationRole.ADMIN;
		}

	}

}
