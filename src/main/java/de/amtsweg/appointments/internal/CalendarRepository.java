package de.amtsweg.appointments.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Calendars, their counters, services and blocks. */
@Repository
public class CalendarRepository {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	public CalendarRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Calendar> ofMunicipality(UUID municipalityId) {
		return this.jdbc.sql("select * from appointment_calendar where municipality_id = :m order by name")
			.param("m", municipalityId)
			.query(CalendarRepository::calendar)
			.list();
	}

	public Optional<Calendar> find(UUID id) {
		return this.jdbc.sql("select * from appointment_calendar where id = :id")
			.param("id", id)
			.query(CalendarRepository::calendar)
			.optional();
	}

	public void insert(Calendar calendar) {
		this.jdbc
			.sql("""
					insert into appointment_calendar (id, municipality_id, location_id, org_unit_id, name, slot_minutes,
					    lead_minutes, horizon_days, release_time, buffer_minutes, active)
					values (:id, :municipality, :location, :orgUnit, :name, :slot, :lead, :horizon, :release, :buffer, :active)""")
			.param("id", calendar.id())
			.param("municipality", calendar.municipalityId())
			.param("location", calendar.locationId())
			.param("orgUnit", calendar.orgUnitId())
			.param("name", calendar.name())
			.param("slot", calendar.slotMinutes())
			.param("lead", calendar.leadMinutes())
			.param("horizon", calendar.horizonDays())
			.param("release", java.sql.Time.valueOf(calendar.releaseTime()))
			.param("buffer", calendar.bufferMinutes())
			.param("active", calendar.active())
			.update();
	}

	public void update(Calendar calendar) {
		this.jdbc.sql("""
				update appointment_calendar set name = :name, slot_minutes = :slot, lead_minutes = :lead,
				    horizon_days = :horizon, release_time = :release, buffer_minutes = :buffer, active = :active
				where id = :id""")
			.param("id", calendar.id())
			.param("name", calendar.name())
			.param("slot", calendar.slotMinutes())
			.param("lead", calendar.leadMinutes())
			.param("horizon", calendar.horizonDays())
			.param("release", java.sql.Time.valueOf(calendar.releaseTime()))
			.param("buffer", calendar.bufferMinutes())
			.param("active", calendar.active())
			.update();
	}

	public List<Counter> counters(UUID calendarId) {
		return this.jdbc.sql("select * from appointment_counter where calendar_id = :c order by position, name")
			.param("c", calendarId)
			.query(CalendarRepository::counter)
			.list();
	}

	public Optional<Counter> counter(UUID counterId) {
		return this.jdbc.sql("select * from appointment_counter where id = :id")
			.param("id", counterId)
			.query(CalendarRepository::counter)
			.optional();
	}

	public Optional<Counter> counterByFeedToken(String token) {
		return this.jdbc.sql("select * from appointment_counter where feed_token = :token")
			.param("token", token)
			.query(CalendarRepository::counter)
			.optional();
	}

	public UUID insertCounter(UUID calendarId, String name) {
		UUID id = UUID.randomUUID();
		byte[] token = new byte[32];
		RANDOM.nextBytes(token);
		this.jdbc.sql("""
				insert into appointment_counter (id, calendar_id, name, position, feed_token)
				values (:id, :calendar, :name,
				        (select coalesce(max(position), 0) + 1 from appointment_counter where calendar_id = :calendar),
				        :token)""")
			.param("id", id)
			.param("calendar", calendarId)
			.param("name", name)
			.param("token", Base64.getUrlEncoder().withoutPadding().encodeToString(token))
			.update();
		return id;
	}

	public void setCounterActive(UUID counterId, boolean active) {
		this.jdbc.sql("update appointment_counter set active = :active where id = :id")
			.param("id", counterId)
			.param("active", active)
			.update();
	}

	public List<BookableService> services(UUID calendarId) {
		return this.jdbc.sql("select * from appointment_service where calendar_id = :c order by position, name_de")
			.param("c", calendarId)
			.query(CalendarRepository::service)
			.list();
	}

	public Optional<BookableService> service(UUID serviceId) {
		return this.jdbc.sql("select * from appointment_service where id = :id")
			.param("id", serviceId)
			.query(CalendarRepository::service)
			.optional();
	}

	/** Active services of the municipality's active calendars. */
	public List<BookableService> bookableServices(UUID municipalityId) {
		return this.jdbc.sql("""
				select s.* from appointment_service s join appointment_calendar c on c.id = s.calendar_id
				where c.municipality_id = :m and c.active and s.active
				order by s.name_de""").param("m", municipalityId).query(CalendarRepository::service).list();
	}

	public void insertService(BookableService service) {
		this.jdbc.sql("""
				insert into appointment_service (id, calendar_id, responsibility_id, name_de, name_en, minutes,
				    minutes_per_extra_person, max_persons, max_open_per_person, position, active)
				values (:id, :calendar, :responsibility, :nameDe, :nameEn, :minutes, :extra, :maxPersons, :maxOpen,
				        (select coalesce(max(position), 0) + 1 from appointment_service where calendar_id = :calendar),
				        :active)""")
			.param("id", service.id())
			.param("calendar", service.calendarId())
			.param("responsibility", service.responsibilityId())
			.param("nameDe", service.nameDe())
			.param("nameEn", service.nameEn())
			.param("minutes", service.minutes())
			.param("extra", service.minutesPerExtraPerson())
			.param("maxPersons", service.maxPersons())
			.param("maxOpen", service.maxOpenPerPerson())
			.param("active", service.active())
			.update();
	}

	public void updateService(BookableService service) {
		this.jdbc.sql("""
				update appointment_service set name_de = :nameDe, name_en = :nameEn, minutes = :minutes,
				    minutes_per_extra_person = :extra, max_persons = :maxPersons, max_open_per_person = :maxOpen,
				    active = :active
				where id = :id""")
			.param("id", service.id())
			.param("nameDe", service.nameDe())
			.param("nameEn", service.nameEn())
			.param("minutes", service.minutes())
			.param("extra", service.minutesPerExtraPerson())
			.param("maxPersons", service.maxPersons())
			.param("maxOpen", service.maxOpenPerPerson())
			.param("active", service.active())
			.update();
	}

	public List<Block> blocks(UUID calendarId, Instant from, Instant to) {
		return this.jdbc.sql("""
				select * from appointment_block where calendar_id = :c and starts_at < :to and ends_at > :from
				order by starts_at""")
			.param("c", calendarId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, row) -> new Block(rs.getObject("id", UUID.class), rs.getObject("calendar_id", UUID.class),
					rs.getObject("counter_id", UUID.class), rs.getTimestamp("starts_at").toInstant(),
					rs.getTimestamp("ends_at").toInstant(), rs.getString("reason")))
			.list();
	}

	/**
	 * Adds a block and takes its time on the counters; false (and nothing stored) if an
	 * appointment or another block is in the way on any of them.
	 */
	public boolean insertBlock(Block block, List<UUID> counterIds, Instant now) {
		this.jdbc.sql("""
				insert into appointment_block (id, calendar_id, counter_id, starts_at, ends_at, reason, created_at)
				values (:id, :calendar, :counter, :from, :to, :reason, :now)""")
			.param("id", block.id())
			.param("calendar", block.calendarId())
			.param("counter", block.counterId())
			.param("from", Timestamp.from(block.startsAt()))
			.param("to", Timestamp.from(block.endsAt()))
			.param("reason", block.reason())
			.param("now", Timestamp.from(now))
			.update();
		for (UUID counterId : counterIds) {
			int taken = this.jdbc.sql("""
					insert into appointment_occupancy (counter_id, during, block_id)
					values (:counter, tstzrange(:from, :to), :block)
					on conflict do nothing""")
				.param("counter", counterId)
				.param("from", Timestamp.from(block.startsAt()))
				.param("to", Timestamp.from(block.endsAt()))
				.param("block", block.id())
				.update();
			if (taken == 0) {
				return false;
			}
		}
		return true;
	}

	public int deleteBlock(UUID calendarId, UUID blockId) {
		return this.jdbc.sql("delete from appointment_block where id = :id and calendar_id = :c")
			.param("id", blockId)
			.param("c", calendarId)
			.update();
	}

	/**
	 * The times taken on the calendar's counters between two instants: by appointments
	 * that still hold their time at {@code now}, and by blocks.
	 */
	public List<Occupancy> occupancies(UUID calendarId, Instant from, Instant to, Instant now) {
		return this.jdbc.sql("""
				select o.counter_id, lower(o.during) as starts_at, upper(o.during) as ends_at
				from appointment_occupancy o
				join appointment_counter c on c.id = o.counter_id
				left join appointment a on a.id = o.appointment_id
				where c.calendar_id = :c and o.during && tstzrange(:from, :to)
				  and (a.id is null or a.status <> 'HELD' or a.held_until > :now)""")
			.param("c", calendarId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new Occupancy(rs.getObject("counter_id", UUID.class),
					rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant()))
			.list();
	}

	private static Calendar calendar(ResultSet rs, int row) throws SQLException {
		return new Calendar(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				rs.getObject("location_id", UUID.class), rs.getObject("org_unit_id", UUID.class), rs.getString("name"),
				rs.getInt("slot_minutes"), rs.getInt("lead_minutes"), rs.getInt("horizon_days"),
				rs.getTime("release_time").toLocalTime(), rs.getInt("buffer_minutes"), rs.getBoolean("active"));
	}

	private static Counter counter(ResultSet rs, int row) throws SQLException {
		return new Counter(rs.getObject("id", UUID.class), rs.getObject("calendar_id", UUID.class),
				rs.getString("name"), rs.getInt("position"), rs.getBoolean("active"), rs.getString("feed_token"));
	}

	private static BookableService service(ResultSet rs, int row) throws SQLException {
		return new BookableService(rs.getObject("id", UUID.class), rs.getObject("calendar_id", UUID.class),
				rs.getObject("responsibility_id", UUID.class), rs.getString("name_de"), rs.getString("name_en"),
				rs.getInt("minutes"), rs.getInt("minutes_per_extra_person"), rs.getInt("max_persons"),
				rs.getInt("max_open_per_person"), rs.getInt("position"), rs.getBoolean("active"));
	}

	/**
	 * Time taken on a counter.
	 *
	 * @param counterId the counter
	 * @param startsAt start
	 * @param endsAt end (with buffer)
	 */
	public record Occupancy(UUID counterId, Instant startsAt, @Nullable Instant endsAt) {
	}

}
