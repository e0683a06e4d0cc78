package de.amtsweg.accounts.internal;

import java.util.UUID;

/**
 * An admin invited a staff member, or sent them a new link to set a password. The mail
 * (and the token in its link) is made after the change is committed.
 *
 * @param staffId the member
 * @param passwordReset whether the member had a password already
 */
public record StaffInvitationRequested(UUID staffId, boolean passwordReset) {
}
