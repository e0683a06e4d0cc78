package de.amtsweg.appointments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An appointment as the call system sees it when a citizen checks in with the code.
 *
 * @param id the appointment
 * @param locationId the catalogue location where it takes place
 * @param calendarId its calendar
 * @param serviceNames the booked services (German names)
 * @param startsAt when it starts
 * @param persons how many persons come
 * @param status where it stands
 */
public record CheckInAppointment(UUID id, UUID locationId, UUID calendarId, List<String> serviceNames, Instant startsAt,
		int persons, AppointmentStatus status) {
}
