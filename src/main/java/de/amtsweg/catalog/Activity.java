package de.amtsweg.catalog;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An activity (Tätigkeit, Verrichtung) of a service, e.g. Erstantrag, Ersatz, Abmeldung.
 *
 * @param id identifier
 * @param leikaKey its 14-digit LeiKa key, if it has one
 * @param name its name
 * @param position order on the page
 */
public record Activity(UUID id, @Nullable String leikaKey, LocalizedText name, int position) {
}
