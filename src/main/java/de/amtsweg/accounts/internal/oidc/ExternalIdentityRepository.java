package de.amtsweg.accounts.internal.oidc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.accounts.TrustLevel;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code external_identity}, and what sign-in over OpenID Connect reads and writes
 * of the accounts it leads to ({@code citizen_account}, {@code staff_account}).
 */
@Repository
public class ExternalIdentityRepository {

	/** Orders trust levels in SQL, where they are text. */
	private static final String RANK = "(case %s when 'HIGH' then 2 when 'SUBSTANTIAL' then 1 else 0 end)";

	private final JdbcClient jdbc;

	public ExternalIdentityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account an identity is linked to. */
	public Optional<UUID> findAccount(Audience audience, String issuer, String subject) {
		return this.jdbc.sql("""
				select coalesce(citizen_account_id, staff_account_id) from external_identity
				where audience = :audience and issuer = :issuer and subject = :subject""")
			.param("audience", audience.name())
			.param("issuer", issuer)
			.param("subject", subject)
			.query(UUID.class)
			.optional();
	}

	public void link(Audience audience, String issuer, String subject, UUID accountId, UUID providerId,
			TrustLevel level, Instant now) {
		this.jdbc.sql("""
				insert into external_identity (audience, issuer, subject, citizen_account_id, staff_account_id,
				                               provider_id, linked_at, last_sign_in_at, last_trust_level)
				values (:audience, :issuer, :subject, :citizen, :staff, :providerId, :now, :now, :level)""")
			.param("audience", audience.name())
			.param("issuer", issuer)
			.param("subject", subject)
			.param("citizen", (audience == Audience.CITIZEN) ? accountId : null)
			.param("staff", (audience == Audience.STAFF) ? accountId : null)
			.param("providerId", providerId)
			.param("now", Timestamp.from(now))
			.param("level", level.name())
			.update();
	}

	public void recordSignIn(Audience audience, String issuer, String subject, UUID providerId, TrustLevel level,
			Instant now) {
		this.jdbc.sql("""
				update external_identity
				   set last_sign_in_at = :now, last_trust_level = :level, provider_id = :providerId
				 where audience = :audience and issuer = :issuer and subject = :subject""")
			.param("audience", audience.name())
			.param("issuer", issuer)
			.param("subject", subject)
			.param("providerId", providerId)
			.param("now", Timestamp.from(now))
			.param("level", level.name())
			.update();
	}

	/** The identities linked to a citizen's account, most recently used first. */
	public List<LinkedIdentity> linkedToCitizen(UUID accountId) {
		return this.jdbc.sql("""
				select coalesce(p.display_name, e.issuer) as provider, e.linked_at, e.last_sign_in_at,
				       e.last_trust_level
				from external_identity e left join identity_provider p on p.id = e.provider_id
				where e.citizen_account_id = :id
				order by e.last_sign_in_at desc""")
			.param("id", accountId)
			.query((rs, row) -> new LinkedIdentity(rs.getString("provider"), rs.getTimestamp("linked_at").toInstant(),
					rs.getTimestamp("last_sign_in_at").toInstant(),
					TrustLevel.valueOf(rs.getString("last_trust_level"))))
			.list();
	}

	public Optional<Citizen> findCitizen(UUID id) {
		return this.jdbc.sql("""
				select id, email, given_name, family_name, email_confirmed_at is not null as confirmed
				from citizen_account where id = :id""").param("id", id).query(Citizen.class).optional();
	}

	public Optional<Citizen> findCitizenByEmail(String email) {
		return this.jdbc.sql("""
				select id, email, given_name, family_name, email_confirmed_at is not null as confirmed
				from citizen_account where lower(email) = lower(:email)""")
			.param("email", email.trim())
			.query(Citizen.class)
			.optional();
	}

	/** A citizen account without a password: it is signed in to through the provider. */
	public UUID insertCitizen(String email, boolean emailConfirmed, String givenName, String familyName,
			TrustLevel level, Instant now) {
		return this.jdbc.sql("""
				insert into citizen_account (email, email_confirmed_at, password_hash, given_name, family_name,
				                             trust_level, created_at, updated_at)
				values (:email, :confirmedAt, null, :givenName, :familyName, :level, :now, :now)
				returning id""")
			.param("email", email.trim())
			.param("confirmedAt", emailConfirmed ? Timestamp.from(now) : null)
			.param("givenName", givenName)
			.param("familyName", familyName)
			.param("level", level.name())
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.single();
	}

	/**
	 * Confirms the address of an account that never confirmed it, because the provider
	 * vouches for it now. Its password goes: whoever chose it never proved to own the
	 * address, so it must not open an account that now belongs to the provider's
	 * identity.
	 */
	public void confirmEmailAndDropPassword(UUID id, Instant now) {
		this.jdbc.sql("""
				update citizen_account set email_confirmed_at = :now, password_hash = null, updated_at = :now
				where id = :id and email_confirmed_at is null""")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Keeps the highest trust level ever proven on the account. */
	public void raiseTrustLevel(UUID id, TrustLevel level) {
		this.jdbc
			.sql("update citizen_account set trust_level = :level where id = :id and " + RANK.formatted("trust_level")
					+ " < " + RANK.formatted(":level"))
			.param("id", id)
			.param("level", level.name())
			.update();
	}

	public Optional<StaffMember> findStaff(UUID id) {
		return this.jdbc.sql("""
				select id, municipality_id, email, given_name, family_name, active
				from staff_account where id = :id""").param("id", id).query(StaffMember.class).optional();
	}

	public Optional<StaffMember> findStaffByEmail(String email) {
		return this.jdbc.sql("""
				select id, municipality_id, email, given_name, family_name, active
				from staff_account where lower(email) = lower(:email)""")
			.param("email", email.trim())
			.query(StaffMember.class)
			.optional();
	}

	/**
	 * A citizen account as sign-in needs it.
	 *
	 * @param id account
	 * @param email address
	 * @param givenName given name
	 * @param familyName family name
	 * @param confirmed whether the address is confirmed
	 */
	public record Citizen(UUID id, String email, String givenName, String familyName, boolean confirmed) {
	}

	/**
	 * A staff account as sign-in needs it.
	 *
	 * @param id account
	 * @param municipalityId municipality, null for portal operators
	 * @param email address
	 * @param givenName given name
	 * @param familyName family name
	 * @param active whether it may sign in
	 */
	public record StaffMember(UUID id, @Nullable UUID municipalityId, String email, String givenName, String familyName,
			boolean active) {
	}

	/**
	 * An identity linked to an account, as the citizen sees it.
	 *
	 * @param provider name of the provider last used (or its issuer)
	 * @param linkedAt when it was linked
	 * @param lastSignInAt when it was last used
	 * @param lastTrustLevel the level of that sign-in
	 */
	public record LinkedIdentity(String provider, Instant linkedAt, Instant lastSignInAt, TrustLevel lastTrustLevel) {
	}

}
