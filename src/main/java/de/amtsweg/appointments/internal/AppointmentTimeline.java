package de.amtsweg.appointments.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import de.amtsweg.appointments.AppointmentStatus;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.TimelineEntry;
import de.amtsweg.platform.TimelineSource;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's appointments on the account's timeline, each linking to its signed manage
 * page (the same link the confirmation mail carries). An appointment still ahead counts
 * as a due date, so it stays at the top until the day.
 */
@Component
class AppointmentTimeline implements TimelineSource {

	/** Enough for every appointment a citizen can hold plus recent history. */
	private static final int LIMIT = 20;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

	private final AppointmentRepository appointments;

	private final AppointmentViews views;

	private final LinkSigner signer;

	private final AuditLog auditLog;

	private final MessageSource messages;

	AppointmentTimeline(AppointmentRepository appointments, AppointmentViews views, LinkSigner signer,
			AuditLog auditLog, MessageSource messages) {
		this.appointments = appointments;
		this.views = views;
		this.signer = signer;
		this.auditLog = auditLog;
		this.messages = messages;
	}

	@Override
	@Transactional
	public List<TimelineEntry> entriesFor(UUID accountId, Locale locale) {
		return this.appointments.ofAccount(accountId, LIMIT).stream().map((appointment) -> {
			this.auditLog.record("appointment.read", Bookings.RECORD, appointment.id().toString(),
					appointment.municipalityId(), "timeline");
			return entry(this.views.view(appointment), locale);
		}).toList();
	}

	private TimelineEntry entry(AppointmentView view, Locale locale) {
		Appointment appointment = view.appointment();
		String title = this.messages.getMessage("appointments.timeline.title",
				new Object[] { view.serviceNames(locale), view.start().format(TIME) }, locale);
		String status = this.messages.getMessage("appointments.timeline.status",
				new Object[] {
						this.messages.getMessage("appointments.status." + appointment.status().name(), null, locale),
						view.location().name() },
				locale);
		boolean ahead = appointment.status() == AppointmentStatus.CONFIRMED
				|| appointment.status() == AppointmentStatus.HELD;
		LocalDate day = view.start().toLocalDate();
		String link = "/termine/verwalten/" + appointment.id() + "?s=" + this.signer.sign("manage", appointment.id());
		return new TimelineEntry(appointment.startsAt(), "appointment", title, status, link, ahead ? day : null);
	}

}
