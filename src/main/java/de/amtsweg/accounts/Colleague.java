package de.amtsweg.accounts;

import java.util.UUID;

/**
 * A staff member as a colleague sees them, e.g. to hand a case over.
 *
 * @param staffId the member
 * @param displayName their name (or e-mail address when they have none)
 * @param email where they get mail
 */
public record Colleague(UUID staffId, String displayName, String email) {
}
