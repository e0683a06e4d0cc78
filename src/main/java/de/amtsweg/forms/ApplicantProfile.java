package de.amtsweg.forms;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What the service account knows about a citizen, to fill in forms in advance. The
 * citizen can change every prefilled answer.
 *
 * @param givenName given name
 * @param familyName family name
 * @param dateOfBirth date of birth, if known
 * @param street street and house number as stored, e.g. "Heidestraße 17"
 * @param postcode postcode
 * @param city town
 * @param email e-mail address
 * @param phone phone number
 */
public record ApplicantProfile(String givenName, String familyName, @Nullable LocalDate dateOfBirth, String street,
		String postcode, String city, String email, String phone) {
}
