package de.amtsweg.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.accounts.TrustLevel;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code citizen_account}. */
@Repository
public class CitizenAccountRepository {

	private static final String USER_COLUMNS = """
			select id, email, given_name, family_name, trust_level, email_confirmed_at is not null as confirmed,
			       password_hash
			from citizen_account""";

	private final JdbcClient jdbc;

	public CitizenAccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<CitizenUser> findUserByEmail(String email) {
		return this.jdbc.sql(USER_COLUMNS + " where lower(email) = lower(:email)")
			.param("email", email.trim())
			.query(CitizenAccountRepository::user)
			.optional();
	}

	public Optional<CitizenUser> findUserById(UUID id) {
		return this.jdbc.sql(USER_COLUMNS + " where id = :id")
			.param("id", id)
			.query(CitizenAccountRepository::user)
			.optional();
	}

	public Optional<CitizenAccount> findById(UUID id) {
		return this.jdbc.sql("select * from citizen_account where id = :id")
			.param("id", id)
			.query(CitizenAccountRepository::account)
			.optional();
	}

	public Optional<CitizenAccount> findByEmail(String email) {
		return this.jdbc.sql("select * from citizen_account where lower(email) = lower(:email)")
			.param("email", email.trim())
			.query(CitizenAccountRepository::account)
			.optional();
	}

	public UUID insert(String email, @Nullable String passwordHash, String givenName, String familyName) {
		return this.jdbc.sql("""
				insert into citizen_account (email, password_hash, given_name, family_name)
				values (:email, :passwordHash, :givenName, :familyName) returning id""")
			.param("email", email.trim())
			.param("passwordHash", passwordHash)
			.param("givenName", givenName)
			.param("familyName", familyName)
			.query(UUID.class)
			.single();
	}

	/** A new, unconfirmed account, or empty if the address is taken. */
	public Optional<UUID> register(String email, String passwordHash, String language, Instant now) {
		return this.jdbc.sql("""
				insert into citizen_account (email, password_hash, preferred_language, created_at, updated_at)
				values (:email, :passwordHash, :language, :now, :now)
				on conflict ((lower(email))) do nothing returning id""")
			.param("email", email.trim())
			.param("passwordHash", passwordHash)
			.param("language", language)
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.optional();
	}

	public void recordLogin(UUID accountId) {
		this.jdbc.sql("update citizen_account set last_login_at = now() where id = :id")
			.param("id", accountId)
			.update();
	}

	public void changePasswordHash(UUID id, String passwordHash, Instant now) {
		this.jdbc.sql("update citizen_account set password_hash = :hash, updated_at = :now where id = :id")
			.param("hash", passwordHash)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/**
	 * Marks the address as confirmed, unless it already is. Whoever linked a provider
	 * identity to the account before its owner proved the mailbox loses that link: the
	 * account now belongs to the mailbox's owner.
	 */
	public void confirmEmail(UUID id, Instant now) {
		int confirmed = this.jdbc.sql("""
				update citizen_account set email_confirmed_at = :now, updated_at = :now
				where id = :id and email_confirmed_at is null""")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
		if (confirmed == 1) {
			this.jdbc.sql("delete from external_identity where citizen_account_id = :id").param("id", id).update();
		}
	}

	/** Changes the address; false if another account has it. */
	public boolean changeEmail(UUID id, String email, Instant now) {
		return this.jdbc.sql("""
				update citizen_account set email = :email, email_confirmed_at = :now, updated_at = :now
				where id = :id and not exists (select 1 from citizen_account other
				                               where lower(other.email) = lower(:email) and other.id <> :id)""")
			.param("email", email.trim())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update() == 1;
	}

	public void updateProfile(UUID id, ProfileData profile, Instant now) {
		this.jdbc.sql("""
				update citizen_account set given_name = :givenName, family_name = :familyName,
				       date_of_birth = :dateOfBirth, street = :street, postcode = :postcode, city = :city,
				       phone = :phone, home_municipality_id = :municipalityId, preferred_language = :language,
				       updated_at = :now
				where id = :id""")
			.param("givenName", profile.givenName())
			.param("familyName", profile.familyName())
			.param("dateOfBirth", profile.dateOfBirth())
			.param("street", profile.street())
			.param("postcode", profile.postcode())
			.param("city", profile.city())
			.param("phone", profile.phone())
			.param("municipalityId", profile.homeMunicipalityId())
			.param("language", profile.preferredLanguage())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	public boolean delete(UUID id) {
		return this.jdbc.sql("delete from citizen_account where id = :id").param("id", id).update() == 1;
	}

	public List<UUID> unconfirmedCreatedBefore(Instant before) {
		return this.jdbc.sql("""
				select id from citizen_account where email_confirmed_at is null and created_at < :before
				order by created_at limit 500""").param("before", Timestamp.from(before)).query(UUID.class).list();
	}

	private static CitizenUser user(ResultSet rs, int row) throws SQLException {
		return new CitizenUser(rs.getObject("id", UUID.class), rs.getString("email"),
				StaffAccountRepository.displayName(rs.getString("given_name"), rs.getString("family_name"),
						rs.getString("email")),
				// A password proves no more than LOW, whatever level a provider once
				// proved.
				TrustLevel.LOW, rs.getBoolean("confirmed"), rs.getString("password_hash"));
	}

	private static CitizenAccount account(ResultSet rs, int row) throws SQLException {
		Timestamp confirmed = rs.getTimestamp("email_confirmed_at");
		return new CitizenAccount(rs.getObject("id", UUID.class), rs.getString("email"),
				(confirmed != null) ? confirmed.toInstant() : null, rs.getString("password_hash"),
				rs.getString("given_name"), rs.getString("family_name"), rs.getObject("date_of_birth", LocalDate.class),
				rs.getString("street"), rs.getString("postcode"), rs.getString("city"), rs.getString("phone"),
				rs.getObject("home_municipality_id", UUID.class), TrustLevel.valueOf(rs.getString("trust_level")),
				rs.getString("preferred_language"), rs.getTimestamp("created_at").toInstant());
	}

	/**
	 * What the citizen enters on the profile page, checked.
	 *
	 * @param givenName given name
	 * @param familyName family name
	 * @param dateOfBirth date of birth, if given
	 * @param street street and house number
	 * @param postcode five digits or empty
	 * @param city city
	 * @param phone phone number
	 * @param homeMunicipalityId municipality of the address, if served here
	 * @param preferredLanguage {@code de} or {@code en}
	 */
	public record ProfileData(String givenName, String familyName, @Nullable LocalDate dateOfBirth, String street,
			String postcode, String city, String phone, @Nullable UUID homeMunicipalityId, String preferredLanguage) {
	}

}
