package de.amtsweg.forms.web;

/**
 * An entry of the error summary.
 *
 * @param anchor the id of the input it links to
 * @param message the same words as next to the field
 */
public record ErrorLink(String anchor, String message) {
}
