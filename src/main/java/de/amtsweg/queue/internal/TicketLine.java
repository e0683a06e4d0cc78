package de.amtsweg.queue.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.queue.AppointmentCheckIns;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The waiting line of a location: drawing tickets at the kiosk (once per form, however
 * often it is sent), checking in with an appointment, the ticket page's place and
 * estimated wait, and the "nearly your turn" e-mail.
 */
@Service
public class TicketLine {

	static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	private final TicketRepository tickets;

	private final SetupRepository setup;

	private final List<AppointmentCheckIns> appointments;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	private final QueueProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	TicketLine(TicketRepository tickets, SetupRepository setup, List<AppointmentCheckIns> appointments,
			ApplicationEventPublisher events, AuditLog auditLog, QueueProperties properties,
			TransactionTemplate transactions, Clock clock) {
		this.tickets = tickets;
		this.setup = setup;
		this.appointments = List.copyOf(appointments);
		this.events = events;
		this.auditLog = auditLog;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The same line with other appointment systems; for tests of the check-in. */
	public TicketLine withAppointments(List<AppointmentCheckIns> others) {
		return new TicketLine(this.tickets, this.setup, others, this.events, this.auditLog, this.properties,
				this.transactions, this.clock);
	}

	/**
	 * Draws a ticket of the group at the kiosk. The form's request key makes it
	 * idempotent: a double click or a repeated POST returns the ticket already drawn.
	 */
	public Ticket draw(Device kiosk, UUID groupId, String requestKey) {
		checkRequestKey(requestKey);
		ServiceGroup group = this.setup.group(groupId)
			.filter((found) -> found.locationId().equals(kiosk.locationId()))
			.orElseThrow(() -> InvalidInputException.of("group", "queue.kiosk.group.missing"));
		return once(kiosk.locationId(), requestKey, () -> issue(group, requestKey, null, null));
	}

	/** What became of an appointment code at the kiosk. */
	public sealed interface CheckIn {

	}

	/** The visitor is in the line. */
	public record CheckedIn(Ticket ticket) implements CheckIn {

	}

	/** The code was not accepted; the message key says why. */
	public record Refused(String messageKey) implements CheckIn {

	}

	/**
	 * Checks an appointment holder in: a ticket of the group the appointment's service
	 * belongs to, which counts from the appointment's time and goes before walk-ins once
	 * that time has come. A second check-in with the same code shows the first ticket.
	 */
	public CheckIn checkIn(Device kiosk, String code, String requestKey) {
		checkRequestKey(requestKey);
		Optional<Ticket> repeated = this.tickets.byRequestKey(kiosk.locationId(), requestKey);
		if (repeated.isPresent()) {
			return new CheckedIn(repeated.get());
		}
		CheckInRules.Outcome outcome = CheckInRules.decide(this.appointments, kiosk.municipalityId(),
				kiosk.locationId(), this.setup.groups(kiosk.locationId()), code);
		if (outcome instanceof CheckInRules.Found found) {
			Optional<Ticket> already = this.tickets.byAppointment(found.visit().appointmentId());
			if (already.isPresent()) {
				return new CheckedIn(already.get());
			}
			Instant start = found.visit().start().atZone(ZONE).toInstant();
			try {
				Ticket ticket = once(kiosk.locationId(), requestKey, () -> {
					Ticket issued = issue(found.group(), requestKey, found.visit().appointmentId(), start);
					found.source().markArrived(found.visit().appointmentId());
					this.auditLog.record("queue.appointment.checked-in", "appointment",
							found.visit().appointmentId().toString(), kiosk.municipalityId(), issued.displayNumber());
					return issued;
				});
				return new CheckedIn(ticket);
			}
			catch (DuplicateKeyException ex) {
				// the same appointment checked in at the same moment on another kiosk
				return this.tickets.byAppointment(found.visit().appointmentId())
					.<CheckIn>map(CheckedIn::new)
					.orElseThrow(() -> ex);
			}
		}
		if (outcome instanceof CheckInRules.ElsewhereLocated) {
			return new Refused("queue.checkIn.elsewhere");
		}
		if (outcome instanceof CheckInRules.NoGroup) {
			return new Refused("queue.checkIn.noGroup");
		}
		return new Refused("queue.checkIn.unknown");
	}

	private static void checkRequestKey(String requestKey) {
		if (requestKey.length() < 8 || requestKey.length() > 100) {
			throw InvalidInputException.of("", "queue.kiosk.requestKey.invalid");
		}
	}

	/**
	 * Runs the issue in its own transaction; if the request key was used meanwhile (the
	 * unique constraint says so), the number drawn is rolled back with it and the ticket
	 * of the first request is the answer.
	 */
	private Ticket once(UUID locationId, String requestKey, Supplier<Ticket> issue) {
		Optional<Ticket> existing = this.tickets.byRequestKey(locationId, requestKey);
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			Ticket ticket = this.transactions.execute((status) -> issue.get());
			if (ticket == null) {
				throw new IllegalStateException("No ticket issued");
			}
			return ticket;
		}
		catch (DuplicateKeyException ex) {
			return this.tickets.byRequestKey(locationId, requestKey).orElseThrow(() -> ex);
		}
	}

	private Ticket issue(ServiceGroup group, String requestKey, @Nullable UUID appointmentId,
			@Nullable Instant appointmentStart) {
		Instant now = this.clock.instant();
		LocalDate day = now.atZone(ZONE).toLocalDate();
		int number = this.tickets.nextNumber(group.id(), day);
		String display = group.prefix() + String.format(Locale.ROOT, "%03d", number);
		UUID id = this.tickets.insert(group, day, number, display, QueueSetup.newToken(), requestKey, now,
				appointmentId, appointmentStart);
		return this.tickets.byId(id).orElseThrow();
	}

	/** The ticket behind the secret URL, or 404. */
	public Ticket ticket(String token) {
		return this.tickets.byToken(token).orElseThrow(() -> new NotFoundException("Ticket"));
	}

	/**
	 * Where a ticket stands in its group's line.
	 *
	 * @param ticket the ticket
	 * @param group its service group
	 * @param ahead how many wait before it (only meaningful while waiting)
	 * @param estimate the estimated wait
	 * @param counterName the counter it is called to, if it is
	 */
	public record Place(Ticket ticket, ServiceGroup group, int ahead, Duration estimate, @Nullable String counterName) {

		public long estimateMinutes() {
			return WaitEstimate.minutes(this.estimate);
		}

	}

	public Place place(Ticket ticket) {
		Instant now = this.clock.instant();
		ServiceGroup group = this.setup.group(ticket.groupId()).orElseThrow();
		List<Ticket> waiting = this.tickets.waiting(ticket.locationId(), ticket.serviceDay(), now);
		int ahead = aheadOf(ticket, waiting);
		Duration estimate = estimate(group, ahead);
		String counterName = null;
		if (ticket.counterId() != null && ticket.status() == TicketStatus.CALLED) {
			counterName = this.setup.counter(ticket.counterId()).map(Counter::name).orElse(null);
		}
		return new Place(ticket, group, ahead, estimate, counterName);
	}

	/** The estimated wait of someone with so many people of the group ahead. */
	public Duration estimate(ServiceGroup group, int ahead) {
		Duration average = averageServiceTime(group);
		long open = this.setup.counters(group.locationId())
			.stream()
			.filter((counter) -> counter.isOpen() && counter.groupIds().contains(group.id()))
			.count();
		return WaitEstimate.of(average, ahead, (int) open);
	}

	public Duration averageServiceTime(ServiceGroup group) {
		return WaitEstimate.averageServiceTime(
				this.tickets.recentServiceSeconds(group.id(), this.properties.serviceTimeSamples()),
				Duration.ofMinutes(group.defaultServiceMinutes()));
	}

	/** How many tickets of the same group wait before this one. */
	static int aheadOf(Ticket ticket, List<Ticket> waitingInOrder) {
		int ahead = 0;
		for (Ticket other : waitingInOrder) {
			if (other.id().equals(ticket.id())) {
				return ahead;
			}
			if (other.groupId().equals(ticket.groupId())) {
				ahead++;
			}
		}
		return ahead;
	}

	/**
	 * Keeps an e-mail address for the "nearly your turn" message of a waiting ticket. If
	 * the turn is already near, the message goes out at once.
	 */
	public void registerEmail(String token, String email, Locale locale) {
		String address = email.strip();
		if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || address.length() > 254) {
			throw InvalidInputException.of("email", "queue.ticket.email.invalid");
		}
		this.transactions.executeWithoutResult((status) -> {
			Ticket ticket = ticket(token);
			if (ticket.status() != TicketStatus.WAITING) {
				throw InvalidInputException.of("email", "queue.ticket.email.tooLate");
			}
			this.tickets.setEmail(ticket.id(), address, locale.getLanguage().equals("en") ? "en" : "de");
			this.auditLog.record("queue.ticket.email-registered", "queue_ticket", ticket.id().toString(),
					ticket.municipalityId(), "");
			announceNearTurns(ticket.locationId(), ticket.serviceDay());
		});
	}

	/**
	 * Publishes {@link TicketTurnNear} for every waiting ticket with an e-mail address
	 * that came near the front; the conditional update lets each go out once, whichever
	 * node or clerk moved the line. Call inside the transaction that moved it.
	 */
	void announceNearTurns(UUID locationId, LocalDate day) {
		Instant now = this.clock.instant();
		List<Ticket> waiting = this.tickets.waiting(locationId, day, now);
		Map<UUID, Integer> aheadPerGroup = new HashMap<>();
		for (Ticket ticket : waiting) {
			int ahead = aheadPerGroup.merge(ticket.groupId(), 1, Integer::sum) - 1;
			if (ahead <= this.properties.nearlyDueAhead() && ticket.email() != null && ticket.nearlyDueSentAt() == null
					&& this.tickets.markNearlyDue(ticket.id(), now)) {
				this.events.publishEvent(new TicketTurnNear(ticket.id()));
			}
		}
	}

	Optional<Ticket> byId(UUID ticketId) {
		return this.tickets.byId(ticketId);
	}

	Optional<String> emailLanguage(UUID ticketId) {
		return this.tickets.emailLanguage(ticketId);
	}

}
