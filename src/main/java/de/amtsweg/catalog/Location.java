package de.amtsweg.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import de.amtsweg.platform.OpeningPeriod;
import org.jspecify.annotations.Nullable;

/**
 * A place where a municipality serves citizens, with its opening hours.
 *
 * @param id identifier
 * @param municipalityId the municipality
 * @param key short stable name, e.g. {@code rathaus}
 * @param name name, e.g. "Rathaus, Bürgerbüro"
 * @param street street and number
 * @param postcode five digits
 * @param city city
 * @param accessibility how to get in without barriers
 * @param latitude WGS 84 latitude, if known
 * @param longitude WGS 84 longitude, if known
 * @param phone phone number
 * @param email e-mail address
 * @param openingHours weekly plan
 * @param exceptions days with other hours
 */
public record Location(UUID id, UUID municipalityId, String key, String name, String street, String postcode,
		String city, LocalizedText accessibility, @Nullable BigDecimal latitude, @Nullable BigDecimal longitude,
		String phone, String email, List<OpeningPeriod> openingHours, List<OpeningException> exceptions) {

	public boolean hasCoordinates() {
		return this.latitude != null && this.longitude != null;
	}

}
