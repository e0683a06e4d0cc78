package de.amtsweg.appointments.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import de.amtsweg.appointments.internal.CalendarRepository.Occupancy;
import de.amtsweg.catalog.Location;
import de.amtsweg.catalog.OpeningCalendar;
import de.amtsweg.catalog.OpeningDay;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which slots of a calendar are free: the catalogue's opening hours of the location on
 * each day (closed on the state's public holidays and the location's closing days), cut
 * into slots, within lead time and horizon, with at least one counter free for the whole
 * duration plus buffer.
 */
@Service
@Transactional(readOnly = true)
public class SlotFinder {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private final CalendarRepository calendars;

	private final ServiceCatalog catalog;

	private final OpeningCalendar openingCalendar;

	private final Municipalities municipalities;

	private final Clock clock;

	public SlotFinder(CalendarRepository calendars, ServiceCatalog catalog, OpeningCalendar openingCalendar,
			Municipalities municipalities, Clock clock) {
		this.calendars = calendars;
		this.catalog = catalog;
		this.openingCalendar = openingCalendar;
		this.municipalities = municipalities;
		this.clock = clock;
	}

	/** The last day citizens can book now. */
	public LocalDate lastBookableDay(Calendar calendar) {
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), BERLIN);
		LocalDate last = now.toLocalDate().plusDays(calendar.horizonDays());
		return now.toLocalTime().isBefore(calendar.releaseTime()) ? last.minusDays(1) : last;
	}

	/**
	 * Free slots per day from one day to another (both included), for citizens (within
	 * lead time and horizon) or for staff (any time in the opening hours from now on).
	 */
	public Map<LocalDate, List<Slot>> freeSlots(Calendar calendar, int minutes, LocalDate from, LocalDate to,
			boolean forStaff) {
		Instant now = this.clock.instant();
		LocalDate last = forStaff ? to : (to.isAfter(lastBookableDay(calendar)) ? lastBookableDay(calendar) : to);
		Instant earliest = forStaff ? now : now.plus(Duration.ofMinutes(calendar.leadMinutes()));
		Map<LocalDate, List<Slot>> result = new LinkedHashMap<>();
		if (last.isBefore(from)) {
			return result;
		}
		Location location = location(calendar);
		var state = this.municipalities.get(calendar.municipalityId()).state();
		Set<UUID> counters = this.calendars.counters(calendar.id())
			.stream()
			.filter(Counter::active)
			.map(Counter::id)
			.collect(Collectors.toSet());
		List<Occupancy> taken = this.calendars.occupancies(calendar.id(), from.atStartOfDay(BERLIN).toInstant(),
				last.plusDays(1).atStartOfDay(BERLIN).toInstant().plus(Duration.ofHours(4)), now);
		Duration length = Duration.ofMinutes(minutes + calendar.bufferMinutes());
		for (LocalDate date = from; !date.isAfter(last); date = date.plusDays(1)) {
			List<Slot> slots = new ArrayList<>();
			for (Instant start : candidates(calendar, location, state, date, minutes)) {
				if (start.isBefore(earliest)) {
					continue;
				}
				Instant end = start.plus(length);
				int free = 0;
				for (UUID counter : counters) {
					boolean busy = taken.stream()
						.anyMatch((o) -> o.counterId().equals(counter) && o.startsAt().isBefore(end)
								&& (o.endsAt() == null || o.endsAt().isAfter(start)));
					if (!busy) {
						free++;
					}
				}
				if (free > 0) {
					slots.add(new Slot(start, free));
				}
			}
			if (!slots.isEmpty()) {
				result.put(date, slots);
			}
		}
		return result;
	}

	/**
	 * Whether an appointment of so many minutes may start then (ignoring who took what).
	 */
	public boolean isBookableStart(Calendar calendar, Instant start, int minutes, boolean forStaff) {
		LocalDate date = LocalDateTime.ofInstant(start, BERLIN).toLocalDate();
		if (!forStaff) {
			Instant now = this.clock.instant();
			if (start.isBefore(now.plus(Duration.ofMinutes(calendar.leadMinutes())))
					|| date.isAfter(lastBookableDay(calendar))) {
				return false;
			}
		}
		Location location = location(calendar);
		return candidates(calendar, location, this.municipalities.get(calendar.municipalityId()).state(), date, minutes)
			.contains(start);
	}

	private List<Instant> candidates(Calendar calendar, Location location, de.amtsweg.platform.State state,
			LocalDate date, int minutes) {
		OpeningDay day = this.openingCalendar.day(location, state, date);
		List<Instant> starts = new ArrayList<>();
		for (OpeningDay.Span span : day.periods()) {
			int opens = span.opens().toSecondOfDay() / 60;
			int closes = span.closes().toSecondOfDay() / 60;
			for (int minute = opens; minute + minutes <= closes; minute += calendar.slotMinutes()) {
				starts.add(date.atTime(LocalTime.ofSecondOfDay(minute * 60L)).atZone(BERLIN).toInstant());
			}
		}
		return starts;
	}

	/**
	 * Counter minutes the calendar offers from one day to another (both included): the
	 * opening minutes of each day times the active counters, for the utilisation.
	 */
	public long counterMinutes(Calendar calendar, LocalDate from, LocalDate to) {
		Location location = location(calendar);
		var state = this.municipalities.get(calendar.municipalityId()).state();
		long counters = this.calendars.counters(calendar.id()).stream().filter(Counter::active).count();
		long minutes = 0;
		for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
			for (OpeningDay.Span span : this.openingCalendar.day(location, state, date).periods()) {
				minutes += Duration.between(span.opens(), span.closes()).toMinutes();
			}
		}
		return minutes * counters;
	}

	Location location(Calendar calendar) {
		return this.catalog.location(calendar.municipalityId(), calendar.locationId())
			.orElseThrow(() -> new NotFoundException("Location " + calendar.locationId()));
	}

	/**
	 * A free slot.
	 *
	 * @param start when it starts
	 * @param freeCounters how many counters are free for it
	 */
	public record Slot(Instant start, int freeCounters) {

		public LocalDateTime local() {
			return LocalDateTime.ofInstant(this.start, BERLIN);
		}

	}

}
