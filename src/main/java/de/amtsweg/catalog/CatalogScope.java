package de.amtsweg.catalog;

import java.util.UUID;

/**
 * Which catalogue an import or export works on: a municipality's (its own services and
 * the shared ones it adopted, with its responsibilities and locations) or a district's
 * shared services.
 *
 * @param district whether it is the district's shared catalogue
 * @param id the municipality's or the district's id
 */
public record CatalogScope(boolean district, UUID id) {

	public static CatalogScope municipality(UUID municipalityId) {
		return new CatalogScope(false, municipalityId);
	}

	public static CatalogScope district(UUID districtId) {
		return new CatalogScope(true, districtId);
	}

}
