package de.amtsweg.catalog.internal;

import java.sql.ResultSet;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.catalog.LocalizedText;
import de.amtsweg.catalog.Location;
import de.amtsweg.catalog.LocationDetails;
import de.amtsweg.catalog.OpeningException;
import de.amtsweg.platform.OpeningPeriod;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code catalog_location}, {@code catalog_opening_period} and
 * {@code catalog_opening_exception}.
 */
@Repository
public class LocationRepository {

	private final JdbcClient jdbc;

	public LocationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Location> ofMunicipality(UUID municipalityId) {
		return load(this.jdbc.sql("select id from catalog_location where municipality_id = :m order by name")
			.param("m", municipalityId)
			.query(UUID.class)
			.list());
	}

	public Optional<Location> findById(UUID id) {
		return load(List.of(id)).stream().findFirst();
	}

	public Optional<UUID> findIdByKey(UUID municipalityId, String key) {
		return this.jdbc.sql("select id from catalog_location where municipality_id = :m and key = :key")
			.param("m", municipalityId)
			.param("key", key)
			.query(UUID.class)
			.optional();
	}

	/** The locations with their opening hours and exceptions, in the order of the ids. */
	public List<Location> load(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<UUID> idList = List.copyOf(ids);
		Map<UUID, List<OpeningPeriod>> periods = new HashMap<>();
		this.jdbc.sql("select * from catalog_opening_period where location_id in (:ids) order by day_of_week, opens")
			.param("ids", idList)
			.query((ResultSet rs) -> {
				periods.computeIfAbsent(rs.getObject("location_id", UUID.class), (key) -> new ArrayList<>())
					.add(new OpeningPeriod(DayOfWeek.of(rs.getInt("day_of_week")), rs.getTime("opens").toLocalTime(),
							rs.getTime("closes").toLocalTime()));
			});
		Map<UUID, List<OpeningException>> exceptions = new HashMap<>();
		this.jdbc.sql("select * from catalog_opening_exception where location_id in (:ids) order by day")
			.param("ids", idList)
			.query((ResultSet rs) -> {
				exceptions.computeIfAbsent(rs.getObject("location_id", UUID.class), (key) -> new ArrayList<>())
					.add(new OpeningException(rs.getObject("id", UUID.class), rs.getObject("day", LocalDate.class),
							time(rs.getTime("opens")), time(rs.getTime("closes")), ServiceRepository.text(rs, "note")));
			});
		Map<UUID, Location> found = new LinkedHashMap<>();
		this.jdbc.sql("select * from catalog_location where id in (:ids)")
			.param("ids", idList)
			.query((ResultSet rs) -> {
				UUID id = rs.getObject("id", UUID.class);
				found.put(id,
						new Location(id, rs.getObject("municipality_id", UUID.class), rs.getString("key"),
								rs.getString("name"), rs.getString("street"), rs.getString("postcode"),
								rs.getString("city"), ServiceRepository.text(rs, "accessibility"),
								rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getString("phone"),
								rs.getString("email"), List.copyOf(periods.getOrDefault(id, List.of())),
								List.copyOf(exceptions.getOrDefault(id, List.of()))));
			});
		return idList.stream().map(found::get).filter((location) -> location != null).toList();
	}

	public UUID insert(UUID municipalityId, LocationDetails details) {
		UUID id = this.jdbc.sql("""
				insert into catalog_location (municipality_id, key, name, street, postcode, city, accessibility_de,
				       accessibility_en, latitude, longitude, phone, email)
				values (:m, :key, :name, :street, :postcode, :city, :accessibilityDe, :accessibilityEn, :latitude,
				        :longitude, :phone, :email)
				returning id""").param("m", municipalityId).params(parameters(details)).query(UUID.class).single();
		replaceOpeningHours(id, details.openingHours());
		return id;
	}

	public void update(UUID id, LocationDetails details) {
		this.jdbc.sql("""
				update catalog_location set key = :key, name = :name, street = :street, postcode = :postcode,
				       city = :city, accessibility_de = :accessibilityDe, accessibility_en = :accessibilityEn,
				       latitude = :latitude, longitude = :longitude, phone = :phone, email = :email
				where id = :id""").param("id", id).params(parameters(details)).update();
		replaceOpeningHours(id, details.openingHours());
	}

	public void delete(UUID id) {
		this.jdbc.sql("delete from catalog_location where id = :id").param("id", id).update();
	}

	private void replaceOpeningHours(UUID id, List<OpeningPeriod> periods) {
		this.jdbc.sql("delete from catalog_opening_period where location_id = :id").param("id", id).update();
		for (OpeningPeriod period : periods) {
			this.jdbc.sql("""
					insert into catalog_opening_period (location_id, day_of_week, opens, closes)
					values (:id, :day, :opens, :closes)""")
				.param("id", id)
				.param("day", period.day().getValue())
				.param("opens", period.opens())
				.param("closes", period.closes())
				.update();
		}
	}

	public UUID insertException(UUID locationId, LocalDate day, @Nullable LocalTime opens, @Nullable LocalTime closes,
			LocalizedText note) {
		return this.jdbc
			.sql("""
					insert into catalog_opening_exception (location_id, day, opens, closes, note_de, note_en)
					values (:location, :day, :opens, :closes, :noteDe, :noteEn)
					on conflict (location_id, day) do update
					set opens = excluded.opens, closes = excluded.closes, note_de = excluded.note_de, note_en = excluded.note_en
					returning id""")
			.param("location", locationId)
			.param("day", day)
			.param("opens", opens)
			.param("closes", closes)
			.param("noteDe", note.de())
			.param("noteEn", note.en())
			.query(UUID.class)
			.single();
	}

	public void deleteExceptions(UUID locationId) {
		this.jdbc.sql("delete from catalog_opening_exception where location_id = :location")
			.param("location", locationId)
			.update();
	}

	public boolean deleteException(UUID locationId, UUID exceptionId) {
		return this.jdbc.sql("delete from catalog_opening_exception where id = :id and location_id = :location")
			.param("id", exceptionId)
			.param("location", locationId)
			.update() == 1;
	}

	private static @Nullable LocalTime time(@Nullable Time time) {
		return (time != null) ? time.toLocalTime() : null;
	}

	private static Map<String, Object> parameters(LocationDetails details) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("key", details.key());
		parameters.put("name", details.name());
		parameters.put("street", details.street());
		parameters.put("postcode", details.postcode());
		parameters.put("city", details.city());
		parameters.put("accessibilityDe", details.accessibility().de());
		parameters.put("accessibilityEn", details.accessibility().en());
		parameters.put("latitude", details.latitude());
		parameters.put("longitude", details.longitude());
		parameters.put("phone", details.phone());
		parameters.put("email", details.email());
		return parameters;
	}

}
