package de.amtsweg.accounts.internal.oidc;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.accounts.TrustLevel;
import de.amtsweg.accounts.internal.StaffAccountRepository;
import de.amtsweg.accounts.internal.oidc.ExternalIdentityRepository.Citizen;
import de.amtsweg.accounts.internal.oidc.ExternalIdentityRepository.StaffMember;
import de.amtsweg.platform.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds, links or creates the account behind an identity that a provider has just
 * confirmed. Later sign-ins find the account by issuer and subject alone; the e-mail
 * address only links at the first sign-in, and only when the provider vouches for it.
 */
@Service
public class OidcAccounts {

	private final ExternalIdentityRepository identities;

	private final StaffAccountRepository staff;

	private final AuditLog auditLog;

	private final Clock clock;

	public OidcAccounts(ExternalIdentityRepository identities, StaffAccountRepository staff, AuditLog auditLog,
			Clock clock) {
		this.identities = identities;
		this.staff = staff;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional
	public OidcCitizen signInCitizen(IdentityProvider provider, OidcUser user, TrustLevel level) {
		Instant now = this.clock.instant();
		String issuer = issuer(user);
		String subject = user.getSubject();
		Optional<UUID> linked = this.identities.findAccount(Audience.CITIZEN, issuer, subject);
		UUID accountId;
		if (linked.isPresent()) {
			accountId = linked.get();
			this.identities.recordSignIn(Audience.CITIZEN, issuer, subject, provider.id(), level, now);
		}
		else {
			accountId = firstSignIn(provider, user, level, issuer, subject, now);
		}
		this.identities.raiseTrustLevel(accountId, level);
		Citizen citizen = this.identities.findCitizen(accountId).orElseThrow();
		return new OidcCitizen(accountId, level,
				displayName(citizen.givenName(), citizen.familyName(), citizen.email()), provider.registrationId(),
				user.getIdToken());
	}

	private UUID firstSignIn(IdentityProvider provider, OidcUser user, TrustLevel level, String issuer, String subject,
			Instant now) {
		String email = trimmed(user.getEmail());
		if (email.isEmpty() || email.indexOf('@') < 1) {
			throw new OidcSignInRefusedException(
					OidcSignInProblem.of(OidcSignInProblem.NO_EMAIL, provider.displayName()));
		}
		boolean verified = Boolean.TRUE.equals(user.getEmailVerified());
		Optional<Citizen> existing = this.identities.findCitizenByEmail(email);
		UUID accountId;
		if (existing.isPresent()) {
			if (!verified) {
				throw new OidcSignInRefusedException(
						OidcSignInProblem.of(OidcSignInProblem.EMAIL_NOT_VERIFIED, provider.displayName()));
			}
			accountId = existing.get().id();
			if (!existing.get().confirmed()) {
				this.identities.confirmEmailAndDropPassword(accountId, now);
			}
		}
		else {
			accountId = this.identities.insertCitizen(email, verified, trimmed(user.getGivenName()),
					trimmed(user.getFamilyName()), level, now);
			this.auditLog.recordAs("citizen:" + accountId, "citizen-account.created", "citizen-account",
					accountId.toString(), null, "oidc:" + provider.registrationId());
		}
		this.identities.link(Audience.CITIZEN, issuer, subject, accountId, provider.id(), level, now);
		this.auditLog.recordAs("citizen:" + accountId, "external-identity.linked", "citizen-account",
				accountId.toString(), null, "oidc:" + provider.registrationId());
		return accountId;
	}

	/**
	 * Only existing, active staff accounts may sign in; a provider of a municipality only
	 * for that municipality's staff.
	 */
	@Transactional
	public OidcStaffMember signInStaff(IdentityProvider provider, OidcUser user, TrustLevel level) {
		Instant now = this.clock.instant();
		String issuer = issuer(user);
		String subject = user.getSubject();
		Optional<UUID> linked = this.identities.findAccount(Audience.STAFF, issuer, subject);
		Optional<StaffMember> member = linked.flatMap(this.identities::findStaff);
		boolean linkNow = false;
		if (member.isEmpty() && Boolean.TRUE.equals(user.getEmailVerified())) {
			member = Optional.ofNullable(user.getEmail()).flatMap(this.identities::findStaffByEmail);
			linkNow = member.isPresent();
		}
		StaffMember found = member.filter((candidate) -> serves(provider, candidate.municipalityId()))
			.orElseThrow(() -> new OidcSignInRefusedException(
					OidcSignInProblem.of(OidcSignInProblem.UNKNOWN_STAFF, provider.displayName())));
		if (!found.active()) {
			throw new OidcSignInRefusedException(OidcSignInProblem.of(OidcSignInProblem.STAFF_INACTIVE));
		}
		if (linkNow) {
			this.identities.link(Audience.STAFF, issuer, subject, found.id(), provider.id(), level, now);
			this.auditLog.recordAs("staff:" + found.id(), "external-identity.linked", "staff-account",
					found.id().toString(), found.municipalityId(), "oidc:" + provider.registrationId());
		}
		else {
			this.identities.recordSignIn(Audience.STAFF, issuer, subject, provider.id(), level, now);
		}
		return new OidcStaffMember(found.id(), found.municipalityId(),
				displayName(found.givenName(), found.familyName(), found.email()), this.staff.roles(found.id()),
				provider.registrationId(), user.getIdToken());
	}

	private static boolean serves(IdentityProvider provider, @Nullable UUID municipalityId) {
		return provider.portalWide() || provider.municipalityId().equals(municipalityId);
	}

	private static String issuer(OidcUser user) {
		return String.valueOf(user.getIdToken().getClaims().get("iss"));
	}

	private static String trimmed(@Nullable String text) {
		return (text != null) ? text.trim() : "";
	}

	private static String displayName(String givenName, String familyName, String email) {
		String name = (givenName + " " + familyName).trim();
		return name.isEmpty() ? email : name;
	}

}
