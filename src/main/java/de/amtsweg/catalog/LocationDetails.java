package de.amtsweg.catalog;

import java.math.BigDecimal;
import java.util.List;

import de.amtsweg.platform.OpeningPeriod;
import org.jspecify.annotations.Nullable;

/**
 * A location as an admin or an import enters it.
 *
 * @param key short stable name
 * @param name name
 * @param street street and number
 * @param postcode five digits or empty
 * @param city city
 * @param accessibility notes on access without barriers
 * @param latitude latitude, or null
 * @param longitude longitude, or null
 * @param phone phone
 * @param email e-mail
 * @param openingHours weekly plan
 */
public record LocationDetails(String key, String name, String street, String postcode, String city,
		LocalizedText accessibility, @Nullable BigDecimal latitude, @Nullable BigDecimal longitude, String phone,
		String email, List<OpeningPeriod> openingHours) {

	public static LocationDetails of(Location location) {
		return new LocationDetails(location.key(), location.name(), location.street(), location.postcode(),
				location.city(), location.accessibility(), location.latitude(), location.longitude(), location.phone(),
				location.email(), location.openingHours());
	}

}
