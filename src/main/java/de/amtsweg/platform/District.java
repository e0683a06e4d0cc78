package de.amtsweg.platform;

import java.util.UUID;

/**
 * A district (Landkreis) whose portal serves several municipalities.
 *
 * @param id identifier
 * @param slug short name
 * @param name name, e.g. "Landkreis Musterkreis"
 * @param state the state
 */
public record District(UUID id, String slug, String name, State state) {
}
