package de.amtsweg.catalog;

import java.util.UUID;

/**
 * A contact person for a service in a municipality.
 *
 * @param id identifier
 * @param name name
 * @param role role or subject, e.g. "Sachbearbeitung Hundesteuer"
 * @param phone phone number
 * @param email e-mail address
 */
public record Contact(UUID id, String name, String role, String phone, String email) {
}
