/**
 * Identity and access: citizens' service accounts (Servicekonto), organisation accounts,
 * staff accounts with roles per org unit, sign-in (local and OpenID Connect) and the
 * security rules of every page. Publishes
 * {@link de.amtsweg.accounts.CitizenAccountDeleted} so that other modules remove what
 * belongs to a deleted account.
 */
@NullMarked
@ApplicationModule(displayName = "Accounts")
package de.amtsweg.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
