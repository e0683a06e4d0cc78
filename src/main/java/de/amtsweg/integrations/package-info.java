/**
 * Integration with specialist systems (Fachverfahren): systems registered per
 * municipality for some of its org units work their cases through an API authenticated by
 * API keys ({@code /api/v1/fachverfahren}), and receive signed webhooks on case events
 * from an outbox, retried with back-off until acknowledged; deliveries that keep failing
 * wait as dead letters for an admin to replay them.
 */
@NullMarked
@ApplicationModule(displayName = "Integrations")
package de.amtsweg.integrations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
