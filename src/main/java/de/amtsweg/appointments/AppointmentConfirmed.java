package de.amtsweg.appointments;

import java.util.UUID;

/**
 * An appointment was confirmed (by the citizen's e-mail link, or booked by staff).
 *
 * @param appointmentId the appointment
 * @param municipalityId its municipality
 */
public record AppointmentConfirmed(UUID appointmentId, UUID municipalityId) {
}
