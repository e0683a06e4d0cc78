package de.amtsweg.queue.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office manager's figures: the line right now (waiting per group, average and
 * longest waits, open counters) and daily statistics per group.
 */
@Service
@Transactional(readOnly = true)
public class QueueStatistics {

	private final SetupRepository setup;

	private final TicketRepository tickets;

	private final TicketLine line;

	private final Clock clock;

	QueueStatistics(SetupRepository setup, TicketRepository tickets, TicketLine line, Clock clock) {
		this.setup = setup;
		this.tickets = tickets;
		this.line = line;
		this.clock = clock;
	}

	/**
	 * One group right now.
	 *
	 * @param group the group
	 * @param waiting how many wait
	 * @param longestWait the longest current wait
	 * @param averageWaitToday mean wait of today's called tickets
	 * @param averageServiceTime the learnt service time
	 * @param estimateForNewcomer estimated wait of a ticket drawn now
	 * @param openCounters open counters serving the group
	 */
	public record GroupNow(ServiceGroup group, int waiting, Duration longestWait, Duration averageWaitToday,
			Duration averageServiceTime, Duration estimateForNewcomer, long openCounters) {

	}

	/**
	 * A counter right now.
	 *
	 * @param counter the counter
	 * @param current the number called to it, empty if none
	 */
	public record CounterNow(Counter counter, String current) {

	}

	public record Now(List<GroupNow> groups, List<CounterNow> counters) {

		public long openCounters() {
			return this.counters.stream().filter((counter) -> counter.counter().isOpen()).count();
		}

	}

	public Now now(UUID locationId) {
		Instant now = this.clock.instant();
		LocalDate day = now.atZone(TicketLine.ZONE).toLocalDate();
		List<Ticket> today = this.tickets.ofDay(locationId, day);
		List<Counter> counters = this.setup.counters(locationId);
		List<GroupNow> groups = new ArrayList<>();
		for (ServiceGroup group : this.setup.groups(locationId)) {
			List<Ticket> ofGroup = today.stream().filter((ticket) -> ticket.groupId().equals(group.id())).toList();
			List<Ticket> waiting = ofGroup.stream()
				.filter((ticket) -> ticket.status() == TicketStatus.WAITING)
				.toList();
			Duration longest = waiting.stream()
				.map((ticket) -> ticket.waitedUntil(now))
				.max(Duration::compareTo)
				.orElse(Duration.ZERO);
			long open = counters.stream()
				.filter((counter) -> counter.isOpen() && counter.groupIds().contains(group.id()))
				.count();
			groups.add(new GroupNow(group, waiting.size(), longest, averageWait(ofGroup),
					this.line.averageServiceTime(group), this.line.estimate(group, waiting.size()), open));
		}
		List<CounterNow> counterStates = new ArrayList<>();
		for (Counter counter : counters) {
			Optional<Ticket> current = this.tickets.calledTo(counter.id());
			counterStates.add(new CounterNow(counter, current.map(Ticket::displayNumber).orElse("")));
		}
		return new Now(groups, counterStates);
	}

	/**
	 * One group on one day.
	 *
	 * @param day the day
	 * @param group the group
	 * @param issued tickets drawn
	 * @param served tickets done
	 * @param noShows tickets whose holders did not come
	 * @param averageWait mean wait until the call
	 * @param longestWait longest wait until the call
	 * @param averageServiceTime mean time from call to done
	 */
	public record DayFigures(LocalDate day, ServiceGroup group, int issued, int served, int noShows,
			Duration averageWait, Duration longestWait, Duration averageServiceTime) {

	}

	public List<DayFigures> daily(UUID locationId, LocalDate from, LocalDate to) {
		List<ServiceGroup> groups = this.setup.groups(locationId);
		Map<LocalDate, Map<UUID, List<Ticket>>> byDay = new LinkedHashMap<>();
		for (Ticket ticket : this.tickets.between(locationId, from, to)) {
			byDay.computeIfAbsent(ticket.serviceDay(), (day) -> new LinkedHashMap<>())
				.computeIfAbsent(ticket.groupId(), (group) -> new ArrayList<>())
				.add(ticket);
		}
		List<DayFigures> figures = new ArrayList<>();
		byDay.forEach((day, ofDay) -> {
			for (ServiceGroup group : groups) {
				List<Ticket> ofGroup = ofDay.getOrDefault(group.id(), List.of());
				if (ofGroup.isEmpty()) {
					continue;
				}
				List<Duration> waits = waits(ofGroup);
				List<Duration> services = ofGroup.stream()
					.filter((ticket) -> ticket.status() == TicketStatus.DONE && ticket.calledAt() != null
							&& ticket.finishedAt() != null)
					.map((ticket) -> Duration.between(ticket.calledAt(), ticket.finishedAt()))
					.toList();
				figures.add(new DayFigures(day, group, ofGroup.size(), count(ofGroup, TicketStatus.DONE),
						count(ofGroup, TicketStatus.NO_SHOW), mean(waits),
						waits.stream().max(Duration::compareTo).orElse(Duration.ZERO), mean(services)));
			}
		});
		return figures;
	}

	private static Duration averageWait(List<Ticket> tickets) {
		return mean(waits(tickets));
	}

	private static List<Duration> waits(List<Ticket> tickets) {
		return tickets.stream()
			.filter((ticket) -> ticket.calledAt() != null)
			.map((ticket) -> ticket.waitedUntil(ticket.calledAt()))
			.toList();
	}

	private static int count(List<Ticket> tickets, TicketStatus status) {
		return (int) tickets.stream().filter((ticket) -> ticket.status() == status).count();
	}

	static Duration mean(List<Duration> durations) {
		if (durations.isEmpty()) {
			return Duration.ZERO;
		}
		long total = durations.stream().mapToLong(Duration::toSeconds).sum();
		return Duration.ofSeconds(Math.round((double) total / durations.size()));
	}

	public LocalDate today() {
		return this.clock.instant().atZone(TicketLine.ZONE).toLocalDate();
	}

}
