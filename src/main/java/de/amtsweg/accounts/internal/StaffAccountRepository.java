package de.amtsweg.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.accounts.StaffRole;
import de.amtsweg.accounts.StaffRoleGrant;
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

	public Optional<StaffRow> findById(UUID id) {
		return this.jdbc.sql("select " + ROW_COLUMNS + " from staff_account where id = :id")
			.param("id", id)
			.query(StaffAccountRepository::row)
			.optional();
	}

	/**
	 * The staff of a municipality by name, or with {@code null} the portal's operators
	 * (staff without municipality).
	 */
	public List<StaffRow> findByMunicipality(@Nullable UUID municipalityId) {
		return this.jdbc.sql("select " + ROW_COLUMNS + """
				 from staff_account
				where municipality_id is not distinct from cast(:municipalityId as uuid)
				order by lower(family_name), lower(given_name), lower(email)""")
			.param("municipalityId", municipalityId)
			.query(StaffAccountRepository::row)
			.list();
	}

	/** Roles of several staff members at once, for lists. */
	public Map<UUID, Map<UUID, Set<StaffRole>>> rolesOf(List<UUID> staffIds) {
		Map<UUID, Map<UUID, Set<StaffRole>>> roles = new HashMap<>();
		if (staffIds.isEmpty()) {
			return roles;
		}
		this.jdbc.sql("select staff_id, role, org_unit_id from staff_role where staff_id in (:ids)")
			.param("ids", staffIds)
			.query((rs) -> {
				UUID orgUnit = rs.getObject("org_unit_id", UUID.class);
				roles.computeIfAbsent(rs.getObject("staff_id", UUID.class), (key) -> new HashMap<>())
					.computeIfAbsent((orgUnit != null) ? orgUnit : StaffPrincipal.WHOLE_MUNICIPALITY,
							(key) -> EnumSet.noneOf(StaffRole.class))
					.add(StaffRole.valueOf(rs.getString("role")));
			});
		return roles;
	}

	public void updateNames(UUID id, String givenName, String familyName) {
		this.jdbc.sql("""
				update staff_account set given_name = :givenName, family_name = :familyName, updated_at = now()
				where id = :id""")
			.param("givenName", givenName)
			.param("familyName", familyName)
			.param("id", id)
			.update();
	}

	public void updateActive(UUID id, boolean active) {
		this.jdbc.sql("update staff_account set active = :active, updated_at = now() where id = :id")
			.param("active", active)
			.param("id", id)
			.update();
	}

	public void updatePasswordHash(UUID id, String passwordHash) {
		this.jdbc.sql("update staff_account set password_hash = :hash, updated_at = now() where id = :id")
			.param("hash", passwordHash)
			.param("id", id)
			.update();
	}

	/** Replaces every role of the member by the given ones (org unit null: whole). */
	public void replaceRoles(UUID staffId, Collection<StaffRoleGrant> grants) {
		this.jdbc.sql("delete from staff_role where staff_id = :id").param("id", staffId).update();
		grants.forEach((grant) -> grant(staffId, grant.role(), grant.orgUnitId()));
	}

	private static final String ROW_COLUMNS = """
			id, municipality_id, email, given_name, family_name, active, password_hash is not null as password_set,
			last_login_at, created_at""";

	private static StaffRow row(ResultSet rs, int row) throws SQLException {
		Timestamp lastLogin = rs.getTimestamp("last_login_at");
		return new StaffRow(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				rs.getString("email"), rs.getString("given_name"), rs.getString("family_name"), rs.getBoolean("active"),
				rs.getBoolean("password_set"), (lastLogin != null) ? lastLogin.toInstant() : null,
				rs.getTimestamp("created_at").toInstant());
	}

	/**
	 * A staff account as the administration sees it, without the password hash.
	 *
	 * @param id identifier
	 * @param municipalityId the municipality, null for the portal's operators
	 * @param email sign-in address
	 * @param givenName given name
	 * @param familyName family name
	 * @param active whether the member may sign in
	 * @param passwordSet whether a password was set (else the invitation is open)
	 * @param lastLoginAt the last sign-in, if any
	 * @param createdAt when the account was created
	 */
	public record StaffRow(UUID id, @Nullable UUID municipalityId, String email, String givenName, String familyName,
			boolean active, boolean passwordSet, @Nullable Instant lastLoginAt, Instant createdAt) {
	}

	static String displayName(String givenName, String familyName, String email) {
		String name = (givenName + " " + familyName).trim();
		return name.isEmpty() ? email : name;
	}

}
