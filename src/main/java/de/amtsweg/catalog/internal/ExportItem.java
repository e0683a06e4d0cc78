package de.amtsweg.catalog.internal;

import java.util.List;

import de.amtsweg.catalog.CatalogService;
import de.amtsweg.catalog.Responsibility;
import org.jspecify.annotations.Nullable;

/**
 * A service as exported, with the municipality's responsibility for it (none in a
 * district's export).
 *
 * @param service the service
 * @param responsibility the responsibility, if a municipality's catalogue is exported
 * @param orgUnitKey the responsible org unit's key
 * @param locationKeys keys of the locations where it is offered
 */
public record ExportItem(CatalogService service, @Nullable Responsibility responsibility, @Nullable String orgUnitKey,
		List<String> locationKeys) {
}
