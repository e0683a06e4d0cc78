package de.amtsweg.queue.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Service groups, counters and devices of the locations. */
@Repository
class SetupRepository {

	private static final String GROUP_COLUMNS = "id, municipality_id, location_id, name, name_en, prefix, "
			+ "service_keywords, default_service_minutes, sort_order";

	private static final String COUNTER_COLUMNS = "c.id, c.municipality_id, c.location_id, c.name, c.opened_by, "
			+ "c.opened_at, array(select g.group_id from queue_counter_group g where g.counter_id = c.id) as group_ids";

	private static final String DEVICE_COLUMNS = "id, municipality_id, location_id, kind, name, token, created_at";

	private final JdbcClient jdbc;

	SetupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ServiceGroup> groups(UUID locationId) {
		return this.jdbc
			.sql("select " + GROUP_COLUMNS
					+ " from queue_service_group where location_id = :l order by sort_order, prefix")
			.param("l", locationId)
			.query(SetupRepository::group)
			.list();
	}

	Optional<ServiceGroup> group(UUID groupId) {
		return this.jdbc.sql("select " + GROUP_COLUMNS + " from queue_service_group where id = :id")
			.param("id", groupId)
			.query(SetupRepository::group)
			.optional();
	}

	UUID insertGroup(UUID municipalityId, UUID locationId, String name, String nameEn, String prefix,
			List<String> keywords, int minutes, int sortOrder) {
		return this.jdbc.sql("""
				insert into queue_service_group (municipality_id, location_id, name, name_en, prefix, service_keywords,
				    default_service_minutes, sort_order)
				values (:m, :l, :name, :nameEn, :prefix, :keywords, :minutes, :sort) returning id""")
			.param("m", municipalityId)
			.param("l", locationId)
			.param("name", name)
			.param("nameEn", nameEn)
			.param("prefix", prefix)
			.param("keywords", keywords.toArray(String[]::new))
			.param("minutes", minutes)
			.param("sort", sortOrder)
			.query(UUID.class)
			.single();
	}

	int deleteGroup(UUID locationId, UUID groupId) {
		return this.jdbc.sql("delete from queue_service_group where id = :id and location_id = :l")
			.param("id", groupId)
			.param("l", locationId)
			.update();
	}

	List<Counter> counters(UUID locationId) {
		return this.jdbc
			.sql("select " + COUNTER_COLUMNS + " from queue_counter c where c.location_id = :l order by c.name")
			.param("l", locationId)
			.query(SetupRepository::counter)
			.list();
	}

	Optional<Counter> counter(UUID counterId) {
		return this.jdbc.sql("select " + COUNTER_COLUMNS + " from queue_counter c where c.id = :id")
			.param("id", counterId)
			.query(SetupRepository::counter)
			.optional();
	}

	Optional<Counter> counterOpenedBy(UUID staffId) {
		return this.jdbc.sql("select " + COUNTER_COLUMNS + " from queue_counter c where c.opened_by = :s")
			.param("s", staffId)
			.query(SetupRepository::counter)
			.optional();
	}

	UUID insertCounter(UUID municipalityId, UUID locationId, String name) {
		return this.jdbc
			.sql("insert into queue_counter (municipality_id, location_id, name) values (:m, :l, :name) returning id")
			.param("m", municipalityId)
			.param("l", locationId)
			.param("name", name)
			.query(UUID.class)
			.single();
	}

	void setCounterGroups(UUID counterId, List<UUID> groupIds) {
		this.jdbc.sql("delete from queue_counter_group where counter_id = :c").param("c", counterId).update();
		for (UUID groupId : groupIds) {
			this.jdbc.sql("""
					insert into queue_counter_group (counter_id, group_id)
					select :c, g.id from queue_service_group g join queue_counter c on c.location_id = g.location_id
					where g.id = :g and c.id = :c""").param("c", counterId).param("g", groupId).update();
		}
	}

	int deleteCounter(UUID locationId, UUID counterId) {
		return this.jdbc.sql("delete from queue_counter where id = :id and location_id = :l")
			.param("id", counterId)
			.param("l", locationId)
			.update();
	}

	/** Opens the counter for the staff member unless someone else works there. */
	boolean open(UUID counterId, UUID staffId, Instant now, boolean takeOver) {
		this.jdbc.sql("update queue_counter set opened_by = null, opened_at = null where opened_by = :s and id <> :c")
			.param("s", staffId)
			.param("c", counterId)
			.update();
		return this.jdbc
			.sql("""
					update queue_counter set opened_by = :s, opened_at = case when opened_by = :s then opened_at else :now end
					where id = :c and (opened_by is null or opened_by = :s or :takeOver)""")
			.param("s", staffId)
			.param("c", counterId)
			.param("now", Timestamp.from(now))
			.param("takeOver", takeOver)
			.update() == 1;
	}

	void close(UUID counterId) {
		this.jdbc.sql("update queue_counter set opened_by = null, opened_at = null where id = :c")
			.param("c", counterId)
			.update();
	}

	List<Device> devices(UUID locationId) {
		return this.jdbc
			.sql("select " + DEVICE_COLUMNS + " from queue_device where location_id = :l order by kind, name")
			.param("l", locationId)
			.query(SetupRepository::device)
			.list();
	}

	Optional<Device> deviceByToken(String token) {
		return this.jdbc.sql("select " + DEVICE_COLUMNS + " from queue_device where token = :t")
			.param("t", token)
			.query(SetupRepository::device)
			.optional();
	}

	UUID insertDevice(UUID municipalityId, UUID locationId, Device.Kind kind, String name, String token, Instant now) {
		return this.jdbc.sql("""
				insert into queue_device (municipality_id, location_id, kind, name, token, created_at)
				values (:m, :l, :kind, :name, :token, :now) returning id""")
			.param("m", municipalityId)
			.param("l", locationId)
			.param("kind", kind.name())
			.param("name", name)
			.param("token", token)
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.single();
	}

	int deleteDevice(UUID locationId, UUID deviceId) {
		return this.jdbc.sql("delete from queue_device where id = :id and location_id = :l")
			.param("id", deviceId)
			.param("l", locationId)
			.update();
	}

	private static ServiceGroup group(ResultSet rs, int row) throws SQLException {
		return new ServiceGroup(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				rs.getObject("location_id", UUID.class), rs.getString("name"), rs.getString("name_en"),
				rs.getString("prefix"), strings(rs.getArray("service_keywords")), rs.getInt("default_service_minutes"),
				rs.getInt("sort_order"));
	}

	private static Counter counter(ResultSet rs, int row) throws SQLException {
		List<UUID> groupIds = new ArrayList<>();
		Array array = rs.getArray("group_ids");
		if (array != null) {
			for (Object id : (Object[]) array.getArray()) {
				groupIds.add((UUID) id);
			}
		}
		return new Counter(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				rs.getObject("location_id", UUID.class), rs.getString("name"), rs.getObject("opened_by", UUID.class),
				instant(rs.getTimestamp("opened_at")), List.copyOf(groupIds));
	}

	private static Device device(ResultSet rs, int row) throws SQLException {
		return new Device(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				rs.getObject("location_id", UUID.class), Device.Kind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getString("token"), rs.getTimestamp("created_at").toInstant());
	}

	private static List<String> strings(@Nullable Array array) throws SQLException {
		return (array != null) ? Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList()
				: List.of();
	}

	static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
