package de.amtsweg.appointments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.appointments.AppointmentStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appointments and the time they take on a counter. */
@Repository
public class AppointmentRepository {

	private static final String SELECT = """
			select a.*, array(select s.service_id from appointment_booked_service s where s.appointment_id = a.id
			                  order by s.service_id) as service_ids
			from appointment a""";

	private final JdbcClient jdbc;

	public AppointmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Appointment> find(UUID id) {
		return this.jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(AppointmentRepository::map).optional();
	}

	/** Locks the row for a change (cancel, move, status). */
	public Optional<Appointment> lock(UUID id) {
		return this.jdbc.sql(SELECT + " where a.id = :id for update of a")
			.param("id", id)
			.query(AppointmentRepository::map)
			.optional();
	}

	public Optional<Appointment> byCode(UUID municipalityId, String code) {
		return this.jdbc.sql(SELECT + " where a.municipality_id = :m and a.code = :code")
			.param("m", municipalityId)
			.param("code", code)
			.query(AppointmentRepository::map)
			.optional();
	}

	public Optional<UUID> byIdempotencyKey(String key) {
		return this.jdbc.sql("select id from appointment where idempotency_key = :key")
			.param("key", key)
			.query(UUID.class)
			.optional();
	}

	public List<Appointment> ofCalendar(UUID calendarId, Instant from, Instant to) {
		return this.jdbc.sql(SELECT + """
				 where a.calendar_id = :c and a.starts_at >= :from and a.starts_at < :to
				   and a.status not in ('CANCELLED', 'LAPSED')
				order by a.starts_at, a.counter_id""")
			.param("c", calendarId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(AppointmentRepository::map)
			.list();
	}

	public List<Appointment> ofCounter(UUID counterId, Instant from, Instant to) {
		return this.jdbc.sql(SELECT + """
				 where a.counter_id = :counter and a.starts_at >= :from and a.starts_at < :to
				   and a.status in ('CONFIRMED', 'ARRIVED', 'NO_SHOW')
				order by a.starts_at""")
			.param("counter", counterId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(AppointmentRepository::map)
			.list();
	}

	/**
	 * How many open (held and not lapsed, or confirmed) future appointments the address
	 * has for the service.
	 */
	public int openFor(String email, UUID serviceId, Instant now) {
		return this.jdbc.sql("""
				select count(*) from appointment a join appointment_booked_service s on s.appointment_id = a.id
				where lower(a.email) = lower(:email) and s.service_id = :service and a.starts_at > :now
				  and (a.status = 'CONFIRMED' or (a.status = 'HELD' and a.held_until > :now))""")
			.param("email", email)
			.param("service", serviceId)
			.param("now", Timestamp.from(now))
			.query(Integer.class)
			.single();
	}

	/** Serialises bookings of one e-mail address (to the end of the transaction). */
	public void lockAddress(String email) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended('appointment:' || lower(:email), 0))")
			.param("email", email)
			.query((rs, row) -> 1)
			.list();
	}

	/**
	 * Inserts the appointment; false if its idempotency key or its code is taken (then
	 * nothing is stored).
	 */
	public boolean insert(Appointment appointment, @Nullable String idempotencyKey, Instant now) {
		int inserted = this.jdbc.sql("""
				insert into appointment (id, municipality_id, calendar_id, counter_id, starts_at, ends_at, persons,
				    status, held_until, name, email, phone, account_id, channel, code, idempotency_key, locale,
				    created_at, confirmed_at)
				values (:id, :municipality, :calendar, :counter, :start, :end, :persons, :status, :heldUntil, :name,
				        :email, :phone, :account, :channel, :code, :key, :locale, :now, :confirmedAt)
				on conflict do nothing""")
			.param("id", appointment.id())
			.param("municipality", appointment.municipalityId())
			.param("calendar", appointment.calendarId())
			.param("counter", appointment.counterId())
			.param("start", Timestamp.from(appointment.startsAt()))
			.param("end", Timestamp.from(appointment.endsAt()))
			.param("persons", appointment.persons())
			.param("status", appointment.status().name())
			.param("heldUntil", (appointment.heldUntil() != null) ? Timestamp.from(appointment.heldUntil()) : null)
			.param("name", appointment.name())
			.param("email", appointment.email())
			.param("phone", appointment.phone())
			.param("account", appointment.accountId())
			.param("channel", appointment.channel())
			.param("code", appointment.code())
			.param("key", idempotencyKey)
			.param("locale", appointment.locale().getLanguage())
			.param("now", Timestamp.from(now))
			.param("confirmedAt", (appointment.status() == AppointmentStatus.CONFIRMED) ? Timestamp.from(now) : null)
			.update();
		if (inserted == 0) {
			return false;
		}
		for (UUID serviceId : appointment.serviceIds()) {
			this.jdbc.sql("insert into appointment_booked_service (appointment_id, service_id) values (:a, :s)")
				.param("a", appointment.id())
				.param("s", serviceId)
				.update();
		}
		return true;
	}

	/**
	 * Takes the time on the counter, unless anything overlaps there (the exclusion
	 * constraint decides, also against concurrent transactions).
	 */
	public boolean occupy(UUID appointmentId, UUID counterId, Instant from, Instant to) {
		Integer taken = this.jdbc.sql("""
				insert into appointment_occupancy (counter_id, during, appointment_id)
				values (:counter, tstzrange(:from, :to), :appointment)
				on conflict do nothing
				returning 1""")
			.param("counter", counterId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("appointment", appointmentId)
			.query(Integer.class)
			.optional()
			.orElse(0);
		return taken == 1;
	}

	public void release(UUID appointmentId) {
		this.jdbc.sql("delete from appointment_occupancy where appointment_id = :id")
			.param("id", appointmentId)
			.update();
	}

	public void moveTo(UUID appointmentId, UUID counterId, Instant start, Instant end) {
		this.jdbc
			.sql("update appointment set counter_id = :counter, starts_at = :start, ends_at = :end, "
					+ "reminder_sent_at = null where id = :id")
			.param("id", appointmentId)
			.param("counter", counterId)
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end))
			.update();
	}

	public void setCounter(UUID appointmentId, UUID counterId) {
		this.jdbc.sql("update appointment set counter_id = :counter where id = :id")
			.param("id", appointmentId)
			.param("counter", counterId)
			.update();
	}

	public boolean confirm(UUID id, Instant now) {
		return this.jdbc.sql("""
				update appointment set status = 'CONFIRMED', held_until = null, confirmed_at = :now
				where id = :id and status = 'HELD' and held_until > :now""")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	public void setStatus(UUID id, AppointmentStatus status, Instant now) {
		this.jdbc.sql("""
				update appointment set status = :status, held_until = null,
				    cancelled_at = case when :status = 'CANCELLED' then :now else cancelled_at end,
				    arrived_at = case when :status = 'ARRIVED' then :now else arrived_at end
				where id = :id""")
			.param("id", id)
			.param("status", status.name())
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Lets unconfirmed holds lapse whose time ran out; returns their ids. */
	public List<UUID> lapseExpiredHolds(Instant now) {
		List<UUID> lapsed = this.jdbc.sql("""
				update appointment set status = 'LAPSED', held_until = null
				where status = 'HELD' and held_until <= :now
				returning id""").param("now", Timestamp.from(now)).query(UUID.class).list();
		if (!lapsed.isEmpty()) {
			this.jdbc.sql("delete from appointment_occupancy where appointment_id in (:ids)")
				.param("ids", lapsed)
				.update();
		}
		return lapsed;
	}

	/**
	 * Marks confirmed appointments in the time span as reminded and returns them: each is
	 * returned exactly once, ever.
	 */
	public List<UUID> takeDueReminders(Instant from, Instant to, Instant now) {
		return this.jdbc.sql("""
				update appointment set reminder_sent_at = :now
				where status = 'CONFIRMED' and reminder_sent_at is null and email <> ''
				  and starts_at >= :from and starts_at < :to
				returning id""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.list();
	}

	/** The account's appointments, latest start first. */
	public List<Appointment> ofAccount(UUID accountId, int limit) {
		return this.jdbc.sql(SELECT + " where a.account_id = :a order by a.starts_at desc limit :limit")
			.param("a", accountId)
			.param("limit", limit)
			.query(AppointmentRepository::map)
			.list();
	}

	public void forgetAccount(UUID accountId) {
		this.jdbc.sql("update appointment set account_id = null where account_id = :a").param("a", accountId).update();
	}

	/**
	 * Figures of a calendar for appointments starting in the span.
	 * @return counts by status
	 */
	public Statistics statistics(UUID calendarId, Instant from, Instant to) {
		return this.jdbc.sql("""
				select count(*) filter (where status in ('CONFIRMED', 'ARRIVED', 'NO_SHOW')) as booked,
				       count(*) filter (where status = 'CANCELLED') as cancelled,
				       count(*) filter (where status = 'NO_SHOW') as no_shows,
				       count(*) filter (where status = 'ARRIVED') as arrived,
				       count(*) filter (where status = 'LAPSED') as lapsed,
				       coalesce(sum(extract(epoch from ends_at - starts_at) / 60)
				                filter (where status in ('CONFIRMED', 'ARRIVED', 'NO_SHOW')), 0) as booked_minutes,
				       count(*) filter (where channel = 'STAFF' and status <> 'CANCELLED') as by_staff
				from appointment where calendar_id = :c and starts_at >= :from and starts_at < :to""")
			.param("c", calendarId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, row) -> new Statistics(rs.getInt("booked"), rs.getInt("cancelled"), rs.getInt("no_shows"),
					rs.getInt("arrived"), rs.getInt("lapsed"), rs.getLong("booked_minutes"), rs.getInt("by_staff")))
			.single();
	}

	private static Appointment map(ResultSet rs, int row) throws SQLException {
		UUID[] services = (UUID[]) rs.getArray("service_ids").getArray();
		Timestamp heldUntil = rs.getTimestamp("held_until");
		return new Appointment(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				rs.getObject("calendar_id", UUID.class), rs.getObject("counter_id", UUID.class),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getInt("persons"),
				AppointmentStatus.valueOf(rs.getString("status")), (heldUntil != null) ? heldUntil.toInstant() : null,
				rs.getString("name"), rs.getString("email"), rs.getString("phone"),
				rs.getObject("account_id", UUID.class), rs.getString("channel"), rs.getString("code"),
				Locale.forLanguageTag(rs.getString("locale")), Arrays.asList(services));
	}

	/**
	 * Figures of a calendar over a span.
	 *
	 * @param booked appointments kept (confirmed, arrived, no-show)
	 * @param cancelled cancelled appointments
	 * @param noShows no-shows
	 * @param arrived arrivals
	 * @param lapsed holds that were never confirmed
	 * @param bookedMinutes minutes of kept appointments
	 * @param byStaff appointments booked by staff
	 */
	public record Statistics(int booked, int cancelled, int noShows, int arrived, int lapsed, long bookedMinutes,
			int byStaff) {
	}

}
