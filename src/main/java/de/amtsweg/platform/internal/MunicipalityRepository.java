package de.amtsweg.platform.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.platform.Ags;
import de.amtsweg.platform.District;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OpeningPeriod;
import de.amtsweg.platform.State;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code district}, {@code municipality} and {@code municipality_opening_period}.
 */
@Repository
public class MunicipalityRepository {

	private static final String COLUMNS = """
			id, slug, name, ags, state, district_id, street, postcode, city, phone, email, website, host_names, postcodes,
			logo is not null as has_logo""";

	private final JdbcClient jdbc;

	public MunicipalityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Municipality> findAll() {
		return withOpeningHours(this.jdbc.sql("select " + COLUMNS + " from municipality order by name")
			.query(MunicipalityRepository::municipality)
			.list());
	}

	public Optional<Municipality> findById(UUID id) {
		return one("id = :value", id);
	}

	public Optional<Municipality> findBySlug(String slug) {
		return one("slug = :value", slug);
	}

	public List<Municipality> findByPostcode(String postcode) {
		return withOpeningHours(
				this.jdbc.sql("select " + COLUMNS + " from municipality where :value = any(postcodes) order by name")
					.param("value", postcode)
					.query(MunicipalityRepository::municipality)
					.list());
	}

	public Optional<Municipality> findByHostName(String hostName) {
		return one(":value = any(host_names)", hostName.toLowerCase(java.util.Locale.ROOT));
	}

	private Optional<Municipality> one(String condition, Object value) {
		return withOpeningHours(this.jdbc.sql("select " + COLUMNS + " from municipality where " + condition)
			.param("value", value)
			.query(MunicipalityRepository::municipality)
			.list()).stream().findFirst();
	}

	public List<District> findDistricts() {
		return this.jdbc.sql("select id, slug, name, state from district order by name")
			.query((rs, row) -> new District(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("name"),
					State.valueOf(rs.getString("state"))))
			.list();
	}

	public UUID insertDistrict(String slug, String name, State state) {
		return this.jdbc.sql("insert into district (slug, name, state) values (:slug, :name, :state) returning id")
			.param("slug", slug)
			.param("name", name)
			.param("state", state.name())
			.query(UUID.class)
			.single();
	}

	public UUID insert(MunicipalityRow row) {
		return this.jdbc.sql("""
				insert into municipality (slug, name, ags, state, district_id, street, postcode, city, phone, email,
				                          website, host_names, postcodes)
				values (:slug, :name, :ags, :state, :districtId, :street, :postcode, :city, :phone, :email, :website,
				        :hostNames, :postcodes)
				returning id""").params(row.parameters()).query(UUID.class).single();
	}

	public boolean update(UUID id, MunicipalityRow row) {
		Map<String, Object> parameters = row.parameters();
		parameters.put("id", id);
		return this.jdbc.sql("""
				update municipality set slug = :slug, name = :name, ags = :ags, state = :state,
				       district_id = :districtId, street = :street, postcode = :postcode, city = :city,
				       phone = :phone, email = :email, website = :website, host_names = :hostNames,
				       postcodes = :postcodes, updated_at = now()
				where id = :id""").params(parameters).update() == 1;
	}

	public void replaceOpeningHours(UUID municipalityId, List<OpeningPeriod> periods) {
		this.jdbc.sql("delete from municipality_opening_period where municipality_id = :id")
			.param("id", municipalityId)
			.update();
		for (OpeningPeriod period : periods) {
			this.jdbc.sql("""
					insert into municipality_opening_period (municipality_id, day_of_week, opens, closes)
					values (:id, :day, :opens, :closes)""")
				.param("id", municipalityId)
				.param("day", period.day().getValue())
				.param("opens", period.opens())
				.param("closes", period.closes())
				.update();
		}
	}

	public void updateLogo(UUID id, byte @Nullable [] logo, @Nullable String contentType) {
		this.jdbc.sql("update municipality set logo = :logo, logo_type = :type, updated_at = now() where id = :id")
			.param("logo", logo)
			.param("type", contentType)
			.param("id", id)
			.update();
	}

	public Optional<StoredLogo> findLogo(UUID id) {
		return this.jdbc.sql("select logo, logo_type from municipality where id = :id and logo is not null")
			.param("id", id)
			.query((rs, row) -> new StoredLogo(rs.getBytes("logo"), rs.getString("logo_type")))
			.optional();
	}

	private List<Municipality> withOpeningHours(List<Municipality> municipalities) {
		if (municipalities.isEmpty()) {
			return municipalities;
		}
		Map<UUID, List<OpeningPeriod>> periods = new HashMap<>();
		this.jdbc.sql("""
				select municipality_id, day_of_week, opens, closes from municipality_opening_period
				where municipality_id in (:ids) order by day_of_week, opens""")
			.param("ids", municipalities.stream().map(Municipality::id).toList())
			.query((rs) -> {
				periods.computeIfAbsent(rs.getObject("municipality_id", UUID.class), (key) -> new ArrayList<>())
					.add(new OpeningPeriod(DayOfWeek.of(rs.getInt("day_of_week")), rs.getTime("opens").toLocalTime(),
							rs.getTime("closes").toLocalTime()));
			});
		return municipalities.stream()
			.map((m) -> new Municipality(m.id(), m.slug(), m.name(), m.ags(), m.state(), m.districtId(), m.address(),
					m.contact(), m.hostNames(), m.postcodes(), m.hasLogo(),
					List.copyOf(periods.getOrDefault(m.id(), List.of()))))
			.toList();
	}

	private static Municipality municipality(ResultSet rs, int row) throws SQLException {
		return new Municipality(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("name"),
				new Ags(rs.getString("ags")), State.valueOf(rs.getString("state")),
				rs.getObject("district_id", UUID.class),
				new Municipality.Address(rs.getString("street"), rs.getString("postcode"), rs.getString("city")),
				new Municipality.Contact(rs.getString("phone"), rs.getString("email"), rs.getString("website")),
				strings(rs.getArray("host_names")), strings(rs.getArray("postcodes")), rs.getBoolean("has_logo"),
				List.of());
	}

	private static List<String> strings(Array array) throws SQLException {
		return List.of((String[]) array.getArray());
	}

	/** The columns an admin edits. */
	public record MunicipalityRow(String slug, String name, String ags, State state, @Nullable UUID districtId,
			String street, String postcode, String city, String phone, String email, String website,
			List<String> hostNames, List<String> postcodes) {

		Map<String, Object> parameters() {
			Map<String, Object> parameters = new HashMap<>();
			parameters.put("slug", this.slug);
			parameters.put("name", this.name);
			parameters.put("ags", this.ags);
			parameters.put("state", this.state.name());
			parameters.put("districtId", this.districtId);
			parameters.put("street", this.street);
			parameters.put("postcode", this.postcode);
			parameters.put("city", this.city);
			parameters.put("phone", this.phone);
			parameters.put("email", this.email);
			parameters.put("website", this.website);
			parameters.put("hostNames", this.hostNames.toArray(String[]::new));
			parameters.put("postcodes", this.postcodes.toArray(String[]::new));
			return parameters;
		}

	}

	/** A logo as stored. */
	public record StoredLogo(byte[] content, String contentType) {
	}

}
