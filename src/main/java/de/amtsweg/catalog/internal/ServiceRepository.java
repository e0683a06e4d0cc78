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

import de.amtsweg.catalog.Activity;
import de.amtsweg.catalog.CatalogService;
import de.amtsweg.catalog.Fee;
import de.amtsweg.catalog.FeeDetails;
import de.amtsweg.catalog.FeeType;
import de.amtsweg.catalog.LifeSituation;
import de.amtsweg.catalog.LocalizedText;
import de.amtsweg.catalog.ServiceContent;
import de.amtsweg.catalog.ServiceKind;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code catalog_service}, {@code catalog_document}, {@code catalog_activity},
 * {@code catalog_fee}, {@code catalog_life_situation} and
 * {@code catalog_service_life_situation}.
 */
@Repository
public class ServiceRepository {

	private final JdbcClient jdbc;

	public ServiceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<LifeSituation> lifeSituations() {
		return this.jdbc.sql("select * from catalog_life_situation order by position")
			.query((rs, row) -> new LifeSituation(rs.getObject("id", UUID.class), rs.getString("slug"),
					text(rs, "name"), text(rs, "description")))
			.list();
	}

	public Optional<CatalogService> findById(UUID id) {
		return load(List.of(id)).stream().findFirst();
	}

	/**
	 * The services, with documents, fees, activities and life situations, in the order of
	 * the ids given.
	 */
	public List<CatalogService> load(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<UUID> idList = List.copyOf(ids);
		Map<UUID, List<LocalizedText>> documents = new HashMap<>();
		this.jdbc.sql("select * from catalog_document where service_id in (:ids) order by service_id, position")
			.param("ids", idList)
			.query((ResultSet rs) -> {
				documents.computeIfAbsent(rs.getObject("service_id", UUID.class), (key) -> new ArrayList<>())
					.add(text(rs, "name"));
			});
		Map<UUID, List<Fee>> fees = feesOf("service_id", idList);
		Map<UUID, List<Activity>> activities = new HashMap<>();
		this.jdbc
			.sql("select * from catalog_activity where service_id in (:ids) order by service_id, position, name_de")
			.param("ids", idList)
			.query((ResultSet rs) -> {
				activities.computeIfAbsent(rs.getObject("service_id", UUID.class), (key) -> new ArrayList<>())
					.add(new Activity(rs.getObject("id", UUID.class), rs.getString("leika_key"), text(rs, "name"),
							rs.getInt("position")));
			});
		Map<UUID, List<String>> lifeSituations = new HashMap<>();
		this.jdbc.sql("""
				select l.service_id, s.slug from catalog_service_life_situation l
				join catalog_life_situation s on s.id = l.life_situation_id
				where l.service_id in (:ids) order by s.position""").param("ids", idList).query((ResultSet rs) -> {
			lifeSituations.computeIfAbsent(rs.getObject("service_id", UUID.class), (key) -> new ArrayList<>())
				.add(rs.getString("slug"));
		});
		Map<UUID, CatalogService> services = new LinkedHashMap<>();
		this.jdbc.sql("select * from catalog_service where id in (:ids)").param("ids", idList).query((ResultSet rs) -> {
			UUID id = rs.getObject("id", UUID.class);
			services.put(id, new CatalogService(id, rs.getObject("district_id", UUID.class),
					rs.getObject("municipality_id", UUID.class), rs.getString("slug"), rs.getString("leika_key"),
					ServiceKind.valueOf(rs.getString("kind")), text(rs, "name"), text(rs, "summary"),
					text(rs, "description"), List.of((String[]) rs.getArray("keywords").getArray()),
					rs.getString("legal_basis"), text(rs, "processing_time"),
					List.copyOf(documents.getOrDefault(id, List.of())), List.copyOf(fees.getOrDefault(id, List.of())),
					List.copyOf(activities.getOrDefault(id, List.of())),
					List.copyOf(lifeSituations.getOrDefault(id, List.of())), (Integer) rs.getObject("ozg_id"),
					rs.getString("leika_type")));
		});
		return idList.stream().map(services::get).filter((service) -> service != null).toList();
	}

	/**
	 * The service with this slug that the municipality can see: its own or one shared by
	 * its district.
	 */
	public Optional<UUID> findVisibleBySlug(UUID municipalityId, String slug) {
		return this.jdbc.sql("""
				select s.id from catalog_service s join municipality m on m.id = :municipality
				where s.slug = :slug and (s.municipality_id = m.id or s.district_id = m.district_id)""")
			.param("municipality", municipalityId)
			.param("slug", slug)
			.query(UUID.class)
			.optional();
	}

	/** The service with this LeiKa key that the municipality can see. */
	public Optional<UUID> findVisibleByLeikaKey(UUID municipalityId, String leikaKey) {
		return this.jdbc.sql("""
				select s.id from catalog_service s join municipality m on m.id = :municipality
				where s.leika_key = :key and (s.municipality_id = m.id or s.district_id = m.district_id)""")
			.param("municipality", municipalityId)
			.param("key", leikaKey)
			.query(UUID.class)
			.optional();
	}

	/** The service of the owner (district or municipality) with this slug. */
	public Optional<UUID> findOwnedBySlug(Owner owner, String slug) {
		return this.jdbc.sql("select id from catalog_service where " + owner.column() + " = :owner and slug = :slug")
			.param("owner", owner.id())
			.param("slug", slug)
			.query(UUID.class)
			.optional();
	}

	/** The service of the owner with this LeiKa key. */
	public Optional<UUID> findOwnedByLeikaKey(Owner owner, String leikaKey) {
		return this.jdbc
			.sql("select id from catalog_service where " + owner.column() + " = :owner and leika_key = :key")
			.param("owner", owner.id())
			.param("key", leikaKey)
			.query(UUID.class)
			.optional();
	}

	/** All services of the owner, by name. */
	public List<UUID> ownedBy(Owner owner) {
		return this.jdbc.sql("select id from catalog_service where " + owner.column() + " = :owner order by sort_name")
			.param("owner", owner.id())
			.query(UUID.class)
			.list();
	}

	/**
	 * Whether another service that shares a view with the owner's services has the value
	 * in the column ({@code slug} or {@code leika_key}): for a municipality its own and
	 * its district's services, for a district its own and those of its municipalities.
	 */
	public boolean takenInView(Owner owner, String column, String value, @Nullable UUID except) {
		if (!"slug".equals(column) && !"leika_key".equals(column)) {
			throw new IllegalArgumentException(column);
		}
		String scope = owner.district()
				? """
						(s.district_id = :owner or s.municipality_id in (select id from municipality where district_id = :owner))"""
				: """
						(s.municipality_id = :owner
						 or s.district_id = (select district_id from municipality where id = :owner))""";
		return this.jdbc
			.sql("select exists (select 1 from catalog_service s where " + scope + " and s." + column
					+ " = :value and s.id is distinct from cast(:except as uuid))")
			.param("owner", owner.id())
			.param("value", value)
			.param("except", except)
			.query(Boolean.class)
			.single();
	}

	public UUID insert(Owner owner, ServiceContent content) {
		return this.jdbc
			.sql("""
					insert into catalog_service (%s, slug, leika_key, kind, name_de, name_en, summary_de, summary_en,
					       description_de, description_en, keywords, legal_basis, processing_time_de, processing_time_en,
					       ozg_id, leika_type)
					values (:owner, :slug, :leikaKey, :kind, :nameDe, :nameEn, :summaryDe, :summaryEn, :descriptionDe,
					        :descriptionEn, :keywords, :legalBasis, :processingTimeDe, :processingTimeEn, :ozgId, :leikaType)
					returning id"""
				.formatted(owner.column()))
			.param("owner", owner.id())
			.params(contentParameters(content))
			.query(UUID.class)
			.single();
	}

	public void update(UUID id, ServiceContent content) {
		this.jdbc.sql("""
				update catalog_service set slug = :slug, leika_key = :leikaKey, kind = :kind, name_de = :nameDe,
				       name_en = :nameEn, summary_de = :summaryDe, summary_en = :summaryEn,
				       description_de = :descriptionDe, description_en = :descriptionEn, keywords = :keywords,
				       legal_basis = :legalBasis, processing_time_de = :processingTimeDe,
				       processing_time_en = :processingTimeEn, ozg_id = :ozgId, leika_type = :leikaType,
				       updated_at = now()
				where id = :id""").param("id", id).params(contentParameters(content)).update();
	}

	public void delete(UUID id) {
		this.jdbc.sql("delete from catalog_service where id = :id").param("id", id).update();
	}

	public void replaceDocuments(UUID serviceId, List<LocalizedText> documents) {
		this.jdbc.sql("delete from catalog_document where service_id = :id").param("id", serviceId).update();
		int position = 1;
		for (LocalizedText document : documents) {
			this.jdbc.sql("""
					insert into catalog_document (service_id, position, name_de, name_en)
					values (:id, :position, :de, :en)""")
				.param("id", serviceId)
				.param("position", position++)
				.param("de", document.de())
				.param("en", document.en())
				.update();
		}
	}

	public void replaceLifeSituations(UUID serviceId, List<String> slugs) {
		this.jdbc.sql("delete from catalog_service_life_situation where service_id = :id")
			.param("id", serviceId)
			.update();
		if (!slugs.isEmpty()) {
			this.jdbc.sql("""
					insert into catalog_service_life_situation (service_id, life_situation_id)
					select :id, id from catalog_life_situation where slug in (:slugs)""")
				.param("id", serviceId)
				.param("slugs", slugs)
				.update();
		}
	}

	public Optional<Activity> findActivity(UUID serviceId, UUID activityId) {
		return this.jdbc.sql("select * from catalog_activity where id = :id and service_id = :service")
			.param("id", activityId)
			.param("service", serviceId)
			.query((rs, row) -> new Activity(rs.getObject("id", UUID.class), rs.getString("leika_key"),
					text(rs, "name"), rs.getInt("position")))
			.optional();
	}

	public UUID insertActivity(UUID serviceId, @Nullable String leikaKey, LocalizedText name) {
		return this.jdbc
			.sql("""
					insert into catalog_activity (service_id, position, leika_key, name_de, name_en)
					values (:service, (select coalesce(max(position), 0) + 1 from catalog_activity where service_id = :service),
					        :leikaKey, :de, :en)
					returning id""")
			.param("service", serviceId)
			.param("leikaKey", leikaKey)
			.param("de", name.de())
			.param("en", name.en())
			.query(UUID.class)
			.single();
	}

	public void updateActivity(UUID activityId, @Nullable String leikaKey, LocalizedText name) {
		this.jdbc.sql("update catalog_activity set leika_key = :leikaKey, name_de = :de, name_en = :en where id = :id")
			.param("id", activityId)
			.param("leikaKey", leikaKey)
			.param("de", name.de())
			.param("en", name.en())
			.update();
	}

	public void deleteActivity(UUID activityId) {
		this.jdbc.sql("delete from catalog_activity where id = :id").param("id", activityId).update();
	}

	/** Fees by owner id, for owner column {@code service_id} or {@code offering_id}. */
	Map<UUID, List<Fee>> feesOf(String ownerColumn, List<UUID> ownerIds) {
		Map<UUID, List<Fee>> fees = new HashMap<>();
		if (ownerIds.isEmpty()) {
			return fees;
		}
		this.jdbc.sql("select * from catalog_fee where " + ownerColumn + " in (:ids) order by position")
			.param("ids", ownerIds)
			.query((ResultSet rs) -> {
				fees.computeIfAbsent(rs.getObject(ownerColumn, UUID.class), (key) -> new ArrayList<>())
					.add(new Fee(rs.getObject("id", UUID.class), text(rs, "label"),
							FeeType.valueOf(rs.getString("type")), rs.getBigDecimal("amount"),
							rs.getBigDecimal("max_amount"), text(rs, "unit")));
			});
		return fees;
	}

	/** Owner column {@code service_id} or {@code offering_id}. */
	public UUID insertFee(String ownerColumn, UUID ownerId, FeeDetails fee) {
		return this.jdbc.sql("""
				insert into catalog_fee (%1$s, position, label_de, label_en, type, amount, max_amount, unit_de, unit_en)
				values (:owner, (select coalesce(max(position), 0) + 1 from catalog_fee where %1$s = :owner),
				        :labelDe, :labelEn, :type, :amount, :maxAmount, :unitDe, :unitEn)
				returning id""".formatted(checkedOwnerColumn(ownerColumn)))
			.param("owner", ownerId)
			.param("labelDe", fee.label().de())
			.param("labelEn", fee.label().en())
			.param("type", fee.type().name())
			.param("amount", fee.amount())
			.param("maxAmount", fee.maxAmount())
			.param("unitDe", fee.unit().de())
			.param("unitEn", fee.unit().en())
			.query(UUID.class)
			.single();
	}

	public boolean deleteFee(String ownerColumn, UUID ownerId, UUID feeId) {
		return this.jdbc
			.sql("delete from catalog_fee where id = :id and " + checkedOwnerColumn(ownerColumn) + " = :owner")
			.param("id", feeId)
			.param("owner", ownerId)
			.update() == 1;
	}

	public void replaceFees(String ownerColumn, UUID ownerId, List<FeeDetails> fees) {
		this.jdbc.sql("delete from catalog_fee where " + checkedOwnerColumn(ownerColumn) + " = :owner")
			.param("owner", ownerId)
			.update();
		for (FeeDetails fee : fees) {
			insertFee(ownerColumn, ownerId, fee);
		}
	}

	/** Stores what the finder searches, computed by {@link SearchIndex}. */
	public void updateSearch(UUID id, String sortName, String names, String terms, String summaries, String texts) {
		this.jdbc.sql("""
				update catalog_service set sort_name = :sortName,
				       search_vector = setweight(to_tsvector('catalog_german', :names), 'A')
				                    || setweight(to_tsvector('catalog_german', :terms), 'B')
				                    || setweight(to_tsvector('catalog_german', :summaries), 'C')
				                    || setweight(to_tsvector('catalog_german', :texts), 'D')
				where id = :id""")
			.param("id", id)
			.param("sortName", sortName)
			.param("names", names)
			.param("terms", terms)
			.param("summaries", summaries)
			.param("texts", texts)
			.update();
	}

	private static String checkedOwnerColumn(String column) {
		if (!"service_id".equals(column) && !"offering_id".equals(column)) {
			throw new IllegalArgumentException("Not an owner of fees: " + column);
		}
		return column;
	}

	private static Map<String, Object> contentParameters(ServiceContent content) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("slug", content.slug());
		parameters.put("leikaKey", content.leikaKey().isEmpty() ? null : content.leikaKey());
		parameters.put("kind", content.kind().name());
		parameters.put("nameDe", content.name().de());
		parameters.put("nameEn", content.name().en());
		parameters.put("summaryDe", content.summary().de());
		parameters.put("summaryEn", content.summary().en());
		parameters.put("descriptionDe", content.description().de());
		parameters.put("descriptionEn", content.description().en());
		parameters.put("keywords", content.keywords().toArray(String[]::new));
		parameters.put("legalBasis", content.legalBasis());
		parameters.put("processingTimeDe", content.processingTime().de());
		parameters.put("processingTimeEn", content.processingTime().en());
		parameters.put("ozgId", content.ozgId());
		parameters.put("leikaType", content.leikaType());
		return parameters;
	}

	static LocalizedText text(ResultSet rs, String prefix) throws SQLException {
		return new LocalizedText(rs.getString(prefix + "_de"), rs.getString(prefix + "_en"));
	}

	/**
	 * Who owns a service: a district (shared) or a municipality (local).
	 *
	 * @param district whether the owner is a district
	 * @param id the district's or municipality's id
	 */
	public record Owner(boolean district, UUID id) {

		public static Owner district(UUID id) {
			return new Owner(true, id);
		}

		public static Owner municipality(UUID id) {
			return new Owner(false, id);
		}

		String column() {
			return this.district ? "district_id" : "municipality_id";
		}

	}

}
