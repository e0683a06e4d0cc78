package de.amtsweg.appointments;

import java.util.UUID;

/**
 * An appointment was cancelled; its time is free again.
 *
 * @param appointmentId the appointment
 * @param municipalityId its municipality
 */
public record AppointmentCancelled(UUID appointmentId, UUID municipalityId) {
}
