package de.amtsweg.queue.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tickets, their numbers and calls. */
@Repository
class TicketRepository {

	private static final String COLUMNS = "t.id, t.municipality_id, t.location_id, t.group_id, t.service_day, t.number, "
			+ "t.display_number, t.token, t.issued_at, t.appointment_id, t.appointment_start, t.status, "
			+ "t.target_counter_id, t.counter_id, t.called_at, t.call_count, t.finished_at, t.email, t.nearly_due_sent_at";

	/**
	 * The order of the waiting line: tickets transferred to a counter first (for that
	 * counter), then appointment holders whose time has come, by their time, then
	 * everyone else in the order they drew their tickets. Used for calling and for
	 * positions alike.
	 */
	static final String WAITING_ORDER = """
			(t.appointment_start is not null and t.appointment_start <= :now) desc,
			case when t.appointment_start is not null and t.appointment_start <= :now
			     then t.appointment_start else t.issued_at end,
			t.issued_at, t.number""";

	private final JdbcClient jdbc;

	TicketRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next number of the group on the day; the row lock serialises kiosks. */
	int nextNumber(UUID groupId, LocalDate day) {
		return this.jdbc.sql("""
				insert into queue_ticket_number (group_id, service_day, last_number) values (:g, :d, 1)
				on conflict (group_id, service_day)
				do update set last_number = queue_ticket_number.last_number + 1
				returning last_number""")
			.param("g", groupId)
			.param("d", Date.valueOf(day))
			.query(Integer.class)
			.single();
	}

	UUID insert(ServiceGroup group, LocalDate day, int number, String displayNumber, String token, String requestKey,
			Instant issuedAt, @Nullable UUID appointmentId, @Nullable Instant appointmentStart) {
		return this.jdbc.sql("""
				insert into queue_ticket (municipality_id, location_id, group_id, service_day, number, display_number,
				    token, request_key, issued_at, appointment_id, appointment_start)
				values (:m, :l, :g, :d, :n, :display, :token, :key, :issued, :appointment, :start)
				returning id""")
			.param("m", group.municipalityId())
			.param("l", group.locationId())
			.param("g", group.id())
			.param("d", Date.valueOf(day))
			.param("n", number)
			.param("display", displayNumber)
			.param("token", token)
			.param("key", requestKey)
			.param("issued", Timestamp.from(issuedAt))
			.param("appointment", appointmentId)
			.param("start", (appointmentStart != null) ? Timestamp.from(appointmentStart) : null)
			.query(UUID.class)
			.single();
	}

	Optional<Ticket> byRequestKey(UUID locationId, String requestKey) {
		return this.jdbc
			.sql("select " + COLUMNS + " from queue_ticket t where t.location_id = :l and t.request_key = :k")
			.param("l", locationId)
			.param("k", requestKey)
			.query(TicketRepository::ticket)
			.optional();
	}

	Optional<Ticket> byAppointment(UUID appointmentId) {
		return this.jdbc.sql("select " + COLUMNS + " from queue_ticket t where t.appointment_id = :a")
			.param("a", appointmentId)
			.query(TicketRepository::ticket)
			.optional();
	}

	Optional<Ticket> byToken(String token) {
		return this.jdbc.sql("select " + COLUMNS + " from queue_ticket t where t.token = :t")
			.param("t", token)
			.query(TicketRepository::ticket)
			.optional();
	}

	Optional<Ticket> byId(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from queue_ticket t where t.id = :id")
			.param("id", id)
			.query(TicketRepository::ticket)
			.optional();
	}

	/** The waiting tickets of the location and day, in the order of the waiting line. */
	List<Ticket> waiting(UUID locationId, LocalDate day, Instant now) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from queue_ticket t where t.location_id = :l and t.service_day = :d and t.status = 'WAITING'
				order by """ + WAITING_ORDER)
			.param("l", locationId)
			.param("d", Date.valueOf(day))
			.param("now", Timestamp.from(now))
			.query(TicketRepository::ticket)
			.list();
	}

	/** All tickets of the location and day, in the order they were drawn. */
	List<Ticket> ofDay(UUID locationId, LocalDate day) {
		return this.jdbc.sql("select " + COLUMNS
				+ " from queue_ticket t where t.location_id = :l and t.service_day = :d order by t.issued_at, t.number")
			.param("l", locationId)
			.param("d", Date.valueOf(day))
			.query(TicketRepository::ticket)
			.list();
	}

	/** Tickets of the location between two days (inclusive), for the statistics. */
	List<Ticket> between(UUID locationId, LocalDate from, LocalDate to) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from queue_ticket t where t.location_id = :l and t.service_day between :from and :to
				order by t.service_day, t.issued_at""")
			.param("l", locationId)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query(TicketRepository::ticket)
			.list();
	}

	Optional<Ticket> calledTo(UUID counterId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from queue_ticket t where t.counter_id = :c and t.status = 'CALLED'")
			.param("c", counterId)
			.query(TicketRepository::ticket)
			.optional();
	}

	/** Finishes the ticket called to the counter, if any. */
	int finishCalled(UUID counterId, TicketStatus status, Instant now) {
		return this.jdbc.sql("""
				update queue_ticket set status = :status, finished_at = :now
				where counter_id = :c and status = 'CALLED'""")
			.param("status", status.name())
			.param("now", Timestamp.from(now))
			.param("c", counterId)
			.update();
	}

	/**
	 * Calls the first ticket of the waiting line the counter serves. Rows another
	 * transaction is calling right now are skipped, never waited for or taken twice.
	 */
	Optional<UUID> callNext(Counter counter, UUID staffId, LocalDate day, Instant now) {
		return this.jdbc.sql("""
				with next as (
				    select t.id from queue_ticket t
				    where t.location_id = :l and t.service_day = :d and t.status = 'WAITING'
				      and (t.target_counter_id = :c or (t.target_counter_id is null
				           and t.group_id in (select g.group_id from queue_counter_group g where g.counter_id = :c)))
				    order by (t.target_counter_id is not null) desc, """ + WAITING_ORDER + """

				    limit 1
				    for update skip locked)
				update queue_ticket t set status = 'CALLED', counter_id = :c, called_at = :now, called_by = :s,
				    call_count = t.call_count + 1, target_counter_id = null
				from next where t.id = next.id
				returning t.id""")
			.param("l", counter.locationId())
			.param("d", Date.valueOf(day))
			.param("c", counter.id())
			.param("s", staffId)
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.optional();
	}

	/** Calls one waiting ticket of the location, if it still waits. */
	boolean call(UUID ticketId, Counter counter, UUID staffId, Instant now) {
		return this.jdbc.sql("""
				update queue_ticket set status = 'CALLED', counter_id = :c, called_at = :now, called_by = :s,
				    call_count = call_count + 1, target_counter_id = null
				where id = :id and location_id = :l and status = 'WAITING'""")
			.param("id", ticketId)
			.param("l", counter.locationId())
			.param("c", counter.id())
			.param("s", staffId)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	int recall(UUID ticketId, Instant now) {
		return this.jdbc.sql("update queue_ticket set call_count = call_count + 1 where id = :id and status = 'CALLED'")
			.param("id", ticketId)
			.update();
	}

	/** Sends the called ticket back into the line of another group or counter. */
	int transfer(UUID ticketId, UUID groupId, @Nullable UUID targetCounterId) {
		return this.jdbc.sql("""
				update queue_ticket set status = 'WAITING', group_id = :g, target_counter_id = :target,
				    counter_id = null, called_at = null, called_by = null
				where id = :id and status = 'CALLED'""")
			.param("id", ticketId)
			.param("g", groupId)
			.param("target", targetCounterId)
			.update();
	}

	long insertCall(Ticket ticket, Counter counter, Instant now) {
		return this.jdbc.sql("""
				insert into queue_call (ticket_id, location_id, counter_id, display_number, counter_name, called_at)
				values (:t, :l, :c, :display, :name, :now) returning id""")
			.param("t", ticket.id())
			.param("l", ticket.locationId())
			.param("c", counter.id())
			.param("display", ticket.displayNumber())
			.param("name", counter.name())
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	List<Call> latestCalls(UUID locationId, Instant since, int limit) {
		return this.jdbc.sql("""
				select id, ticket_id, location_id, display_number, counter_name, called_at from queue_call
				where location_id = :l and called_at >= :since order by called_at desc, id desc limit :limit""")
			.param("l", locationId)
			.param("since", Timestamp.from(since))
			.param("limit", limit)
			.query((rs, row) -> new Call(rs.getLong("id"), rs.getObject("ticket_id", UUID.class),
					rs.getObject("location_id", UUID.class), rs.getString("display_number"),
					rs.getString("counter_name"), rs.getTimestamp("called_at").toInstant()))
			.list();
	}

	/** The last service times (call to done) of the group, newest first, in seconds. */
	List<Long> recentServiceSeconds(UUID groupId, int samples) {
		return this.jdbc.sql("""
				select extract(epoch from (finished_at - called_at))::bigint from queue_ticket
				where group_id = :g and status = 'DONE' and called_at is not null
				order by finished_at desc limit :n""").param("g", groupId).param("n", samples).query(Long.class).list();
	}

	void setEmail(UUID ticketId, String email, String language) {
		this.jdbc.sql("update queue_ticket set email = :e, email_language = :lang where id = :id")
			.param("id", ticketId)
			.param("e", email)
			.param("lang", language)
			.update();
	}

	Optional<String> emailLanguage(UUID ticketId) {
		return this.jdbc.sql("select email_language from queue_ticket where id = :id")
			.param("id", ticketId)
			.query(String.class)
			.optional();
	}

	/** Marks the message as due; true only for the one caller that marked it. */
	boolean markNearlyDue(UUID ticketId, Instant now) {
		return this.jdbc.sql("""
				update queue_ticket set nearly_due_sent_at = :now
				where id = :id and email is not null and nearly_due_sent_at is null and status = 'WAITING'""")
			.param("id", ticketId)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Forgets e-mail addresses of past days; they served only that day. */
	int forgetEmailsBefore(LocalDate day) {
		return this.jdbc.sql("""
				update queue_ticket set email = null, email_language = null
				where service_day < :d and email is not null""").param("d", Date.valueOf(day)).update();
	}

	private static Ticket ticket(ResultSet rs, int row) throws SQLException {
		return new Ticket(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				rs.getObject("location_id", UUID.class), rs.getObject("group_id", UUID.class),
				rs.getDate("service_day").toLocalDate(), rs.getInt("number"), rs.getString("display_number"),
				rs.getString("token"), rs.getTimestamp("issued_at").toInstant(),
				rs.getObject("appointment_id", UUID.class),
				SetupRepository.instant(rs.getTimestamp("appointment_start")),
				TicketStatus.valueOf(rs.getString("status")), rs.getObject("target_counter_id", UUID.class),
				rs.getObject("counter_id", UUID.class), SetupRepository.instant(rs.getTimestamp("called_at")),
				rs.getInt("call_count"), SetupRepository.instant(rs.getTimestamp("finished_at")), rs.getString("email"),
				SetupRepository.instant(rs.getTimestamp("nearly_due_sent_at")));
	}

}
