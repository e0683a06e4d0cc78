/**
 * The postbox (Postfach): secure two-way messages between an applicant (citizen,
 * organisation or guest) and an org unit, per topic (a case or general), with
 * attachments, unread counts and reply-by tasks. Mails only say that a message is
 * waiting, never its content. Publishes {@link de.amtsweg.postbox.CitizenReplied}.
 */
@NullMarked
@ApplicationModule(displayName = "Postbox")
package de.amtsweg.postbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
