package de.amtsweg.appointments.internal;

import java.time.LocalTime;
import java.util.UUID;

/**
 * The appointment calendar of one org unit at one location.
 *
 * @param id identifier
 * @param municipalityId the municipality
 * @param locationId the catalogue location (its opening hours make the slots)
 * @param orgUnitId the org unit whose staff serve it
 * @param name name shown to staff
 * @param slotMinutes slots start every so many minutes from the opening time
 * @param leadMinutes a slot can be booked until so many minutes before it starts
 * @param horizonDays how many days ahead can be booked
 * @param releaseTime the time of day when the next day of the horizon opens
 * @param bufferMinutes free minutes a counter keeps after each appointment
 * @param active whether citizens can book
 */
public record Calendar(UUID id, UUID municipalityId, UUID locationId, UUID orgUnitId, String name, int slotMinutes,
		int leadMinutes, int horizonDays, LocalTime releaseTime, int bufferMinutes, boolean active) {
}
