package de.amtsweg.platform;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What an admin enters for a municipality.
 *
 * @param slug short name for paths
 * @param name official name
 * @param ags official municipality key, eight digits
 * @param state state code, e.g. {@code NI}
 * @param districtId the district, if any
 * @param address postal address of the town hall
 * @param contact contact details
 * @param hostNames host names that select this municipality
 * @param postcodes postcodes of its territory
 * @param openingHours weekly opening plan
 */
public record MunicipalityDetails(String slug, String name, String ags, String state, @Nullable UUID districtId,
		Municipality.Address address, Municipality.Contact contact, List<String> hostNames, List<String> postcodes,
		List<OpeningPeriod> openingHours) {
}
