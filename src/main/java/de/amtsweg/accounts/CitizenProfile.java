package de.amtsweg.accounts;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a citizen's service account knows about them, e.g. to fill in a form. Empty texts
 * mean "not given".
 *
 * @param email confirmed e-mail address
 * @param givenName given name
 * @param familyName family name
 * @param dateOfBirth date of birth, if given
 * @param street street and house number
 * @param postcode five digits
 * @param city city
 * @param phone phone number
 * @param homeMunicipalityId the municipality of the address, if this portal serves it
 * @param trustLevel how strongly the identity is proven
 * @param preferredLanguage {@code de} or {@code en}
 */
public record CitizenProfile(String email, String givenName, String familyName, @Nullable LocalDate dateOfBirth,
		String street, String postcode, String city, String phone, @Nullable UUID homeMunicipalityId,
		TrustLevel trustLevel, String preferredLanguage) {
}
