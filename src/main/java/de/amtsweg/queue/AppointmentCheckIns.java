package de.amtsweg.queue;

import java.util.Optional;
import java.util.UUID;

/**
 * What the call system needs from the appointments: finding a booked visit by the code
 * (or the content of the QR code) on its confirmation, and marking it arrived once the
 * visitor has a ticket. The appointments module implements it; until then the list of
 * implementations is empty and the kiosk finds no appointment.
 */
public interface AppointmentCheckIns {

	/** The visit booked under this code in the municipality, if any. */
	Optional<ScheduledVisit> find(UUID municipalityId, String code);

	/** The visitor has arrived and waits for the call. */
	void markArrived(UUID appointmentId);

}
