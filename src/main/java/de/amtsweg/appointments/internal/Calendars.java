package de.amtsweg.appointments.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Setting up calendars: settings, counters, bookable services and blocked times. */
@Service
@Transactional
public class Calendars {

	private final CalendarRepository repository;

	private final AuditLog auditLog;

	private final Clock clock;

	public Calendars(CalendarRepository repository, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Calendar> of(UUID municipalityId) {
		return this.repository.ofMunicipality(municipalityId);
	}

	@Transactional(readOnly = true)
	public Calendar get(UUID municipalityId, UUID calendarId) {
		return find(municipalityId, calendarId).orElseThrow(() -> new NotFoundException("Calendar " + calendarId));
	}

	@Transactional(readOnly = true)
	public Optional<Calendar> find(UUID municipalityId, UUID calendarId) {
		return this.repository.find(calendarId).filter((found) -> found.municipalityId().equals(municipalityId));
	}

	/** The calendar, of whichever municipality: callers check access themselves. */
	@Transactional(readOnly = true)
	public Optional<Calendar> find(UUID calendarId) {
		return this.repository.find(calendarId);
	}

	@Transactional(readOnly = true)
	public List<Counter> counters(UUID calendarId) {
		return this.repository.counters(calendarId);
	}

	@Transactional(readOnly = true)
	public List<BookableService> services(UUID calendarId) {
		return this.repository.services(calendarId);
	}

	@Transactional(readOnly = true)
	public List<BookableService> bookableServices(UUID municipalityId) {
		return this.repository.bookableServices(municipalityId);
	}

	@Transactional(readOnly = true)
	public Optional<Counter> counterByFeedToken(String token) {
		return this.repository.counterByFeedToken(token);
	}

	public UUID create(UUID municipalityId, UUID locationId, UUID orgUnitId, Settings settings) {
		settings.check();
		UUID id = UUID.randomUUID();
		try {
			this.repository.insert(new Calendar(id, municipalityId, locationId, orgUnitId, settings.name().trim(),
					settings.slotMinutes(), settings.leadMinutes(), settings.horizonDays(), settings.releaseTime(),
					settings.bufferMinutes(), settings.active()));
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			throw InvalidInputException.of("locationId", "appointments.admin.error.calendarExists");
		}
		this.auditLog.record("appointments.calendar.create", "appointment-calendar", id.toString(), municipalityId,
				settings.name());
		return id;
	}

	public void update(UUID municipalityId, UUID calendarId, Settings settings) {
		settings.check();
		Calendar calendar = get(municipalityId, calendarId);
		this.repository.update(new Calendar(calendar.id(), municipalityId, calendar.locationId(), calendar.orgUnitId(),
				settings.name().trim(), settings.slotMinutes(), settings.leadMinutes(), settings.horizonDays(),
				settings.releaseTime(), settings.bufferMinutes(), settings.active()));
		this.auditLog.record("appointments.calendar.update", "appointment-calendar", calendarId.toString(),
				municipalityId, settings.name());
	}

	public UUID addCounter(UUID municipalityId, UUID calendarId, String name) {
		get(municipalityId, calendarId);
		if (name.isBlank()) {
			throw InvalidInputException.of("name", "appointments.admin.error.counterName");
		}
		if (this.repository.counters(calendarId).stream().anyMatch((c) -> c.name().equalsIgnoreCase(name.trim()))) {
			throw InvalidInputException.of("name", "appointments.admin.error.counterExists");
		}
		UUID id = this.repository.insertCounter(calendarId, name.trim());
		this.auditLog.record("appointments.counter.create", "appointment-calendar", calendarId.toString(),
				municipalityId, name);
		return id;
	}

	public void setCounterActive(UUID municipalityId, UUID calendarId, UUID counterId, boolean active) {
		get(municipalityId, calendarId);
		this.repository.counter(counterId)
			.filter((counter) -> counter.calendarId().equals(calendarId))
			.orElseThrow(() -> new NotFoundException("Counter " + counterId));
		this.repository.setCounterActive(counterId, active);
	}

	public UUID addService(UUID municipalityId, UUID calendarId, UUID responsibilityId, ServiceSettings settings) {
		get(municipalityId, calendarId);
		settings.check();
		UUID id = UUID.randomUUID();
		this.repository.insertService(new BookableService(id, calendarId, responsibilityId, settings.nameDe().trim(),
				settings.nameEn().trim(), settings.minutes(), settings.minutesPerExtraPerson(), settings.maxPersons(),
				settings.maxOpenPerPerson(), 0, settings.active()));
		this.auditLog.record("appointments.service.create", "appointment-calendar", calendarId.toString(),
				municipalityId, settings.nameDe());
		return id;
	}

	public void updateService(UUID municipalityId, UUID calendarId, UUID serviceId, ServiceSettings settings) {
		get(municipalityId, calendarId);
		settings.check();
		BookableService service = this.repository.service(serviceId)
			.filter((found) -> found.calendarId().equals(calendarId))
			.orElseThrow(() -> new NotFoundException("Service " + serviceId));
		this.repository.updateService(
				new BookableService(serviceId, calendarId, service.responsibilityId(), settings.nameDe().trim(),
						settings.nameEn().trim(), settings.minutes(), settings.minutesPerExtraPerson(),
						settings.maxPersons(), settings.maxOpenPerPerson(), service.position(), settings.active()));
	}

	/**
	 * Blocks a time on one counter or all; refused if appointments are booked in it (move
	 * or cancel them first).
	 */
	public UUID block(UUID municipalityId, UUID calendarId, @Nullable UUID counterId, Instant from, Instant to,
			String reason) {
		get(municipalityId, calendarId);
		if (!to.isAfter(from)) {
			throw InvalidInputException.of("until", "appointments.staff.error.blockOrder");
		}
		List<UUID> counters = this.repository.counters(calendarId)
			.stream()
			.filter((counter) -> counterId == null || counter.id().equals(counterId))
			.map(Counter::id)
			.toList();
		if (counters.isEmpty()) {
			throw new NotFoundException("Counter " + counterId);
		}
		UUID id = UUID.randomUUID();
		if (!this.repository.insertBlock(new Block(id, calendarId, counterId, from, to, reason.trim()), counters,
				this.clock.instant())) {
			throw InvalidInputException.of("from", "appointments.staff.error.blockConflict");
		}
		this.auditLog.record("appointments.block.create", "appointment-calendar", calendarId.toString(), municipalityId,
				from + " - " + to);
		return id;
	}

	public void unblock(UUID municipalityId, UUID calendarId, UUID blockId) {
		get(municipalityId, calendarId);
		if (this.repository.deleteBlock(calendarId, blockId) == 0) {
			throw new NotFoundException("Block " + blockId);
		}
	}

	@Transactional(readOnly = true)
	public List<Block> blocks(UUID calendarId, Instant from, Instant to) {
		return this.repository.blocks(calendarId, from, to);
	}

	/**
	 * A calendar's settings.
	 *
	 * @param name name for staff
	 * @param slotMinutes slot grid in minutes
	 * @param leadMinutes minimum minutes between booking and start
	 * @param horizonDays days ahead that can be booked
	 * @param releaseTime when each new day opens
	 * @param bufferMinutes minutes a counter keeps free after each appointment
	 * @param active whether citizens can book
	 */
	public record Settings(String name, int slotMinutes, int leadMinutes, int horizonDays, LocalTime releaseTime,
			int bufferMinutes, boolean active) {

		public void check() {
			InvalidInputException.Collector problems = new InvalidInputException.Collector();
			if (this.name.isBlank()) {
				problems.add("name", "appointments.admin.error.name");
			}
			if (this.slotMinutes < 5 || this.slotMinutes > 120) {
				problems.add("slotMinutes", "appointments.admin.error.slotMinutes");
			}
			if (this.leadMinutes < 0 || this.leadMinutes > 20160) {
				problems.add("leadMinutes", "appointments.admin.error.leadMinutes");
			}
			if (this.horizonDays < 1 || this.horizonDays > 365) {
				problems.add("horizonDays", "appointments.admin.error.horizonDays");
			}
			if (this.bufferMinutes < 0 || this.bufferMinutes > 120) {
				problems.add("bufferMinutes", "appointments.admin.error.bufferMinutes");
			}
			problems.throwIfAny();
		}

	}

	/**
	 * A bookable service's settings.
	 *
	 * @param nameDe German name
	 * @param nameEn English name (optional)
	 * @param minutes minutes for one person
	 * @param minutesPerExtraPerson minutes for each further person
	 * @param maxPersons most persons
	 * @param maxOpenPerPerson open appointments per e-mail address
	 * @param active bookable
	 */
	public record ServiceSettings(String nameDe, String nameEn, int minutes, int minutesPerExtraPerson, int maxPersons,
			int maxOpenPerPerson, boolean active) {

		public void check() {
			InvalidInputException.Collector problems = new InvalidInputException.Collector();
			if (this.nameDe.isBlank()) {
				problems.add("nameDe", "appointments.admin.error.name");
			}
			if (this.minutes < 5 || this.minutes > 480) {
				problems.add("minutes", "appointments.admin.error.minutes");
			}
			if (this.minutesPerExtraPerson < 0 || this.minutesPerExtraPerson > 240) {
				problems.add("minutesPerExtraPerson", "appointments.admin.error.extraMinutes");
			}
			if (this.maxPersons < 1 || this.maxPersons > 10) {
				problems.add("maxPersons", "appointments.admin.error.maxPersons");
			}
			if (this.maxOpenPerPerson < 1 || this.maxOpenPerPerson > 10) {
				problems.add("maxOpenPerPerson", "appointments.admin.error.maxOpen");
			}
			problems.throwIfAny();
		}

	}

}
