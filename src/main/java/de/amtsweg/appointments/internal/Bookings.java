package de.amtsweg.appointments.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import de.amtsweg.appointments.AppointmentCancelled;
import de.amtsweg.appointments.AppointmentConfirmed;
import de.amtsweg.appointments.AppointmentStatus;
import de.amtsweg.appointments.internal.AppointmentMailRequested.Kind;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking, confirming, moving and cancelling appointments. The time on a counter is taken
 * by inserting an occupancy row; the database's exclusion constraint refuses any overlap
 * on the same counter, so a slot is never booked beyond its capacity (the number of free
 * counters) however many requests race for it, on however many nodes.
 */
@Service
public class Bookings {

	private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	static final String RECORD = "appointment";

	private final CalendarRepository calendars;

	private final AppointmentRepository appointments;

	private final SlotFinder slots;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final AppointmentsProperties properties;

	private final Clock clock;

	public Bookings(CalendarRepository calendars, AppointmentRepository appointments, SlotFinder slots,
			AuditLog auditLog, ApplicationEventPublisher events, AppointmentsProperties properties, Clock clock) {
		this.calendars = calendars;
		this.appointments = appointments;
		this.slots = slots;
		this.auditLog = auditLog;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Books a slot. Online bookings are held until confirmed by the e-mail link; staff
	 * bookings (a caller on the phone) are confirmed at once. A request with an
	 * idempotency key that was booked before returns that appointment again.
	 * @return the appointment
	 * @throws SlotTakenException if no counter is free for the time (any more)
	 * @throws BookingLimitException if the address holds too many open appointments
	 */
	@Transactional
	public UUID book(BookingRequest request) {
		Calendar calendar = this.calendars.find(request.calendarId())
			.filter((found) -> found.municipalityId().equals(request.municipalityId()))
			.orElseThrow(() -> new NotFoundException("Calendar " + request.calendarId()));
		boolean staff = request.channel() == Channel.STAFF;
		if (!calendar.active() && !staff) {
			throw new NotFoundException("Calendar " + request.calendarId());
		}
		List<BookableService> services = services(calendar, request.serviceIds());
		int minutes = minutes(services, request.persons());
		if (!this.slots.isBookableStart(calendar, request.start(), minutes, staff)) {
			throw new SlotTakenException();
		}
		Instant now = this.clock.instant();
		String email = request.email().trim();
		if (!email.isEmpty()) {
			// one booking of an address at a time, so the limit below cannot be raced
			this.appointments.lockAddress(email);
		}
		if (request.idempotencyKey() != null) {
			var earlier = this.appointments.byIdempotencyKey(request.idempotencyKey());
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		if (!staff && !email.isEmpty()) {
			for (BookableService service : services) {
				if (this.appointments.openFor(email, service.id(), now) >= service.maxOpenPerPerson()) {
					throw new BookingLimitException(service.maxOpenPerPerson());
				}
			}
		}
		List<Counter> counters = new ArrayList<>(
				this.calendars.counters(calendar.id()).stream().filter(Counter::active).toList());
		if (counters.isEmpty()) {
			throw new SlotTakenException();
		}
		// Start at a random counter, so that racing requests spread instead of queueing
		// on
		// the first one. A transaction only waits while it holds no occupancy, so the
		// order cannot deadlock.
		Collections.rotate(counters, RANDOM.nextInt(counters.size()));
		Instant end = request.start().plus(Duration.ofMinutes(minutes));
		Instant occupiedUntil = end.plus(Duration.ofMinutes(calendar.bufferMinutes()));
		AppointmentStatus status = staff ? AppointmentStatus.CONFIRMED : AppointmentStatus.HELD;
		Appointment appointment = null;
		for (int attempt = 0; appointment == null; attempt++) {
			Appointment candidate = new Appointment(UUID.randomUUID(), calendar.municipalityId(), calendar.id(),
					counters.get(0).id(), request.start(), end, request.persons(), status,
					staff ? null : now.plus(this.properties.holdTime()), request.name().trim(), email,
					request.phone().trim(), request.accountId(), request.channel().name(), code(), request.locale(),
					services.stream().map(BookableService::id).toList());
			if (this.appointments.insert(candidate, request.idempotencyKey(), now)) {
				appointment = candidate;
			}
			else if (request.idempotencyKey() != null
					&& this.appointments.byIdempotencyKey(request.idempotencyKey()).isPresent()) {
				return this.appointments.byIdempotencyKey(request.idempotencyKey()).get();
			}
			else if (attempt > 5) {
				throw new IllegalStateException("No free check-in code found");
			}
		}
		UUID counterId = takeCounter(appointment.id(), counters, request.start(), occupiedUntil);
		if (counterId == null && !this.appointments.lapseExpiredHolds(now).isEmpty()) {
			// a hold that ran out but was not cleared yet gives its time back
			counterId = takeCounter(appointment.id(), counters, request.start(), occupiedUntil);
		}
		if (counterId == null) {
			throw new SlotTakenException();
		}
		if (!counterId.equals(appointment.counterId())) {
			this.appointments.setCounter(appointment.id(), counterId);
		}
		this.auditLog.record(staff ? "appointment.book-for-caller" : "appointment.hold", RECORD,
				appointment.id().toString(), calendar.municipalityId(), "calendar " + calendar.id());
		if (staff) {
			this.events.publishEvent(new AppointmentConfirmed(appointment.id(), calendar.municipalityId()));
			if (!email.isEmpty()) {
				this.events.publishEvent(new AppointmentMailRequested(appointment.id(), Kind.CONFIRMED));
			}
		}
		else {
			this.events.publishEvent(new AppointmentMailRequested(appointment.id(), Kind.CONFIRM_HOLD));
		}
		return appointment.id();
	}

	private @Nullable UUID takeCounter(UUID appointmentId, List<Counter> counters, Instant from, Instant to) {
		for (Counter counter : counters) {
			if (this.appointments.occupy(appointmentId, counter.id(), from, to)) {
				return counter.id();
			}
		}
		return null;
	}

	List<BookableService> services(Calendar calendar, List<UUID> serviceIds) {
		if (serviceIds.isEmpty()) {
			throw InvalidInputException.of("services", "appointments.error.services.required");
		}
		List<BookableService> services = new ArrayList<>();
		for (UUID id : serviceIds.stream().distinct().toList()) {
			BookableService service = this.calendars.service(id)
				.filter((found) -> found.calendarId().equals(calendar.id()) && found.active())
				.orElseThrow(() -> new NotFoundException("Service " + id));
			services.add(service);
		}
		return services;
	}

	/**
	 * Minutes for the services and persons; refuses more persons than a service allows.
	 */
	static int minutes(List<BookableService> services, int persons) {
		int most = services.stream().mapToInt(BookableService::maxPersons).min().orElse(1);
		if (persons < 1 || persons > most) {
			throw InvalidInputException.of("persons", "appointments.error.persons.range", most);
		}
		return services.stream().mapToInt((service) -> service.minutesFor(persons)).sum();
	}

	/** Confirms a hold (the e-mail link); false if it lapsed or is unknown. */
	@Transactional
	public boolean confirm(UUID appointmentId) {
		Appointment appointment = this.appointments.lock(appointmentId)
			.orElseThrow(() -> new NotFoundException("Appointment " + appointmentId));
		if (appointment.status() == AppointmentStatus.CONFIRMED) {
			return true;
		}
		if (!this.appointments.confirm(appointmentId, this.clock.instant())) {
			return false;
		}
		this.auditLog.record("appointment.confirm", RECORD, appointmentId.toString(), appointment.municipalityId(), "");
		this.events.publishEvent(new AppointmentConfirmed(appointmentId, appointment.municipalityId()));
		this.events.publishEvent(new AppointmentMailRequested(appointmentId, Kind.CONFIRMED));
		return true;
	}

	/** Cancels an open appointment; its time is free again at once. */
	@Transactional
	public boolean cancel(UUID appointmentId) {
		Appointment appointment = this.appointments.lock(appointmentId)
			.orElseThrow(() -> new NotFoundException("Appointment " + appointmentId));
		if (!appointment.open()) {
			return false;
		}
		this.appointments.setStatus(appointmentId, AppointmentStatus.CANCELLED, this.clock.instant());
		this.appointments.release(appointmentId);
		this.auditLog.record("appointment.cancel", RECORD, appointmentId.toString(), appointment.municipalityId(), "");
		this.events.publishEvent(new AppointmentCancelled(appointmentId, appointment.municipalityId()));
		if (!appointment.email().isEmpty()) {
			this.events.publishEvent(new AppointmentMailRequested(appointmentId, Kind.CANCELLED));
		}
		return true;
	}

	/**
	 * Moves an open appointment to another start: the new time is taken before the old
	 * one is given up, in one transaction, so the citizen never ends up with neither.
	 */
	@Transactional
	public void move(UUID appointmentId, Instant start) {
		Appointment appointment = this.appointments.lock(appointmentId)
			.orElseThrow(() -> new NotFoundException("Appointment " + appointmentId));
		if (!appointment.open()) {
			throw new SlotTakenException();
		}
		Calendar calendar = this.calendars.find(appointment.calendarId()).orElseThrow();
		int minutes = (int) Duration.between(appointment.startsAt(), appointment.endsAt()).toMinutes();
		if (!this.slots.isBookableStart(calendar, start, minutes, false)) {
			throw new SlotTakenException();
		}
		this.appointments.release(appointmentId);
		List<Counter> counters = new ArrayList<>(
				this.calendars.counters(calendar.id()).stream().filter(Counter::active).toList());
		Instant end = start.plus(Duration.ofMinutes(minutes));
		UUID counterId = takeCounter(appointmentId, counters, start,
				end.plus(Duration.ofMinutes(calendar.bufferMinutes())));
		if (counterId == null) {
			// rolls back, the old time stays taken
			throw new SlotTakenException();
		}
		this.appointments.moveTo(appointmentId, counterId, start, end);
		this.auditLog.record("appointment.move", RECORD, appointmentId.toString(), appointment.municipalityId(),
				appointment.startsAt() + " -> " + start);
		if (appointment.status() == AppointmentStatus.CONFIRMED) {
			this.events.publishEvent(new AppointmentMailRequested(appointmentId, Kind.MOVED));
		}
	}

	/** Staff (or the call system's check-in) mark an arrival or a no-show. */
	@Transactional
	public void mark(UUID appointmentId, AppointmentStatus status) {
		if (status != AppointmentStatus.ARRIVED && status != AppointmentStatus.NO_SHOW) {
			throw new IllegalArgumentException("Only arrival or no-show can be marked");
		}
		Appointment appointment = this.appointments.lock(appointmentId)
			.orElseThrow(() -> new NotFoundException("Appointment " + appointmentId));
		if (appointment.status() == status) {
			return;
		}
		if (appointment.status() != AppointmentStatus.CONFIRMED && appointment.status() != AppointmentStatus.ARRIVED
				&& appointment.status() != AppointmentStatus.NO_SHOW) {
			throw new IllegalStateException("Appointment " + appointmentId + " is " + appointment.status());
		}
		this.appointments.setStatus(appointmentId, status, this.clock.instant());
		this.auditLog.record("appointment." + status.name().toLowerCase(Locale.ROOT).replace('_', '-'), RECORD,
				appointmentId.toString(), appointment.municipalityId(), "");
	}

	/** Unconfirmed holds whose time ran out lapse; their slots return to the pool. */
	@Transactional
	public int lapseExpiredHolds() {
		List<UUID> lapsed = this.appointments.lapseExpiredHolds(this.clock.instant());
		for (UUID id : lapsed) {
			this.auditLog.record("appointment.lapse", RECORD, id.toString(), null, "not confirmed in time");
		}
		return lapsed.size();
	}

	/**
	 * Asks for the reminder mail of every confirmed appointment of tomorrow that has none
	 * yet; the flag in the row makes it exactly once.
	 */
	@Transactional
	public int remindTomorrow() {
		Instant now = this.clock.instant();
		LocalDate tomorrow = LocalDate.ofInstant(now, SlotFinder.BERLIN).plusDays(1);
		List<UUID> due = this.appointments.takeDueReminders(tomorrow.atStartOfDay(SlotFinder.BERLIN).toInstant(),
				tomorrow.plusDays(1).atStartOfDay(SlotFinder.BERLIN).toInstant(), now);
		for (UUID id : due) {
			this.events.publishEvent(new AppointmentMailRequested(id, Kind.REMINDER));
		}
		return due.size();
	}

	private static String code() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	/** How a booking came in. */
	public enum Channel {

		/** A citizen online. */
		ONLINE,
		/** Staff for a caller (phone hotline): no proof-of-work, confirmed at once. */
		STAFF

	}

	/**
	 * A booking.
	 *
	 * @param municipalityId the municipality
	 * @param calendarId the calendar
	 * @param serviceIds the services (all of the calendar)
	 * @param persons persons or items
	 * @param start the chosen start
	 * @param name name
	 * @param email e-mail address (may be empty for staff bookings)
	 * @param phone phone, may be empty
	 * @param accountId the signed-in citizen, if any
	 * @param locale language of the mails
	 * @param idempotencyKey the form's one-time key, if any
	 * @param channel online or staff
	 */
	public record BookingRequest(UUID municipalityId, UUID calendarId, List<UUID> serviceIds, int persons,
			Instant start, String name, String email, String phone, @Nullable UUID accountId, Locale locale,
			@Nullable String idempotencyKey, Channel channel) {
	}

}
