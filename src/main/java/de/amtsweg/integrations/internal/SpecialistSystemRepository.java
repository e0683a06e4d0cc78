package de.amtsweg.integrations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code integration_system}, {@code integration_system_org_unit},
 * {@code integration_api_key}, {@code integration_client_secret},
 * {@code integration_access_token}.
 */
@Repository
class SpecialistSystemRepository {

	private static final String SYSTEM_COLUMNS = """
			s.id, s.municipality_id, s.name, s.webhook_url, s.webhook_secret, s.created_at,
			array(select u.org_unit_id from integration_system_org_unit u where u.system_id = s.id
			      order by u.org_unit_id) as org_units""";

	private final JdbcClient jdbc;

	SpecialistSystemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean nameTaken(UUID municipalityId, String name) {
		return this.jdbc.sql("select count(*) from integration_system where municipality_id = :m and name = :n")
			.param("m", municipalityId)
			.param("n", name)
			.query(Long.class)
			.single() > 0;
	}

	void insert(UUID id, UUID municipalityId, String name, Collection<UUID> orgUnitIds, Instant at) {
		this.jdbc.sql("""
				insert into integration_system (id, municipality_id, name, created_at)
				values (:id, :m, :n, :at)""")
			.param("id", id)
			.param("m", municipalityId)
			.param("n", name)
			.param("at", Timestamp.from(at))
			.update();
		for (UUID unit : orgUnitIds) {
			this.jdbc.sql("insert into integration_system_org_unit (system_id, org_unit_id) values (:s, :u)")
				.param("s", id)
				.param("u", unit)
				.update();
		}
	}

	List<SpecialistSystem> ofMunicipality(UUID municipalityId) {
		return this.jdbc
			.sql("select " + SYSTEM_COLUMNS + " from integration_system s where s.municipality_id = :m"
					+ " order by s.name")
			.param("m", municipalityId)
			.query(SpecialistSystemRepository::system)
			.list();
	}

	Optional<SpecialistSystem> find(UUID id) {
		return this.jdbc.sql("select " + SYSTEM_COLUMNS + " from integration_system s where s.id = :id")
			.param("id", id)
			.query(SpecialistSystemRepository::system)
			.optional();
	}

	/** The systems with a webhook that see the org unit. */
	List<SpecialistSystem> subscribedTo(UUID orgUnitId) {
		return this.jdbc.sql("select " + SYSTEM_COLUMNS + " " + """
				from integration_system s
				where s.webhook_url is not null
				  and exists (select 1 from integration_system_org_unit u
				               where u.system_id = s.id and u.org_unit_id = :unit)""")
			.param("unit", orgUnitId)
			.query(SpecialistSystemRepository::system)
			.list();
	}

	void setWebhook(UUID id, @Nullable String url, @Nullable String secret) {
		this.jdbc.sql("update integration_system set webhook_url = :url, webhook_secret = :secret where id = :id")
			.param("url", url, java.sql.Types.VARCHAR)
			.param("secret", secret, java.sql.Types.VARCHAR)
			.param("id", id)
			.update();
	}

	void insertKey(UUID id, UUID systemId, String prefix, String hash, Instant at) {
		insertCredential(API_KEYS, id, systemId, prefix, hash, at);
	}

	List<ApiKey> keys(UUID systemId) {
		return credentials(API_KEYS, systemId);
	}

	boolean revokeKey(UUID systemId, UUID keyId, Instant at) {
		return revokeCredential(API_KEYS, systemId, keyId, at);
	}

	/*
	 * API keys and client secrets are stored alike (prefix, hash, created, revoked); the
	 * table names are constants of this class, never input.
	 */
	private static final String API_KEYS = "integration_api_key";

	private static final String CLIENT_SECRETS = "integration_client_secret";

	private void insertCredential(String table, UUID id, UUID systemId, String prefix, String hash, Instant at) {
		this.jdbc.sql("""
				insert into %s (id, system_id, prefix, hash, created_at)
				values (:id, :s, :p, :h, :at)""".formatted(table))
			.param("id", id)
			.param("s", systemId)
			.param("p", prefix)
			.param("h", hash)
			.param("at", Timestamp.from(at))
			.update();
	}

	private List<ApiKey> credentials(String table, UUID systemId) {
		return this.jdbc.sql("""
				select id, system_id, prefix, created_at, revoked_at from %s
				 where system_id = :s order by created_at desc""".formatted(table))
			.param("s", systemId)
			.query(SpecialistSystemRepository::key)
			.list();
	}

	private boolean revokeCredential(String table, UUID systemId, UUID id, Instant at) {
		return this.jdbc.sql("""
				update %s set revoked_at = :at
				 where id = :id and system_id = :s and revoked_at is null""".formatted(table))
			.param("at", Timestamp.from(at))
			.param("id", id)
			.param("s", systemId)
			.update() == 1;
	}

	/** The system of an active key, found by the key's hash. */
	Optional<SpecialistSystemPrincipal> activeKey(String hash) {
		return this.jdbc.sql("""
				select k.id as key_id, s.id, s.municipality_id, s.name,
				       array(select u.org_unit_id from integration_system_org_unit u where u.system_id = s.id)
				           as org_units
				  from integration_api_key k join integration_system s on s.id = k.system_id
				 where k.hash = :h and k.revoked_at is null""")
			.param("h", hash)
			.query(SpecialistSystemRepository::principal)
			.optional();
	}

	void insertClientSecret(UUID id, UUID systemId, String prefix, String hash, Instant at) {
		insertCredential(CLIENT_SECRETS, id, systemId, prefix, hash, at);
	}

	List<ApiKey> clientSecrets(UUID systemId) {
		return credentials(CLIENT_SECRETS, systemId);
	}

	/** Revokes the secret and drops the tokens issued for it. */
	boolean revokeClientSecret(UUID systemId, UUID secretId, Instant at) {
		boolean revoked = revokeCredential(CLIENT_SECRETS, systemId, secretId, at);
		this.jdbc.sql("delete from integration_access_token where secret_id = :id").param("id", secretId).update();
		return revoked;
	}

	/**
	 * The active secret of the client with the hash; the principal carries the secret's
	 * id.
	 */
	Optional<SpecialistSystemPrincipal> activeClientSecret(UUID systemId, String hash) {
		return this.jdbc.sql("""
				select c.id as key_id, s.id, s.municipality_id, s.name,
				       array(select u.org_unit_id from integration_system_org_unit u where u.system_id = s.id)
				           as org_units
				  from integration_client_secret c join integration_system s on s.id = c.system_id
				 where c.system_id = :s and c.hash = :h and c.revoked_at is null""")
			.param("s", systemId)
			.param("h", hash)
			.query(SpecialistSystemRepository::principal)
			.optional();
	}

	void insertToken(String hash, UUID secretId, Collection<UUID> orgUnitIds, Instant issuedAt, Instant expiresAt) {
		// expired tokens of the secret go as a new one comes
		this.jdbc.sql("delete from integration_access_token where secret_id = :s and expires_at <= :now")
			.param("s", secretId)
			.param("now", Timestamp.from(issuedAt))
			.update();
		this.jdbc.sql("""
				insert into integration_access_token (hash, secret_id, org_unit_ids, issued_at, expires_at)
				values (:h, :s, :units, :issued, :expires)""")
			.param("h", hash)
			.param("s", secretId)
			.param("units", orgUnitIds.toArray(new UUID[0]))
			.param("issued", Timestamp.from(issuedAt))
			.param("expires", Timestamp.from(expiresAt))
			.update();
	}

	/**
	 * The system of an unexpired token whose secret is not revoked; its org units are
	 * those of the token's scope the system still has.
	 */
	Optional<SpecialistSystemPrincipal> activeToken(String hash, Instant now) {
		return this.jdbc.sql("""
				select c.id as key_id, s.id, s.municipality_id, s.name,
				       array(select u.org_unit_id from integration_system_org_unit u
				              where u.system_id = s.id and u.org_unit_id = any(t.org_unit_ids)) as org_units
				  from integration_access_token t
				  join integration_client_secret c on c.id = t.secret_id
				  join integration_system s on s.id = c.system_id
				 where t.hash = :h and t.expires_at > :now and c.revoked_at is null""")
			.param("h", hash)
			.param("now", Timestamp.from(now))
			.query(SpecialistSystemRepository::principal)
			.optional();
	}

	private static SpecialistSystem system(ResultSet rs, int row) throws SQLException {
		return new SpecialistSystem(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				rs.getString("name"), uuids(rs), rs.getString("webhook_url"), rs.getString("webhook_secret"),
				rs.getTimestamp("created_at").toInstant());
	}

	private static SpecialistSystemPrincipal principal(ResultSet rs, int row) throws SQLException {
		return new SpecialistSystemPrincipal(rs.getObject("id", UUID.class), rs.getObject("key_id", UUID.class),
				rs.getObject("municipality_id", UUID.class), rs.getString("name"), java.util.Set.copyOf(uuids(rs)));
	}

	private static List<UUID> uuids(ResultSet rs) throws SQLException {
		Object[] array = (Object[]) rs.getArray("org_units").getArray();
		return Arrays.stream(array).map((value) -> (UUID) value).toList();
	}

	private static ApiKey key(ResultSet rs, int row) throws SQLException {
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new ApiKey(rs.getObject("id", UUID.class), rs.getObject("system_id", UUID.class), rs.getString("prefix"),
				rs.getTimestamp("created_at").toInstant(), (revoked != null) ? revoked.toInstant() : null);
	}

}
