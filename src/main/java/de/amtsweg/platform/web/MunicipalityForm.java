package de.amtsweg.platform.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.MunicipalityDetails;
import de.amtsweg.platform.OpeningPeriod;
import org.jspecify.annotations.Nullable;

/**
 * A municipality as typed on the admin page. Lists (host names, postcodes) are one text
 * each, separated by commas or spaces.
 *
 * @param name official name
 * @param slug short name used in paths
 * @param ags official municipality key
 * @param state state code, e.g. {@code NI}
 * @param districtId the district's id, empty for none
 * @param street street and house number of the town hall
 * @param postcode postcode of the town hall
 * @param city city of the town hall
 * @param phone phone number
 * @param email e-mail address
 * @param website website
 * @param hostNames host names that select the municipality
 * @param postcodes postcodes of its territory
 * @param hours opening hours, see {@link OpeningHoursInput}
 */
record MunicipalityForm(String name, String slug, String ags, String state, String districtId, String street,
		String postcode, String city, String phone, String email, String website, String hostNames, String postcodes,
		Map<String, String> hours) {

	MunicipalityForm(@Nullable String name, @Nullable String slug, @Nullable String ags, @Nullable String state,
			@Nullable String districtId, @Nullable String street, @Nullable String postcode, @Nullable String city,
			@Nullable String phone, @Nullable String email, @Nullable String website, @Nullable String hostNames,
			@Nullable String postcodes, @Nullable Map<String, String> hours) {
		this.name = text(name);
		this.slug = text(slug);
		this.ags = text(ags);
		this.state = text(state);
		this.districtId = text(districtId);
		this.street = text(street);
		this.postcode = text(postcode);
		this.city = text(city);
		this.phone = text(phone);
		this.email = text(email);
		this.website = text(website);
		this.hostNames = text(hostNames);
		this.postcodes = text(postcodes);
		// Mutable: after the constructor, the binder also puts each hours[...] field into
		// the map.
		this.hours = (hours != null) ? new HashMap<>(hours) : new HashMap<>();
	}

	static MunicipalityForm empty() {
		return new MunicipalityForm("", "", "", "", "", "", "", "", "", "", "", "", "", Map.of());
	}

	static MunicipalityForm inDistrict(UUID districtId, String state) {
		return new MunicipalityForm("", "", "", state, districtId.toString(), "", "", "", "", "", "", "", "", Map.of());
	}

	static MunicipalityForm of(Municipality municipality) {
		return new MunicipalityForm(municipality.name(), municipality.slug(), municipality.ags().value(),
				municipality.state().name(),
				(municipality.districtId() != null) ? municipality.districtId().toString() : "",
				municipality.address().street(), municipality.address().postcode(), municipality.address().city(),
				municipality.contact().phone(), municipality.contact().email(), municipality.contact().website(),
				String.join(", ", municipality.hostNames()), String.join(", ", municipality.postcodes()),
				OpeningHoursInput.fields(municipality.openingHours()));
	}

	/** The details for the service; a district id that is no id counts as unknown. */
	MunicipalityDetails details(List<OpeningPeriod> openingHours) {
		return new MunicipalityDetails(this.slug, this.name, this.ags, this.state, districtUuid(),
				new Municipality.Address(this.street, this.postcode, this.city),
				new Municipality.Contact(this.phone, this.email, this.website), list(this.hostNames),
				list(this.postcodes), openingHours);
	}

	/** The value of one opening-hours field, for the page. */
	public String hour(String key) {
		return this.hours.getOrDefault(key, "");
	}

	private @Nullable UUID districtUuid() {
		if (this.districtId.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(this.districtId.trim());
		}
		catch (IllegalArgumentException ex) {
			// An id the page never offered: let the service call it unknown.
			return new UUID(0, 0);
		}
	}

	private static List<String> list(String text) {
		return Arrays.stream(text.split("[,;\\s]+")).filter((item) -> !item.isBlank()).toList();
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
