package de.amtsweg.accounts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import de.amtsweg.accounts.internal.AccountSessions;
import de.amtsweg.accounts.internal.LoginThrottle;
import de.amtsweg.accounts.internal.PasswordPolicy;
import de.amtsweg.accounts.internal.StaffAccountRepository;
import de.amtsweg.accounts.internal.StaffAccountRepository.StaffRow;
import de.amtsweg.accounts.internal.StaffInvitationRequested;
import de.amtsweg.accounts.internal.StaffInvitationTokens;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administration of staff accounts: a municipality's admins manage its staff, portal
 * admins every municipality's staff and the portal's operators. New members get an
 * invitation by mail and set their own password; nobody else ever knows it.
 * <p>
 * Every method takes the acting admin and checks their rights against the database, not
 * against their session, so a role taken away counts at once. Every read and change is
 * audited. No admin can lock themselves out: they can neither give up their own admin
 * role nor deactivate themselves.
 */
@Service
public class StaffAccounts {

	/** How long an invitation link works. */
	public static final Duration INVITATION_VALIDITY = Duration.ofHours(72);

	/** The roles a municipality's staff hold per org unit. */
	public static final List<StaffRole> ORG_UNIT_ROLES = List.of(StaffRole.CLERK, StaffRole.FRONT_DESK,
			StaffRole.FIELD_OFFICER, StaffRole.FINANCE, StaffRole.COUNCIL_OFFICE);

	/** Sessions store the address as principal name, in a column of this width. */
	private static final int MAX_EMAIL_LENGTH = 100;

	private static final int MAX_NAME_LENGTH = 100;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final String RECORD_TYPE = "staff-account";

	private final StaffAccountRepository repository;

	private final StaffInvitationTokens tokens;

	private final AccountSessions sessions;

	private final PasswordPolicy passwordPolicy;

	private final LoginThrottle loginThrottle;

	private final OrgUnits orgUnits;

	private final AuditLog auditLog;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	public StaffAccounts(StaffAccountRepository repository, StaffInvitationTokens tokens, AccountSessions sessions,
			PasswordPolicy passwordPolicy, LoginThrottle loginThrottle, OrgUnits orgUnits, AuditLog auditLog,
			PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
		this.repository = repository;
		this.tokens = tokens;
		this.sessions = sessions;
		this.passwordPolicy = passwordPolicy;
		this.loginThrottle = loginThrottle;
		this.orgUnits = orgUnits;
		this.auditLog = auditLog;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
	}

	/** Whether the admin may manage the staff of the municipality (null: operators). */
	@Transactional(readOnly = true)
	public boolean mayAdminister(StaffPrincipal admin, @Nullable UUID municipalityId) {
		return actor(admin).administers(municipalityId);
	}

	/** Whether the admin runs the whole portal. */
	@Transactional(readOnly = true)
	public boolean isPortalAdmin(StaffPrincipal admin) {
		return actor(admin).portalAdmin();
	}

	/** The staff of a municipality, or with null the portal's operators. */
	@Transactional
	public List<StaffMember> list(StaffPrincipal admin, @Nullable UUID municipalityId) {
		if (!actor(admin).administers(municipalityId)) {
			throw new AccessDeniedException("Not an admin of this municipality");
		}
		List<StaffRow> rows = this.repository.findByMunicipality(municipalityId);
		Map<UUID, Map<UUID, Set<StaffRole>>> roles = this.repository.rolesOf(rows.stream().map(StaffRow::id).toList());
		this.auditLog.record("staff-account.listed", RECORD_TYPE, "-", municipalityId, rows.size() + " members");
		return rows.stream().map((row) -> member(row, roles.getOrDefault(row.id(), Map.of()))).toList();
	}

	/**
	 * One member; a member of a municipality the admin does not manage does not exist.
	 */
	@Transactional
	public StaffMember get(StaffPrincipal admin, UUID staffId) {
		StaffRow row = administered(actor(admin), staffId);
		this.auditLog.record("staff-account.read", RECORD_TYPE, staffId.toString(), row.municipalityId(), "");
		return member(row, this.repository.roles(staffId));
	}

	/**
	 * Creates a member without roles and password and sends them an invitation.
	 * @param municipalityId the municipality, null for an operator of the portal
	 * @return the new member's id
	 */
	@Transactional
	public UUID invite(StaffPrincipal admin, @Nullable UUID municipalityId, String givenName, String familyName,
			String email) {
		if (!actor(admin).administers(municipalityId)) {
			throw new AccessDeniedException("Not an admin of this municipality");
		}
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		checkNames(givenName, familyName, problems);
		String address = email.trim();
		if (address.isEmpty()) {
			problems.add("email", "admin.staff.email.required");
		}
		else if (!EMAIL.matcher(address).matches()) {
			problems.add("email", "admin.staff.email.invalid");
		}
		else if (address.length() > MAX_EMAIL_LENGTH) {
			problems.add("email", "admin.staff.email.tooLong", MAX_EMAIL_LENGTH);
		}
		problems.throwIfAny();
		UUID id;
		try {
			id = this.repository.insert(municipalityId, address, givenName.trim(), familyName.trim(), null);
		}
		catch (DuplicateKeyException ex) {
			throw InvalidInputException.of("email", "admin.staff.email.taken");
		}
		this.auditLog.record("staff-account.created", RECORD_TYPE, id.toString(), municipalityId, "");
		this.events.publishEvent(new StaffInvitationRequested(id, false));
		return id;
	}

	@Transactional
	public void rename(StaffPrincipal admin, UUID staffId, String givenName, String familyName) {
		StaffRow row = administered(actor(admin), staffId);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		checkNames(givenName, familyName, problems);
		problems.throwIfAny();
		this.repository.updateNames(staffId, givenName.trim(), familyName.trim());
		this.auditLog.record("staff-account.renamed", RECORD_TYPE, staffId.toString(), row.municipalityId(), "");
	}

	/**
	 * Replaces the member's roles. A municipality's staff hold {@link #ORG_UNIT_ROLES} in
	 * its org units and {@link StaffRole#ADMIN} for the whole municipality; the portal's
	 * operators hold {@link StaffRole#PORTAL_ADMIN}, which only a portal admin grants.
	 * The member's open sessions end, so the new roles count from their next sign-in.
	 */
	@Transactional
	public void changeRoles(StaffPrincipal admin, UUID staffId, Collection<StaffRoleGrant> grants) {
		Actor actor = actor(admin);
		StaffRow row = administered(actor, staffId);
		Set<StaffRoleGrant> wanted = new LinkedHashSet<>(grants);
		for (StaffRoleGrant grant : wanted) {
			if (!allowed(grant, row)) {
				throw InvalidInputException.of("roles", "admin.staff.roles.invalid");
			}
		}
		Map<UUID, Set<StaffRole>> before = this.repository.roles(staffId);
		boolean grantsPortalAdmin = wanted.contains(StaffRoleGrant.whole(StaffRole.PORTAL_ADMIN))
				&& !before.getOrDefault(StaffPrincipal.WHOLE_MUNICIPALITY, Set.of()).contains(StaffRole.PORTAL_ADMIN);
		if (grantsPortalAdmin && !actor.portalAdmin()) {
			throw new AccessDeniedException("Only portal admins grant PORTAL_ADMIN");
		}
		if (staffId.equals(actor.id())) {
			if (actor.municipalityAdmin() && !wanted.contains(StaffRoleGrant.whole(StaffRole.ADMIN))) {
				throw InvalidInputException.of("roles", "admin.staff.roles.ownAdmin");
			}
			if (actor.portalAdmin() && !wanted.contains(StaffRoleGrant.whole(StaffRole.PORTAL_ADMIN))) {
				throw InvalidInputException.of("roles", "admin.staff.roles.ownPortalAdmin");
			}
		}
		this.repository.replaceRoles(staffId, wanted);
		if (!staffId.equals(actor.id())) {
			this.sessions.endAll(row.email());
		}
		this.auditLog.record("staff-account.roles.changed", RECORD_TYPE, staffId.toString(), row.municipalityId(),
				describe(wanted));
	}

	/**
	 * The member can no longer sign in, their open sessions end at once and their open
	 * invitation stops working.
	 */
	@Transactional
	public void deactivate(StaffPrincipal admin, UUID staffId) {
		Actor actor = actor(admin);
		StaffRow row = administered(actor, staffId);
		if (staffId.equals(actor.id())) {
			throw InvalidInputException.of("", "admin.staff.deactivate.self");
		}
		this.repository.updateActive(staffId, false);
		this.sessions.endAll(row.email());
		this.tokens.invalidate(staffId);
		this.auditLog.record("staff-account.deactivated", RECORD_TYPE, staffId.toString(), row.municipalityId(), "");
	}

	@Transactional
	public void reactivate(StaffPrincipal admin, UUID staffId) {
		StaffRow row = administered(actor(admin), staffId);
		this.repository.updateActive(staffId, true);
		this.auditLog.record("staff-account.reactivated", RECORD_TYPE, staffId.toString(), row.municipalityId(), "");
	}

	/**
	 * Sends the member a new link to set their password: the invitation again, or, if
	 * they had a password, a link to replace it. Older links stop working.
	 */
	@Transactional
	public void sendNewInvitation(StaffPrincipal admin, UUID staffId) {
		StaffRow row = administered(actor(admin), staffId);
		if (!row.active()) {
			throw InvalidInputException.of("", "admin.staff.invite.inactive");
		}
		this.auditLog.record("staff-account.invitation.requested", RECORD_TYPE, staffId.toString(),
				row.municipalityId(), row.passwordSet() ? "password reset" : "invitation");
		this.events.publishEvent(new StaffInvitationRequested(staffId, row.passwordSet()));
	}

	/** What the link of an invitation mail is worth now. */
	@Transactional(readOnly = true)
	public StaffInvitation checkInvitation(@Nullable String token) {
		StaffInvitationTokens.Lookup lookup = this.tokens.check(token);
		if (lookup.status() != StaffInvitation.Status.VALID || lookup.staffId() == null) {
			return new StaffInvitation(lookup.status(), null);
		}
		Optional<StaffRow> row = this.repository.findById(lookup.staffId()).filter(StaffRow::active);
		return row
			.map((member) -> new StaffInvitation(StaffInvitation.Status.VALID,
					member(member, this.repository.roles(member.id()))))
			.orElse(new StaffInvitation(StaffInvitation.Status.UNKNOWN, null));
	}

	/**
	 * Sets the invited member's password with the link's token, once. Their other
	 * sessions end, so a password reset also throws out whoever used the old one.
	 * @throws StaffInvitation.LinkRefusedException if the link does not work (any more)
	 * @throws InvalidInputException if the password is not good enough; the link still
	 * works then
	 */
	@Transactional
	public void acceptInvitation(@Nullable String token, String password, String repeatedPassword) {
		StaffInvitation invitation = checkInvitation(token);
		if (invitation.status() != StaffInvitation.Status.VALID || invitation.member() == null) {
			throw new StaffInvitation.LinkRefusedException(invitation.status());
		}
		StaffMember member = invitation.member();
		Optional<String> problem = this.passwordPolicy.problem(password, member.email());
		if (problem.isPresent()) {
			throw InvalidInputException.of("password", problem.get(), PasswordPolicy.MIN_LENGTH);
		}
		if (!password.equals(repeatedPassword)) {
			throw InvalidInputException.of("repeatedPassword", "password.repeat.different");
		}
		UUID staffId = this.tokens.redeem(token)
			.orElseThrow(() -> new StaffInvitation.LinkRefusedException(StaffInvitation.Status.USED));
		this.repository.updatePasswordHash(staffId, this.passwordEncoder.encode(password));
		this.tokens.invalidate(staffId);
		this.sessions.endAll(member.email());
		this.loginThrottle.recordSuccess(member.email());
		this.auditLog.recordAs("staff:" + staffId, "staff-account.password.set", RECORD_TYPE, staffId.toString(),
				member.municipalityId(), member.passwordSet() ? "reset" : "invitation accepted");
	}

	private static void checkNames(String givenName, String familyName, InvalidInputException.Collector problems) {
		if (givenName.isBlank()) {
			problems.add("givenName", "admin.staff.givenName.required");
		}
		else if (givenName.trim().length() > MAX_NAME_LENGTH) {
			problems.add("givenName", "admin.staff.name.tooLong", MAX_NAME_LENGTH);
		}
		if (familyName.isBlank()) {
			problems.add("familyName", "admin.staff.familyName.required");
		}
		else if (familyName.trim().length() > MAX_NAME_LENGTH) {
			problems.add("familyName", "admin.staff.name.tooLong", MAX_NAME_LENGTH);
		}
	}

	/**
	 * Whether the grant fits the member: their municipality's org units, or the portal.
	 */
	private boolean allowed(StaffRoleGrant grant, StaffRow member) {
		if (member.municipalityId() == null) {
			return grant.role() == StaffRole.PORTAL_ADMIN && grant.orgUnitId() == null;
		}
		if (grant.role() == StaffRole.ADMIN) {
			return grant.orgUnitId() == null;
		}
		if (!ORG_UNIT_ROLES.contains(grant.role()) || grant.orgUnitId() == null) {
			return false;
		}
		return this.orgUnits.byId(grant.orgUnitId())
			.map(OrgUnit::municipalityId)
			.filter(member.municipalityId()::equals)
			.isPresent();
	}

	private static String describe(Collection<StaffRoleGrant> grants) {
		List<String> parts = new ArrayList<>();
		grants.stream()
			.sorted(StaffRoleGrant.ORDER)
			.forEach((grant) -> parts.add(grant.role() + ((grant.orgUnitId() != null) ? "@" + grant.orgUnitId() : "")));
		return String.join(" ", parts);
	}

	/** The admin as they are in the database now, whatever their session remembers. */
	private Actor actor(StaffPrincipal admin) {
		StaffRow row = this.repository.findById(admin.staffId())
			.filter(StaffRow::active)
			.orElseThrow(() -> new AccessDeniedException("No active staff account"));
		Set<StaffRole> whole = this.repository.roles(admin.staffId())
			.getOrDefault(StaffPrincipal.WHOLE_MUNICIPALITY, EnumSet.noneOf(StaffRole.class));
		return new Actor(row.id(), row.municipalityId(), whole.contains(StaffRole.PORTAL_ADMIN),
				row.municipalityId() != null && whole.contains(StaffRole.ADMIN));
	}

	private StaffRow administered(Actor actor, UUID staffId) {
		return this.repository.findById(staffId)
			.filter((row) -> actor.administers(row.municipalityId()))
			.orElseThrow(() -> new NotFoundException("Staff member " + staffId));
	}

	private static StaffMember member(StaffRow row, Map<UUID, Set<StaffRole>> roles) {
		List<StaffRoleGrant> grants = new ArrayList<>();
		roles.forEach((orgUnit, held) -> held.forEach((role) -> grants
			.add(new StaffRoleGrant(role, StaffPrincipal.WHOLE_MUNICIPALITY.equals(orgUnit) ? null : orgUnit))));
		return new StaffMember(row.id(), row.municipalityId(), row.email(), row.givenName(), row.familyName(),
				row.active(), row.passwordSet(), row.lastLoginAt(), grants);
	}

	/**
	 * The acting admin.
	 *
	 * @param id their staff id
	 * @param municipalityId their municipality, null for operators
	 * @param portalAdmin whether they run the portal
	 * @param municipalityAdmin whether they administer their municipality
	 */
	private record Actor(UUID id, @Nullable UUID municipalityId, boolean portalAdmin, boolean municipalityAdmin) {

		boolean administers(@Nullable UUID municipality) {
			return this.portalAdmin
					|| (this.municipalityAdmin && municipality != null && municipality.equals(this.municipalityId));
		}

	}

}
