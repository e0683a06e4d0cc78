package de.amtsweg.accounts.internal.oidc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.accounts.TrustLevel;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code identity_provider} and {@code identity_provider_trust_level}. */
@Repository
public class IdentityProviderRepository {

	private static final String COLUMNS = """
			id, registration_id, municipality_id, audience, display_name, issuer_uri, client_id, scopes,
			trust_level_claim, enabled, version""";

	private final JdbcClient jdbc;

	public IdentityProviderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<IdentityProvider> findAll() {
		return withTrustLevels(this.jdbc.sql("select " + COLUMNS + """
				 from identity_provider
				order by municipality_id nulls first, audience, lower(display_name)""").query(this::row).list());
	}

	public Optional<IdentityProvider> findById(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from identity_provider where id = :id")
			.param("id", id)
			.query(this::row)
			.optional()
			.map(this::withTrustLevels);
	}

	public Optional<IdentityProvider> findByRegistrationId(String registrationId) {
		return this.jdbc.sql("select " + COLUMNS + " from identity_provider where registration_id = :registrationId")
			.param("registrationId", registrationId)
			.query(this::row)
			.optional()
			.map(this::withTrustLevels);
	}

	/**
	 * The enabled providers of an audience usable in a municipality: its own and the
	 * portal-wide ones.
	 */
	public List<IdentityProvider> findEnabled(Audience audience, @Nullable UUID municipalityId) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from identity_provider
				where enabled and audience = :audience
				  and (municipality_id is null or municipality_id = :municipalityId)
				order by municipality_id nulls last, lower(display_name)""")
			.param("audience", audience.name())
			.param("municipalityId", municipalityId)
			.query(this::row)
			.list();
	}

	/** Whether some municipality has enabled providers of its own for the audience. */
	public boolean anyOfMunicipalities(Audience audience) {
		return this.jdbc.sql("""
				select exists (select 1 from identity_provider
				               where enabled and audience = :audience and municipality_id is not null)""")
			.param("audience", audience.name())
			.query(Boolean.class)
			.single();
	}

	/** The secret of a provider; read only to build its client registration. */
	public Optional<String> clientSecret(UUID id) {
		return this.jdbc.sql("select client_secret from identity_provider where id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	public UUID insert(Settings settings, String clientSecret, Instant now) {
		UUID id = this.jdbc.sql("""
				insert into identity_provider (registration_id, municipality_id, audience, display_name, issuer_uri,
				                               client_id, client_secret, scopes, trust_level_claim, enabled,
				                               created_at, updated_at)
				values (:registrationId, :municipalityId, :audience, :displayName, :issuerUri, :clientId,
				        :clientSecret, string_to_array(:scopes, ' '), :claim, :enabled, :now, :now)
				returning id""").paramSource(parameters(settings, clientSecret, now)).query(UUID.class).single();
		replaceTrustLevels(id, settings.trustLevels());
		return id;
	}

	/**
	 * Changes a provider; the registration id stays. A null secret keeps the stored one.
	 */
	public boolean update(UUID id, Settings settings, @Nullable String clientSecret, Instant now) {
		int updated = this.jdbc.sql("""
				update identity_provider
				   set municipality_id = :municipalityId, audience = :audience, display_name = :displayName,
				       issuer_uri = :issuerUri, client_id = :clientId,
				       client_secret = coalesce(:clientSecret, client_secret),
				       scopes = string_to_array(:scopes, ' '), trust_level_claim = :claim, enabled = :enabled,
				       version = version + 1, updated_at = :now
				 where id = :id""").paramSource(parameters(settings, clientSecret, now).addValue("id", id)).update();
		if (updated == 0) {
			return false;
		}
		replaceTrustLevels(id, settings.trustLevels());
		return true;
	}

	private static MapSqlParameterSource parameters(Settings settings, @Nullable String clientSecret, Instant now) {
		return new MapSqlParameterSource().addValue("registrationId", settings.registrationId())
			.addValue("municipalityId", settings.municipalityId())
			.addValue("audience", settings.audience().name())
			.addValue("displayName", settings.displayName())
			.addValue("issuerUri", settings.issuerUri())
			.addValue("clientId", settings.clientId())
			.addValue("clientSecret", clientSecret, Types.VARCHAR)
			.addValue("scopes", String.join(" ", settings.scopes()))
			.addValue("claim", settings.trustLevelClaim())
			.addValue("enabled", settings.enabled())
			.addValue("now", Timestamp.from(now));
	}

	private void replaceTrustLevels(UUID id, Map<String, TrustLevel> trustLevels) {
		this.jdbc.sql("delete from identity_provider_trust_level where provider_id = :id").param("id", id).update();
		trustLevels.forEach((value, level) -> this.jdbc.sql("""
				insert into identity_provider_trust_level (provider_id, claim_value, trust_level)
				values (:id, :value, :level)""")
			.param("id", id)
			.param("value", value)
			.param("level", level.name())
			.update());
	}

	private List<IdentityProvider> withTrustLevels(List<IdentityProvider> providers) {
		return providers.stream().map(this::withTrustLevels).toList();
	}

	private IdentityProvider withTrustLevels(IdentityProvider provider) {
		Map<String, TrustLevel> levels = new LinkedHashMap<>();
		this.jdbc.sql("""
				select claim_value, trust_level from identity_provider_trust_level
				where provider_id = :id order by lower(claim_value)""").param("id", provider.id()).query((rs) -> {
			levels.put(rs.getString("claim_value"), TrustLevel.valueOf(rs.getString("trust_level")));
		});
		return new IdentityProvider(provider.id(), provider.registrationId(), provider.municipalityId(),
				provider.audience(), provider.displayName(), provider.issuerUri(), provider.clientId(),
				provider.scopes(), provider.trustLevelClaim(), levels, provider.enabled(), provider.version());
	}

	private IdentityProvider row(ResultSet rs, int row) throws SQLException {
		Array scopes = rs.getArray("scopes");
		return new IdentityProvider(rs.getObject("id", UUID.class), rs.getString("registration_id"),
				rs.getObject("municipality_id", UUID.class), Audience.valueOf(rs.getString("audience")),
				rs.getString("display_name"), rs.getString("issuer_uri"), rs.getString("client_id"),
				List.copyOf(Arrays.asList((String[]) scopes.getArray())), rs.getString("trust_level_claim"), Map.of(),
				rs.getBoolean("enabled"), rs.getInt("version"));
	}

	/**
	 * What an administrator sets, checked.
	 *
	 * @param registrationId short name in the paths (ignored on update)
	 * @param municipalityId the municipality served, or null for the whole portal
	 * @param audience citizens or staff
	 * @param displayName name on the button
	 * @param issuerUri the issuer
	 * @param clientId the client id
	 * @param scopes scopes including {@code openid}
	 * @param trustLevelClaim claim of the level of assurance
	 * @param trustLevels own claim values
	 * @param enabled whether usable
	 */
	public record Settings(String registrationId, @Nullable UUID municipalityId, Audience audience, String displayName,
			String issuerUri, String clientId, List<String> scopes, String trustLevelClaim,
			Map<String, TrustLevel> trustLevels, boolean enabled) {
	}

}
