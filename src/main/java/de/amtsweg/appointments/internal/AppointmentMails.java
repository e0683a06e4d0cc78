package de.amtsweg.appointments.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.amtsweg.notifications.Email;
import de.amtsweg.notifications.EmailSender;
import de.amtsweg.platform.QrCodes;
import de.amtsweg.platform.SystemActor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the mails about appointments after the change was committed; a failed delivery is
 * retried from the event publication registry.
 */
@Component
class AppointmentMails {

	private final AppointmentViews views;

	private final EmailSender sender;

	private final LinkSigner signer;

	private final AppointmentsProperties properties;

	private final Clock clock;

	private final String baseUrl;

	AppointmentMails(AppointmentViews views, EmailSender sender, LinkSigner signer, AppointmentsProperties properties,
			Clock clock, @Value("${amtsweg.base-url}") String baseUrl) {
		this.views = views;
		this.sender = sender;
		this.signer = signer;
		this.properties = properties;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@ApplicationModuleListener
	void on(AppointmentMailRequested request) {
		SystemActor.run(() -> this.views.read(request.appointmentId()).ifPresent((view) -> send(view, request)));
	}

	private void send(AppointmentView view, AppointmentMailRequested request) {
		Appointment appointment = view.appointment();
		if (appointment.email().isEmpty()) {
			return;
		}
		Locale locale = appointment.locale();
		Map<String, Object> variables = new HashMap<>();
		variables.put("name", appointment.name());
		variables.put("services", view.serviceNames(locale));
		variables.put("date", view.start().format(DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", locale)));
		variables.put("time", view.start().toLocalTime().toString());
		variables.put("end", view.end().toLocalTime().toString());
		variables.put("address", view.address());
		variables.put("persons", appointment.persons());
		variables.put("code", appointment.code());
		variables.put("manageLink", link(appointment.id(), "manage", "/termine/verwalten/"));
		List<Email.Attachment> attachments = List.of();
		String template = switch (request.kind()) {
			case CONFIRM_HOLD -> {
				variables.put("confirmLink", link(appointment.id(), "confirm", "/termine/bestaetigen/"));
				variables.put("minutes", this.properties.holdTime().toMinutes());
				yield "appointments/confirm-hold";
			}
			case CONFIRMED, MOVED -> {
				attachments = List.of(calendarFile(view, locale), new Email.Attachment(
						"check-in-" + appointment.code() + ".png", "image/png", QrCodes.png(appointment.code(), 6)));
				yield (request.kind() == AppointmentMailRequested.Kind.MOVED) ? "appointments/moved"
						: "appointments/confirmed";
			}
			case CANCELLED -> {
				attachments = List.of(calendarFile(view, locale));
				yield "appointments/cancelled";
			}
			case REMINDER -> "appointments/reminder";
		};
		this.sender.send(new Email(appointment.email(), locale, template, variables, attachments));
	}

	private Email.Attachment calendarFile(AppointmentView view, Locale locale) {
		Appointment appointment = view.appointment();
		String ics = ICalendar.calendar(view.location().name(), this.clock.instant(),
				List.of(new ICalendar.Event(appointment.id(), appointment.startsAt(), appointment.endsAt(),
						view.serviceNames(locale), view.address(), appointment.code(),
						!appointment.status().occupies())));
		return new Email.Attachment("termin.ics", "text/calendar; charset=UTF-8; method=PUBLISH",
				ics.getBytes(StandardCharsets.UTF_8));
	}

	private String link(java.util.UUID id, String purpose, String path) {
		return this.baseUrl + path + id + "?s=" + this.signer.sign(purpose, id);
	}

}
