package de.amtsweg.appointments.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import de.amtsweg.appointments.internal.BookableService;
import de.amtsweg.appointments.internal.Calendar;
import de.amtsweg.appointments.internal.Calendars;
import de.amtsweg.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The form records of the calendar pages (admin and staff), one per page; all fields are
 * kept as typed, so that a page with errors shows the input again.
 */
final class AdminForms {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

	private AdminForms() {
	}

	static String text(@Nullable String value) {
		return (value != null) ? value.strip() : "";
	}

	/** A whole number as typed, or -1 (which every range check refuses). */
	static int number(String value) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	static @Nullable UUID uuid(String value) {
		try {
			return value.isBlank() ? null : UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static @Nullable LocalTime time(String value) {
		try {
			return LocalTime.parse(value.strip().replace('.', ':'), TIME);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** A date as 24.11.2026 or 2026-11-24 (the browser's date field). */
	static @Nullable LocalDate date(String value) {
		String typed = value.strip();
		try {
			return typed.contains("-") ? LocalDate.parse(typed) : LocalDate.parse(typed, GERMAN_DATE);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static String germanDate(LocalDate date) {
		return GERMAN_DATE.format(date);
	}

	/**
	 * A calendar's settings, and for a new one its location and org unit.
	 *
	 * @param name name for staff
	 * @param location catalogue location id (new calendars only)
	 * @param orgUnit org unit id (new calendars only)
	 * @param slotMinutes slot grid
	 * @param leadMinutes lead time
	 * @param horizonDays booking horizon
	 * @param releaseTime daily release time, HH:mm
	 * @param bufferMinutes buffer after each appointment
	 * @param active bookable by citizens
	 */
	record CalendarForm(String name, String location, String orgUnit, String slotMinutes, String leadMinutes,
			String horizonDays, String releaseTime, String bufferMinutes, boolean active) {

		CalendarForm(@Nullable String name, @Nullable String location, @Nullable String orgUnit,
				@Nullable String slotMinutes, @Nullable String leadMinutes, @Nullable String horizonDays,
				@Nullable String releaseTime, @Nullable String bufferMinutes, boolean active) {
			this.name = text(name);
			this.location = text(location);
			this.orgUnit = text(orgUnit);
			this.slotMinutes = text(slotMinutes);
			this.leadMinutes = text(leadMinutes);
			this.horizonDays = text(horizonDays);
			this.releaseTime = text(releaseTime);
			this.bufferMinutes = text(bufferMinutes);
			this.active = active;
		}

		static CalendarForm empty() {
			return new CalendarForm("", "", "", "15", "60", "42", "08:00", "0", true);
		}

		static CalendarForm of(Calendar calendar) {
			return new CalendarForm(calendar.name(), calendar.locationId().toString(), calendar.orgUnitId().toString(),
					Integer.toString(calendar.slotMinutes()), Integer.toString(calendar.leadMinutes()),
					Integer.toString(calendar.horizonDays()), TIME.format(calendar.releaseTime()),
					Integer.toString(calendar.bufferMinutes()), calendar.active());
		}

		/** The settings, after every field was checked; all problems at once. */
		Calendars.Settings settings(InvalidInputException.Collector problems) {
			LocalTime release = time(this.releaseTime);
			if (release == null) {
				problems.add("releaseTime", "appointments.admin.error.releaseTime");
			}
			Calendars.Settings settings = new Calendars.Settings(this.name, number(this.slotMinutes),
					number(this.leadMinutes), number(this.horizonDays),
					(release != null) ? release : LocalTime.MIDNIGHT, number(this.bufferMinutes), this.active);
			try {
				settings.check();
			}
			catch (InvalidInputException ex) {
				ex.problems().forEach((p) -> problems.add(p.field(), p.messageKey(), p.arguments()));
			}
			problems.throwIfAny();
			return settings;
		}

	}

	/**
	 * A new counter.
	 *
	 * @param name its name, e.g. "Schalter 4"
	 */
	record CounterForm(String name) {

		CounterForm(@Nullable String name) {
			this.name = text(name);
		}

	}

	/**
	 * A bookable service.
	 *
	 * @param responsibility the catalogue's responsibility (new services only)
	 * @param nameDe German name
	 * @param nameEn English name
	 * @param minutes minutes for one person
	 * @param minutesPerExtraPerson minutes per further person
	 * @param maxPersons most persons
	 * @param maxOpenPerPerson open appointments per e-mail address
	 * @param active bookable
	 */
	record ServiceForm(String responsibility, String nameDe, String nameEn, String minutes,
			String minutesPerExtraPerson, String maxPersons, String maxOpenPerPerson, boolean active) {

		ServiceForm(@Nullable String responsibility, @Nullable String nameDe, @Nullable String nameEn,
				@Nullable String minutes, @Nullable String minutesPerExtraPerson, @Nullable String maxPersons,
				@Nullable String maxOpenPerPerson, boolean active) {
			this.responsibility = text(responsibility);
			this.nameDe = text(nameDe);
			this.nameEn = text(nameEn);
			this.minutes = text(minutes);
			this.minutesPerExtraPerson = text(minutesPerExtraPerson);
			this.maxPersons = text(maxPersons);
			this.maxOpenPerPerson = text(maxOpenPerPerson);
			this.active = active;
		}

		static ServiceForm empty() {
			return new ServiceForm("", "", "", "15", "0", "1", "1", true);
		}

		static ServiceForm of(BookableService service) {
			return new ServiceForm(service.responsibilityId().toString(), service.nameDe(), service.nameEn(),
					Integer.toString(service.minutes()), Integer.toString(service.minutesPerExtraPerson()),
					Integer.toString(service.maxPersons()), Integer.toString(service.maxOpenPerPerson()),
					service.active());
		}

		Calendars.ServiceSettings settings(InvalidInputException.Collector problems) {
			Calendars.ServiceSettings settings = new Calendars.ServiceSettings(this.nameDe, this.nameEn,
					number(this.minutes), number(this.minutesPerExtraPerson), number(this.maxPersons),
					number(this.maxOpenPerPerson), this.active);
			try {
				settings.check();
			}
			catch (InvalidInputException ex) {
				ex.problems().forEach((p) -> problems.add(p.field(), p.messageKey(), p.arguments()));
			}
			problems.throwIfAny();
			return settings;
		}

	}

	/**
	 * A blocked time on one day.
	 *
	 * @param counter counter id, empty for all counters
	 * @param day the day
	 * @param from start, HH:mm
	 * @param until end, HH:mm
	 * @param reason why (for staff, optional)
	 */
	record BlockForm(String counter, String day, String from, String until, String reason) {

		BlockForm(@Nullable String counter, @Nullable String day, @Nullable String from, @Nullable String until,
				@Nullable String reason) {
			this.counter = text(counter);
			this.day = text(day);
			this.from = text(from);
			this.until = text(until);
			this.reason = text(reason);
		}

		static BlockForm on(LocalDate day) {
			return new BlockForm("", germanDate(day), "", "", "");
		}

		/** The checked times; throws with all problems at once. */
		Times times() {
			InvalidInputException.Collector problems = new InvalidInputException.Collector();
			LocalDate date = date(this.day);
			LocalTime start = time(this.from);
			LocalTime end = time(this.until);
			if (date == null) {
				problems.add("day", "appointments.staff.error.day");
			}
			if (start == null) {
				problems.add("from", "appointments.staff.error.from");
			}
			if (end == null) {
				problems.add("until", "appointments.staff.error.until");
			}
			problems.throwIfAny();
			return new Times(date.atTime(start).atZone(BERLIN).toInstant(),
					date.atTime(end).atZone(BERLIN).toInstant());
		}

		record Times(java.time.Instant from, java.time.Instant until) {
		}

	}

}
