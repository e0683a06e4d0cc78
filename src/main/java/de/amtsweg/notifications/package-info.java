/**
 * Notifications: e-mails rendered from per-module templates in the recipient's language
 * and delivered over SMTP (or written to the log when no SMTP server is configured).
 * Modules send from {@code @ApplicationModuleListener}s, so a failed delivery is retried
 * from the event publication registry and never lost.
 */
@NullMarked
@ApplicationModule(displayName = "Notifications")
package de.amtsweg.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
