package de.amtsweg.appointments;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.appointments.internal.AppointmentRepository;
import de.amtsweg.appointments.internal.Bookings;
import de.amtsweg.appointments.internal.CalendarRepository;
import de.amtsweg.appointments.internal.BookableService;
import de.amtsweg.platform.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of appointments; the call system checks citizens in with the
 * code from their confirmation (or its QR code).
 */
@Service
public class Appointments {

	private final AppointmentRepository appointments;

	private final CalendarRepository calendars;

	private final Bookings bookings;

	private final AuditLog auditLog;

	public Appointments(AppointmentRepository appointments, CalendarRepository calendars, Bookings bookings,
			AuditLog auditLog) {
		this.appointments = appointments;
		this.calendars = calendars;
		this.bookings = bookings;
		this.auditLog = auditLog;
	}

	/**
	 * The appointment with this check-in code in the municipality (codes are compared
	 * without regard to case and spaces), if any.
	 */
	@Transactional
	public Optional<CheckInAppointment> findForCheckIn(UUID municipalityId, String code) {
		String normalized = code.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
		return this.appointments.byCode(municipalityId, normalized).map((appointment) -> {
			this.auditLog.record("appointment.check-in-lookup", "appointment", appointment.id().toString(),
					municipalityId, "");
			UUID locationId = this.calendars.find(appointment.calendarId()).orElseThrow().locationId();
			return new CheckInAppointment(appointment.id(), locationId, appointment.calendarId(),
					appointment.serviceIds()
						.stream()
						.map((id) -> this.calendars.service(id).map(BookableService::nameDe).orElse(""))
						.toList(),
					appointment.startsAt(), appointment.persons(), appointment.status());
		});
	}

	/** Marks that the citizen arrived (checked in at the kiosk or at the counter). */
	public void markArrived(UUID appointmentId) {
		this.bookings.mark(appointmentId, AppointmentStatus.ARRIVED);
	}

}
