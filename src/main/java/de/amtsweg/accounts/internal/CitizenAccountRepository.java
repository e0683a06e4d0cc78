package de.amtsweg.accounts.internal;

import java.util.Optional;
import java.util.UUID;

import de.amtsweg.accounts.TrustLevel;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code citizen_account}. */
@Repository
public class CitizenAccountRepository {

	private final JdbcClient jdbc;

	public CitizenAccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<CitizenUser> findUserByEmail(String email) {
		return this.jdbc.sql("""
				select id, email, given_name, family_name, trust_level, email_confirmed_at is not null as confirmed,
				       password_hash
				from citizen_account where lower(email) = lower(:email)""")
			.param("email", email.trim())
			.query((rs, row) -> new CitizenUser(rs.getObject("id", UUID.class), rs.getString("email"),
					StaffAccountRepository.displayName(rs.getString("given_name"), rs.getString("family_name"),
							rs.getString("email")),
					TrustLevel.valueOf(rs.getString("trust_level")), rs.getBoolean("confirmed"),
					rs.getString("password_hash")))
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

	public void recordLogin(UUID accountId) {
		this.jdbc.sql("update citizen_account set last_login_at = now() where id = :id")
			.param("id", accountId)
			.update();
	}

}
