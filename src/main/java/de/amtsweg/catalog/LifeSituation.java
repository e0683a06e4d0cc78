package de.amtsweg.catalog;

import java.util.UUID;

/**
 * A life situation (Lebenslage) to browse services by, e.g. Umzug or Geburt.
 *
 * @param id identifier
 * @param slug short name used in addresses and imports
 * @param name its name
 * @param description one sentence about what belongs to it
 */
public record LifeSituation(UUID id, String slug, LocalizedText name, LocalizedText description) {
}
