package de.amtsweg.queue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A booked appointment as the call system sees it: no names, only where, when and for
 * what.
 *
 * @param appointmentId the appointment
 * @param locationId the catalogue location of the appointment
 * @param serviceNames the names of the booked services
 * @param start local time of the appointment (Europe/Berlin)
 * @param persons how many people come
 */
public record ScheduledVisit(UUID appointmentId, UUID locationId, List<String> serviceNames, LocalDateTime start,
		int persons) {

	public ScheduledVisit {
		serviceNames = List.copyOf(serviceNames);
	}

}
