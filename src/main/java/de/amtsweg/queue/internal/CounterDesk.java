package de.amtsweg.queue.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clerk's work at a counter: open it, call the next ticket (or a chosen one), call
 * again, finish as done or no-show, hand a ticket on to another group or counter. Each
 * call is announced to the display boards when its transaction commits.
 */
@Service
@Transactional
public class CounterDesk {

	private final SetupRepository setup;

	private final TicketRepository tickets;

	private final TicketLine line;

	private final CallNotifications notifications;

	private final QueueProperties properties;

	private final Clock clock;

	CounterDesk(SetupRepository setup, TicketRepository tickets, TicketLine line, CallNotifications notifications,
			QueueProperties properties, Clock clock) {
		this.setup = setup;
		this.tickets = tickets;
		this.line = line;
		this.notifications = notifications;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Opens the counter for the staff member (closing any other counter they had open).
	 * Someone else's open counter is taken over only when asked to.
	 * @return whether the staff member now works at the counter
	 */
	public boolean open(Counter counter, UUID staffId, boolean takeOver) {
		return this.setup.open(counter.id(), staffId, this.clock.instant(), takeOver);
	}

	public void close(Counter counter, UUID staffId) {
		requireAt(counter, staffId);
		this.setup.close(counter.id());
	}

	/** The counter the staff member works at, if any. */
	@Transactional(readOnly = true)
	public Optional<Counter> counterOf(UUID staffId) {
		return this.setup.counterOpenedBy(staffId);
	}

	/**
	 * What a clerk sees at the counter.
	 *
	 * @param counter the counter
	 * @param current the ticket called to it, if any
	 * @param waiting the line of tickets this counter may call, in order
	 */
	public record View(Counter counter, Optional<Ticket> current, List<Ticket> waiting) {

	}

	@Transactional(readOnly = true)
	public View view(Counter counter) {
		Instant now = this.clock.instant();
		List<Ticket> waiting = this.tickets.waiting(counter.locationId(), today(now), now)
			.stream()
			.filter((ticket) -> counter.id().equals(ticket.targetCounterId())
					|| (ticket.targetCounterId() == null && counter.groupIds().contains(ticket.groupId())))
			.toList();
		return new View(counter, this.tickets.calledTo(counter.id()), waiting);
	}

	/**
	 * Finishes the current ticket as done and calls the next one this counter serves. Two
	 * counters calling at the same moment never get the same ticket: the next ticket is
	 * taken with {@code FOR UPDATE SKIP LOCKED}.
	 */
	public Optional<Ticket> callNext(Counter counter, UUID staffId) {
		requireAt(counter, staffId);
		Instant now = this.clock.instant();
		this.tickets.finishCalled(counter.id(), TicketStatus.DONE, now);
		Optional<UUID> called = this.tickets.callNext(counter, staffId, today(now), now);
		return called.map((id) -> announce(id, counter, now));
	}

	/**
	 * Calls a chosen waiting ticket of the location, e.g. someone who needs help first.
	 */
	public Ticket call(Counter counter, UUID staffId, UUID ticketId) {
		requireAt(counter, staffId);
		Instant now = this.clock.instant();
		this.tickets.finishCalled(counter.id(), TicketStatus.DONE, now);
		if (!this.tickets.call(ticketId, counter, staffId, now)) {
			throw InvalidInputException.of("", "queue.counter.ticketGone");
		}
		return announce(ticketId, counter, now);
	}

	/** Calls the current ticket again, e.g. when nobody came. */
	public Ticket recall(Counter counter, UUID staffId) {
		requireAt(counter, staffId);
		Ticket current = current(counter);
		Instant now = this.clock.instant();
		this.tickets.recall(current.id(), now);
		Call call = new Call(0, current.id(), current.locationId(), current.displayNumber(), counter.name(), now);
		this.notifications.announce(withId(call, this.tickets.insertCall(current, counter, now)));
		return current;
	}

	/** Ends the current ticket: served, or the visitor did not come. */
	public void finish(Counter counter, UUID staffId, TicketStatus outcome) {
		if (outcome != TicketStatus.DONE && outcome != TicketStatus.NO_SHOW) {
			throw new IllegalArgumentException("A ticket ends as done or no-show, not " + outcome);
		}
		requireAt(counter, staffId);
		current(counter);
		this.tickets.finishCalled(counter.id(), outcome, this.clock.instant());
	}

	/**
	 * Sends the current ticket back into a line: of another service group, or of one
	 * other counter only (which calls it before its other tickets).
	 */
	public void transfer(Counter counter, UUID staffId, String target) {
		requireAt(counter, staffId);
		Ticket current = current(counter);
		UUID groupId;
		UUID targetCounter = null;
		if (target.startsWith("gruppe:")) {
			groupId = this.setup.group(parse(target.substring(7)))
				.filter((group) -> group.locationId().equals(counter.locationId()))
				.orElseThrow(() -> InvalidInputException.of("target", "queue.counter.transfer.missing"))
				.id();
		}
		else if (target.startsWith("schalter:")) {
			Counter other = this.setup.counter(parse(target.substring(9)))
				.filter((found) -> found.locationId().equals(counter.locationId()) && !found.id().equals(counter.id()))
				.orElseThrow(() -> InvalidInputException.of("target", "queue.counter.transfer.missing"));
			groupId = current.groupId();
			targetCounter = other.id();
		}
		else {
			throw InvalidInputException.of("target", "queue.counter.transfer.missing");
		}
		this.tickets.transfer(current.id(), groupId, targetCounter);
		this.line.announceNearTurns(counter.locationId(), current.serviceDay());
	}

	private Ticket announce(UUID ticketId, Counter counter, Instant now) {
		Ticket ticket = this.tickets.byId(ticketId).orElseThrow();
		long callId = this.tickets.insertCall(ticket, counter, now);
		this.notifications
			.announce(new Call(callId, ticket.id(), ticket.locationId(), ticket.displayNumber(), counter.name(), now));
		this.line.announceNearTurns(counter.locationId(), ticket.serviceDay());
		return ticket;
	}

	private Ticket current(Counter counter) {
		return this.tickets.calledTo(counter.id())
			.orElseThrow(() -> InvalidInputException.of("", "queue.counter.noCurrent"));
	}

	private void requireAt(Counter counter, UUID staffId) {
		Counter fresh = this.setup.counter(counter.id()).orElseThrow(() -> new NotFoundException("Counter"));
		if (!staffId.equals(fresh.openedBy())) {
			throw InvalidInputException.of("", "queue.counter.notYours");
		}
	}

	/** The calls the display boards of the location show, newest first. */
	@Transactional(readOnly = true)
	public List<Call> latestCalls(UUID locationId) {
		Instant now = this.clock.instant();
		Instant startOfDay = today(now).atStartOfDay(TicketLine.ZONE).toInstant();
		return this.tickets.latestCalls(locationId, startOfDay, this.properties.boardCalls());
	}

	private static Call withId(Call call, long id) {
		return new Call(id, call.ticketId(), call.locationId(), call.displayNumber(), call.counterName(),
				call.calledAt());
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("target", "queue.counter.transfer.missing");
		}
	}

	private static LocalDate today(Instant now) {
		return now.atZone(TicketLine.ZONE).toLocalDate();
	}

}
