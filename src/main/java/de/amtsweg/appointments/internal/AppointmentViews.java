package de.amtsweg.appointments.internal;

import java.util.Optional;
import java.util.UUID;

import de.amtsweg.platform.AuditLog;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads appointments with their calendar, location and services, for pages and mails. */
@Component
public class AppointmentViews {

	private final AppointmentRepository appointments;

	private final CalendarRepository calendars;

	private final SlotFinder slots;

	private final AuditLog auditLog;

	public AppointmentViews(AppointmentRepository appointments, CalendarRepository calendars, SlotFinder slots,
			AuditLog auditLog) {
		this.appointments = appointments;
		this.calendars = calendars;
		this.slots = slots;
		this.auditLog = auditLog;
	}

	/** The appointment, recorded in the audit log as read (it holds personal data). */
	@Transactional
	public Optional<AppointmentView> read(UUID appointmentId) {
		return this.appointments.find(appointmentId).map((appointment) -> {
			this.auditLog.record("appointment.read", Bookings.RECORD, appointmentId.toString(),
					appointment.municipalityId(), "");
			return view(appointment);
		});
	}

	AppointmentView view(Appointment appointment) {
		Calendar calendar = this.calendars.find(appointment.calendarId()).orElseThrow();
		return new AppointmentView(appointment, calendar, this.slots.location(calendar),
				appointment.serviceIds().stream().map((id) -> this.calendars.service(id).orElseThrow()).toList(),
				this.calendars.counter(appointment.counterId()).map(Counter::name).orElse(""));
	}

}
