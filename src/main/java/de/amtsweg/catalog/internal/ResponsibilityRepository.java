package de.amtsweg.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.catalog.ActivityState;
import de.amtsweg.catalog.Contact;
import de.amtsweg.catalog.Fee;
import de.amtsweg.catalog.Responsibility;
import de.amtsweg.catalog.ResponsibilityDetails;
import de.amtsweg.catalog.Rollout;
import de.amtsweg.catalog.RolloutStatus;
import de.amtsweg.catalog.ServiceKind;
import de.amtsweg.catalog.ServiceSummary;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code catalog_offering}, {@code catalog_offering_activity},
 * {@code catalog_contact} and {@code catalog_offering_location}; view
 * {@code catalog_offering_rollout}.
 */
@Repository
public class ResponsibilityRepository {

	private static final String SUMMARY_COLUMNS = """
			s.id as service_id, o.id as offering_id, s.slug, s.leika_key, s.kind, s.district_id is not null as shared,
			s.name_de, s.name_en, s.summary_de, s.summary_en, u.name as org_unit_name, o.online_url,
			r.maturity, r.activities, r.activities_online, r.activities_in_progress""";

	private final JdbcClient jdbc;

	private final ServiceRepository services;

	public ResponsibilityRepository(JdbcClient jdbc, ServiceRepository services) {
		this.jdbc = jdbc;
		this.services = services;
	}

	public Optional<Responsibility> findById(UUID id) {
		return load(List.of(id)).stream().findFirst();
	}

	public Optional<UUID> findId(UUID municipalityId, UUID serviceId) {
		return this.jdbc.sql("select id from catalog_offering where municipality_id = :m and service_id = :s")
			.param("m", municipalityId)
			.param("s", serviceId)
			.query(UUID.class)
			.optional();
	}

	/** The responsibilities, with fees, contacts, locations and activity states. */
	public List<Responsibility> load(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<UUID> idList = List.copyOf(ids);
		Map<UUID, List<Fee>> fees = this.services.feesOf("offering_id", idList);
		Map<UUID, List<Contact>> contacts = new HashMap<>();
		this.jdbc.sql("select * from catalog_contact where offering_id in (:ids) order by position")
			.param("ids", idList)
			.query((ResultSet rs) -> {
				contacts.computeIfAbsent(rs.getObject("offering_id", UUID.class), (key) -> new ArrayList<>())
					.add(contact(rs));
			});
		Map<UUID, List<UUID>> locations = new HashMap<>();
		this.jdbc.sql("""
				select ol.offering_id, ol.location_id from catalog_offering_location ol
				join catalog_location l on l.id = ol.location_id
				where ol.offering_id in (:ids) order by l.name""").param("ids", idList).query((ResultSet rs) -> {
			locations.computeIfAbsent(rs.getObject("offering_id", UUID.class), (key) -> new ArrayList<>())
				.add(rs.getObject("location_id", UUID.class));
		});
		Map<UUID, Map<UUID, ActivityState>> states = new HashMap<>();
		this.jdbc.sql("select * from catalog_offering_activity where offering_id in (:ids)")
			.param("ids", idList)
			.query((ResultSet rs) -> {
				states.computeIfAbsent(rs.getObject("offering_id", UUID.class), (key) -> new HashMap<>())
					.put(rs.getObject("activity_id", UUID.class), new ActivityState(rs.getInt("maturity"),
							RolloutStatus.valueOf(rs.getString("status")), rs.getString("online_url")));
			});
		Map<UUID, Responsibility> found = new LinkedHashMap<>();
		this.jdbc.sql("select * from catalog_offering where id in (:ids)")
			.param("ids", idList)
			.query((ResultSet rs) -> {
				UUID id = rs.getObject("id", UUID.class);
				found.put(id,
						new Responsibility(id, rs.getObject("municipality_id", UUID.class),
								rs.getObject("service_id", UUID.class), rs.getObject("org_unit_id", UUID.class),
								rs.getInt("base_maturity"), rs.getString("online_url"), rs.getString("appointment_url"),
								rs.getBoolean("by_visit"), rs.getBoolean("by_post"), ServiceRepository.text(rs, "note"),
								List.copyOf(fees.getOrDefault(id, List.of())),
								List.copyOf(contacts.getOrDefault(id, List.of())),
								List.copyOf(locations.getOrDefault(id, List.of())),
								Map.copyOf(states.getOrDefault(id, Map.of()))));
			});
		return idList.stream().map(found::get).filter((r) -> r != null).toList();
	}

	/** Responsibility ids of the municipality, by service name. */
	public List<UUID> idsOf(UUID municipalityId) {
		return this.jdbc.sql("""
				select o.id from catalog_offering o join catalog_service s on s.id = o.service_id
				where o.municipality_id = :m order by s.sort_name""")
			.param("m", municipalityId)
			.query(UUID.class)
			.list();
	}

	public UUID insert(UUID municipalityId, UUID serviceId, ResponsibilityDetails details) {
		UUID id = this.jdbc.sql("""
				insert into catalog_offering (municipality_id, service_id, org_unit_id, base_maturity, online_url,
				       appointment_url, by_visit, by_post, note_de, note_en)
				values (:m, :s, :orgUnit, :maturity, :onlineUrl, :appointmentUrl, :visit, :post, :noteDe, :noteEn)
				returning id""")
			.param("m", municipalityId)
			.param("s", serviceId)
			.params(parameters(details))
			.query(UUID.class)
			.single();
		replaceLocations(id, municipalityId, details.locationIds());
		return id;
	}

	public void update(UUID id, UUID municipalityId, ResponsibilityDetails details) {
		this.jdbc.sql("""
				update catalog_offering set org_unit_id = :orgUnit, base_maturity = :maturity,
				       online_url = :onlineUrl, appointment_url = :appointmentUrl, by_visit = :visit,
				       by_post = :post, note_de = :noteDe, note_en = :noteEn, updated_at = now()
				where id = :id""").param("id", id).params(parameters(details)).update();
		replaceLocations(id, municipalityId, details.locationIds());
	}

	public void delete(UUID id) {
		this.jdbc.sql("delete from catalog_offering where id = :id").param("id", id).update();
	}

	private void replaceLocations(UUID id, UUID municipalityId, List<UUID> locationIds) {
		this.jdbc.sql("delete from catalog_offering_location where offering_id = :id").param("id", id).update();
		for (UUID locationId : locationIds) {
			this.jdbc.sql("""
					insert into catalog_offering_location (offering_id, location_id, municipality_id)
					values (:id, :location, :m)""")
				.param("id", id)
				.param("location", locationId)
				.param("m", municipalityId)
				.update();
		}
	}

	public void saveActivityState(UUID offeringId, UUID serviceId, UUID activityId, ActivityState state) {
		this.jdbc
			.sql("""
					insert into catalog_offering_activity (offering_id, service_id, activity_id, maturity, status, online_url)
					values (:offering, :service, :activity, :maturity, :status, :onlineUrl)
					on conflict (offering_id, activity_id) do update
					set maturity = excluded.maturity, status = excluded.status, online_url = excluded.online_url""")
			.param("offering", offeringId)
			.param("service", serviceId)
			.param("activity", activityId)
			.param("maturity", state.maturity())
			.param("status", state.status().name())
			.param("onlineUrl", state.onlineUrl())
			.update();
	}

	public Optional<Contact> findContact(UUID offeringId, UUID contactId) {
		return this.jdbc.sql("select * from catalog_contact where id = :id and offering_id = :offering")
			.param("id", contactId)
			.param("offering", offeringId)
			.query((rs, row) -> contact(rs))
			.optional();
	}

	public UUID insertContact(UUID offeringId, String name, String role, String phone, String email) {
		return this.jdbc
			.sql("""
					insert into catalog_contact (offering_id, position, name, role, phone, email)
					values (:offering, (select coalesce(max(position), 0) + 1 from catalog_contact where offering_id = :offering),
					        :name, :role, :phone, :email)
					returning id""")
			.param("offering", offeringId)
			.param("name", name)
			.param("role", role)
			.param("phone", phone)
			.param("email", email)
			.query(UUID.class)
			.single();
	}

	public void updateContact(UUID contactId, String name, String role, String phone, String email) {
		this.jdbc
			.sql("update catalog_contact set name = :name, role = :role, phone = :phone, email = :email where id = :id")
			.param("id", contactId)
			.param("name", name)
			.param("role", role)
			.param("phone", phone)
			.param("email", email)
			.update();
	}

	public void deleteContact(UUID contactId) {
		this.jdbc.sql("delete from catalog_contact where id = :id").param("id", contactId).update();
	}

	public void deleteContacts(UUID offeringId) {
		this.jdbc.sql("delete from catalog_contact where offering_id = :id").param("id", offeringId).update();
	}

	public Rollout rollout(UUID offeringId) {
		return this.jdbc.sql("select * from catalog_offering_rollout where offering_id = :id")
			.param("id", offeringId)
			.query((rs, row) -> rollout(rs))
			.single();
	}

	/**
	 * The services the municipality offers, by name; optionally only those of a life
	 * situation, or only those whose name starts with a letter.
	 */
	public List<ServiceSummary> summaries(UUID municipalityId, @Nullable String lifeSituation,
			@Nullable String initial) {
		return this.jdbc
			.sql("select " + SUMMARY_COLUMNS
					+ """
							 from catalog_offering o
							join catalog_service s on s.id = o.service_id
							join org_unit u on u.id = o.org_unit_id
							join catalog_offering_rollout r on r.offering_id = o.id
							where o.municipality_id = :m
							  and (cast(:lifeSituation as text) is null or exists (
							        select 1 from catalog_service_life_situation sl join catalog_life_situation l on l.id = sl.life_situation_id
							        where sl.service_id = s.id and l.slug = :lifeSituation))
							  and (cast(:initial as text) is null or s.sort_name like :initial || '%')
							order by s.sort_name""")
			.param("m", municipalityId)
			.param("lifeSituation", lifeSituation)
			.param("initial", initial)
			.query((rs, row) -> summary(rs))
			.list();
	}

	/** First letters of the names of the municipality's services (a–z, accent-folded). */
	public List<String> initials(UUID municipalityId) {
		return this.jdbc.sql("""
				select distinct left(s.sort_name, 1) as initial from catalog_offering o
				join catalog_service s on s.id = o.service_id
				where o.municipality_id = :m and left(s.sort_name, 1) <> '' order by initial""")
			.param("m", municipalityId)
			.query(String.class)
			.list();
	}

	/**
	 * The municipalities of a district that offer the service, with their responsibility.
	 */
	public Map<UUID, UUID> offeringsByMunicipality(UUID serviceId) {
		Map<UUID, UUID> result = new LinkedHashMap<>();
		this.jdbc.sql("select municipality_id, id from catalog_offering where service_id = :s")
			.param("s", serviceId)
			.query((ResultSet rs) -> {
				result.put(rs.getObject("municipality_id", UUID.class), rs.getObject("id", UUID.class));
			});
		return result;
	}

	static ServiceSummary summary(ResultSet rs) throws SQLException {
		return new ServiceSummary(rs.getObject("service_id", UUID.class), rs.getObject("offering_id", UUID.class),
				rs.getString("slug"), rs.getString("leika_key"), ServiceKind.valueOf(rs.getString("kind")),
				rs.getBoolean("shared"), ServiceRepository.text(rs, "name"), ServiceRepository.text(rs, "summary"),
				rs.getString("org_unit_name"), rs.getString("online_url"), rollout(rs));
	}

	static Rollout rollout(ResultSet rs) throws SQLException {
		return new Rollout(rs.getInt("maturity"), rs.getInt("activities"), rs.getInt("activities_online"),
				rs.getInt("activities_in_progress"));
	}

	private static Contact contact(ResultSet rs) throws SQLException {
		return new Contact(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("role"),
				rs.getString("phone"), rs.getString("email"));
	}

	private static Map<String, Object> parameters(ResponsibilityDetails details) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("orgUnit", details.orgUnitId());
		parameters.put("maturity", details.baseMaturity());
		parameters.put("onlineUrl", blankToNull(details.onlineUrl()));
		parameters.put("appointmentUrl", blankToNull(details.appointmentUrl()));
		parameters.put("visit", details.byVisit());
		parameters.put("post", details.byPost());
		parameters.put("noteDe", details.note().de());
		parameters.put("noteEn", details.note().en());
		return parameters;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
