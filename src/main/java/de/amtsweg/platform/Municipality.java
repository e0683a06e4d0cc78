package de.amtsweg.platform;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A municipality served by this installation: the tenant every citizen-facing page and
 * every case belongs to.
 *
 * @param id identifier
 * @param slug short name used in paths, e.g. {@code musterstadt}
 * @param name official name, e.g. "Stadt Musterstadt"
 * @param ags official municipality key
 * @param state the state it lies in
 * @param districtId the district portal it belongs to, if any
 * @param address postal address of the town hall
 * @param contact phone, e-mail and website
 * @param hostNames host names that select this municipality directly
 * @param postcodes postcodes of its territory
 * @param hasLogo whether a logo was uploaded
 * @param openingHours weekly opening plan of the town hall
 */
public record Municipality(UUID id, String slug, String name, Ags ags, State state, @Nullable UUID districtId,
		Address address, Contact contact, List<String> hostNames, List<String> postcodes, boolean hasLogo,
		List<OpeningPeriod> openingHours) {

	/**
	 * @param street street and house number
	 * @param postcode five digits
	 * @param city city
	 */
	public record Address(String street, String postcode, String city) {
	}

	/**
	 * @param phone phone number
	 * @param email e-mail address
	 * @param website website
	 */
	public record Contact(String phone, String email, String website) {
	}

}
