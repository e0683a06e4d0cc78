package de.amtsweg.catalog.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import de.amtsweg.catalog.ActivityState;
import de.amtsweg.catalog.LocalizedText;
import de.amtsweg.catalog.Location;
import de.amtsweg.catalog.LocationDetails;
import de.amtsweg.catalog.Responsibility;
import de.amtsweg.catalog.ResponsibilityDetails;
import de.amtsweg.catalog.RolloutStatus;
import de.amtsweg.catalog.internal.OpeningHoursText;
import de.amtsweg.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** The form records of the catalogue's admin pages, one per page. */
final class AdminForms {

	private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");

	private AdminForms() {
	}

	static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

	static @Nullable UUID uuid(String value) {
		try {
			return value.isBlank() ? null : UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static int parseMaturity(String value) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * An activity of a service.
	 *
	 * @param name German name
	 * @param nameEn English name
	 * @param leikaKey LeiKa key
	 */
	record ActivityForm(String name, String nameEn, String leikaKey) {

		ActivityForm(@Nullable String name, @Nullable String nameEn, @Nullable String leikaKey) {
			this.name = text(name);
			this.nameEn = text(nameEn);
			this.leikaKey = text(leikaKey).replace(" ", "");
		}

		LocalizedText localizedName() {
			return new LocalizedText(this.name, this.nameEn);
		}

	}

	/**
	 * A municipality's responsibility for a service.
	 *
	 * @param orgUnit org unit id
	 * @param maturity maturity 0–4
	 * @param onlineUrl online application
	 * @param appointmentUrl appointment booking
	 * @param byVisit in person
	 * @param byPost by post
	 * @param note local note (German)
	 * @param noteEn local note (English)
	 * @param locations location ids
	 */
	record ResponsibilityForm(String orgUnit, String maturity, String onlineUrl, String appointmentUrl, boolean byVisit,
			boolean byPost, String note, String noteEn, List<String> locations) {

		ResponsibilityForm(@Nullable String orgUnit, @Nullable String maturity, @Nullable String onlineUrl,
				@Nullable String appointmentUrl, boolean byVisit, boolean byPost, @Nullable String note,
				@Nullable String noteEn, @Nullable List<String> locations) {
			this.orgUnit = text(orgUnit);
			this.maturity = text(maturity);
			this.onlineUrl = text(onlineUrl);
			this.appointmentUrl = text(appointmentUrl);
			this.byVisit = byVisit;
			this.byPost = byPost;
			this.note = text(note);
			this.noteEn = text(noteEn);
			this.locations = (locations != null) ? List.copyOf(locations) : List.of();
		}

		static ResponsibilityForm of(Responsibility responsibility) {
			return new ResponsibilityForm(responsibility.orgUnitId().toString(),
					Integer.toString(responsibility.baseMaturity()), text(responsibility.onlineUrl()),
					text(responsibility.appointmentUrl()), responsibility.byVisit(), responsibility.byPost(),
					responsibility.note().de(), responsibility.note().en(),
					responsibility.locationIds().stream().map(UUID::toString).toList());
		}

		ResponsibilityDetails details() {
			UUID unit = uuid(this.orgUnit);
			if (unit == null) {
				throw InvalidInputException.of("orgUnit", "catalog.responsibility.orgUnit.required");
			}
			List<UUID> locationIds = this.locations.stream().map(AdminForms::uuid).filter((id) -> id != null).toList();
			return new ResponsibilityDetails(unit, parseMaturity(this.maturity), this.onlineUrl, this.appointmentUrl,
					this.byVisit, this.byPost, new LocalizedText(this.note, this.noteEn), locationIds);
		}

	}

	/**
	 * The rollout of one activity.
	 *
	 * @param maturity maturity 0–4
	 * @param status rollout status
	 * @param onlineUrl online link
	 */
	record ActivityStateForm(String maturity, String status, String onlineUrl) {

		ActivityStateForm(@Nullable String maturity, @Nullable String status, @Nullable String onlineUrl) {
			this.maturity = text(maturity);
			this.status = text(status);
			this.onlineUrl = text(onlineUrl);
		}

		static ActivityStateForm of(ActivityState state) {
			return new ActivityStateForm(Integer.toString(state.maturity()), state.status().name(),
					text(state.onlineUrl()));
		}

		ActivityState state() {
			RolloutStatus parsed;
			try {
				parsed = RolloutStatus.valueOf(this.status);
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInputException.of("status", "catalog.admin.status.required");
			}
			return new ActivityState(parseMaturity(this.maturity), parsed, this.onlineUrl);
		}

	}

	/**
	 * A contact person.
	 *
	 * @param name name
	 * @param role role
	 * @param phone phone
	 * @param email e-mail
	 */
	record ContactForm(String name, String role, String phone, String email) {

		ContactForm(@Nullable String name, @Nullable String role, @Nullable String phone, @Nullable String email) {
			this.name = text(name);
			this.role = text(role);
			this.phone = text(phone);
			this.email = text(email);
		}

	}

	/**
	 * Adopting a shared service.
	 *
	 * @param orgUnit org unit id
	 */
	record AdoptForm(String orgUnit) {

		AdoptForm(@Nullable String orgUnit) {
			this.orgUnit = text(orgUnit);
		}

	}

	/**
	 * A location.
	 *
	 * @param key short name
	 * @param name name
	 * @param street street
	 * @param postcode postcode
	 * @param city city
	 * @param accessibility accessibility (German)
	 * @param accessibilityEn accessibility (English)
	 * @param latitude latitude as typed
	 * @param longitude longitude as typed
	 * @param phone phone
	 * @param email e-mail
	 * @param openingHours weekly plan, one day per line
	 */
	record LocationForm(String key, String name, String street, String postcode, String city, String accessibility,
			String accessibilityEn, String latitude, String longitude, String phone, String email,
			String openingHours) {

		LocationForm(@Nullable String key, @Nullable String name, @Nullable String street, @Nullable String postcode,
				@Nullable String city, @Nullable String accessibility, @Nullable String accessibilityEn,
				@Nullable String latitude, @Nullable String longitude, @Nullable String phone, @Nullable String email,
				@Nullable String openingHours) {
			this.key = text(key);
			this.name = text(name);
			this.street = text(street);
			this.postcode = text(postcode);
			this.city = text(city);
			this.accessibility = text(accessibility);
			this.accessibilityEn = text(accessibilityEn);
			this.latitude = text(latitude);
			this.longitude = text(longitude);
			this.phone = text(phone);
			this.email = text(email);
			this.openingHours = text(openingHours);
		}

		static LocationForm empty() {
			return new LocationForm("", "", "", "", "", "", "", "", "", "", "", "");
		}

		static LocationForm of(Location location) {
			return new LocationForm(location.key(), location.name(), location.street(), location.postcode(),
					location.city(), location.accessibility().de(), location.accessibility().en(),
					(location.latitude() != null) ? location.latitude().toPlainString() : "",
					(location.longitude() != null) ? location.longitude().toPlainString() : "", location.phone(),
					location.email(), OpeningHoursText.format(location.openingHours()));
		}

		/**
		 * The location as typed; what cannot be read (coordinates, opening hours) is left
		 * empty and named in the problems.
		 */
		LocationDetails details(List<InvalidInputException.FieldProblem> problems) {
			InvalidInputException.Collector collector = new InvalidInputException.Collector();
			BigDecimal lat = coordinate(this.latitude, "latitude", "catalog.location.latitude.invalid", collector);
			BigDecimal lon = coordinate(this.longitude, "longitude", "catalog.location.longitude.invalid", collector);
			List<de.amtsweg.platform.OpeningPeriod> periods = List.of();
			try {
				periods = OpeningHoursText.parse(this.openingHours, "openingHours");
			}
			catch (InvalidInputException ex) {
				ex.problems().forEach((p) -> collector.add(p.field(), p.messageKey(), p.arguments()));
			}
			try {
				collector.throwIfAny();
			}
			catch (InvalidInputException ex) {
				problems.addAll(ex.problems());
			}
			return new LocationDetails(this.key, this.name, this.street, this.postcode, this.city,
					new LocalizedText(this.accessibility, this.accessibilityEn), lat, lon, this.phone, this.email,
					periods);
		}

		private static @Nullable BigDecimal coordinate(String text, String field, String messageKey,
				InvalidInputException.Collector problems) {
			if (text.isBlank()) {
				return null;
			}
			try {
				return new BigDecimal(text.strip().replace(',', '.'));
			}
			catch (NumberFormatException ex) {
				problems.add(field, messageKey);
				return null;
			}
		}

	}

	/**
	 * A day with other opening hours.
	 *
	 * @param date the day, e.g. 24.12.2026
	 * @param closed closed all day
	 * @param opens opening time
	 * @param closes closing time
	 * @param note why (German)
	 * @param noteEn why (English)
	 */
	record ExceptionForm(String date, boolean closed, String opens, String closes, String note, String noteEn) {

		ExceptionForm(@Nullable String date, boolean closed, @Nullable String opens, @Nullable String closes,
				@Nullable String note, @Nullable String noteEn) {
			this.date = text(date);
			this.closed = closed;
			this.opens = text(opens);
			this.closes = text(closes);
			this.note = text(note);
			this.noteEn = text(noteEn);
		}

		static ExceptionForm empty() {
			return new ExceptionForm("", true, "", "", "", "");
		}

		LocalDate day() {
			String value = this.date.strip();
			try {
				return value.contains(".") ? LocalDate.parse(value, GERMAN_DATE) : LocalDate.parse(value);
			}
			catch (DateTimeParseException ex) {
				throw InvalidInputException.of("date", "catalog.exception.date.invalid");
			}
		}

		@Nullable LocalTime time(String value) {
			if (this.closed || value.isBlank()) {
				return null;
			}
			try {
				String padded = value.strip().replace('.', ':');
				return LocalTime.parse((padded.length() == 4) ? "0" + padded : padded);
			}
			catch (DateTimeParseException ex) {
				throw InvalidInputException.of("opens", "catalog.exception.times.invalid");
			}
		}

	}

}
