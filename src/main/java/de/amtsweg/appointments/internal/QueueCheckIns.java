package de.amtsweg.appointments.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.appointments.AppointmentStatus;
import de.amtsweg.appointments.Appointments;
import de.amtsweg.queue.AppointmentCheckIns;
import de.amtsweg.queue.ScheduledVisit;

import org.springframework.stereotype.Component;

/**
 * Lets the call system's kiosk check in holders of a confirmed appointment with the code
 * of their confirmation. Only a confirmed appointment queues: a held, cancelled or lapsed
 * one is unknown to the kiosk, and one already checked in cannot draw a second ticket.
 */
@Component
class QueueCheckIns implements AppointmentCheckIns {

	private final Appointments appointments;

	private final Clock clock;

	QueueCheckIns(Appointments appointments, Clock clock) {
		this.appointments = appointments;
		this.clock = clock;
	}

	@Override
	public Optional<ScheduledVisit> find(UUID municipalityId, String code) {
		return this.appointments.findForCheckIn(municipalityId, code)
			.filter((appointment) -> appointment.status() == AppointmentStatus.CONFIRMED)
			.map((appointment) -> new ScheduledVisit(appointment.id(), appointment.locationId(),
					appointment.serviceNames(), LocalDateTime.ofInstant(appointment.startsAt(), this.clock.getZone()),
					appointment.persons()));
	}

	@Override
	public void markArrived(UUID appointmentId) {
		this.appointments.markArrived(appointmentId);
	}

}
