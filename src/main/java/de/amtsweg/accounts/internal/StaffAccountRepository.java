package de.amtsweg.accounts.internal;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.accounts.StaffRole;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code staff_account} and {@code staff_role}. */
@Repository
public class StaffAccountRepository {

	private final JdbcClient jdbc;

	public StaffAccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<StaffUser> findByEmail(String email) {
		return this.jdbc.sql("""
				select id, municipality_id, email, given_name, family_name, active, password_hash
				from staff_account where lower(email) = lower(:email)""")
			.param("email", email.trim())
			.query((rs, row) -> new StaffUser(rs.getObject("id", UUID.class),
					rs.getObject("municipality_id", UUID.class), rs.getString("email"),
					displayName(rs.getString("given_name"), rs.getString("family_name"), rs.getString("email")),
					rs.getBoolean("active"), Map.of(), rs.getString("password_hash")))
			.optional()
			.map((user) -> new StaffUser(user.staffId(), user.municipalityId(), user.getUsername(), user.displayName(),
					user.isEnabled(), roles(user.staffId()), user.getPassword()));
	}

	public Map<UUID, Set<StaffRole>> roles(UUID staffId) {
		Map<UUID, Set<StaffRole>> roles = new HashMap<>();
		this.jdbc.sql("select role, org_unit_id from staff_role where staff_id = :id")
			.param("id", staffId)
			.query((rs) -> {
				UUID orgUnit = rs.getObject("org_unit_id", UUID.class);
				roles
					.computeIfAbsent((orgUnit != null) ? orgUnit : StaffPrincipal.WHOLE_MUNICIPALITY,
							(key) -> EnumSet.noneOf(StaffRole.class))
					.add(StaffRole.valueOf(rs.getString("role")));
			});
		return roles;
	}

	public UUID insert(@Nullable UUID municipalityId, String email, String givenName, String familyName,
			@Nullable String passwordHash) {
		return this.jdbc.sql("""
				insert into staff_account (municipality_id, email, given_name, family_name, password_hash)
				values (:municipalityId, :email, :givenName, :familyName, :passwordHash) returning id""")
			.param("municipalityId", municipalityId)
			.param("email", email.trim())
			.param("givenName", givenName)
			.param("familyName", familyName)
			.param("passwordHash", passwordHash)
			.query(UUID.class)
			.single();
	}

	public void grant(UUID staffId, StaffRole role, @Nullable UUID orgUnitId) {
		this.jdbc.sql("""
				insert into staff_role (staff_id, role, org_unit_id) values (:staffId, :role, :orgUnitId)
				on conflict do nothing""")
			.param("staffId", staffId)
			.param("role", role.name())
			.param("orgUnitId", orgUnitId)
			.update();
	}

	public void recordLogin(UUID staffId) {
		this.jdbc.sql("update staff_account set last_login_at = now() where id = :id").param("id", staffId).update();
	}

	public List<UUID> idsOfMunicipality(UUID municipalityId) {
		return this.jdbc.sql("select id from staff_account where municipality_id = :id")
			.param("id", municipalityId)
			.query(UUID.class)
			.list();
	}

	static String displayName(String givenName, String familyName, String email) {
		String name = (givenName + " " + familyName).trim();
		return name.isEmpty() ? email : name;
	}

}
