package de.amtsweg.notifications.internal;

/**
 * A mail ready to go.
 *
 * @param to recipient
 * @param subject subject line
 * @param text plain-text body
 */
public record RenderedMail(String to, String subject, String text) {
}
