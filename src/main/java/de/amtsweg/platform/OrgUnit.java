package de.amtsweg.platform;

import java.util.UUID;

/**
 * An org unit (Amt, Fachbereich) of a municipality: responsible for services, owner of
 * cases.
 *
 * @param id identifier
 * @param municipalityId the municipality
 * @param key short stable name, e.g. {@code buergerbuero}
 * @param name display name, e.g. "Bürgerbüro"
 * @param email functional mailbox
 * @param phone phone number
 */
public record OrgUnit(UUID id, UUID municipalityId, String key, String name, String email, String phone) {
}
