package de.amtsweg.accounts.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import de.amtsweg.accounts.TrustLevel;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code citizen_account}.
 *
 * @param id identifier
 * @param email the address the citizen signs in with
 * @param emailConfirmedAt when the address was confirmed; null while it is not
 * @param passwordHash the password's hash; null for accounts that sign in elsewhere
 * (OpenID Connect)
 * @param givenName given name, may be empty
 * @param familyName family name, may be empty
 * @param dateOfBirth date of birth, if given
 * @param street street and house number, may be empty
 * @param postcode five digits or empty
 * @param city city, may be empty
 * @param phone phone number, may be empty
 * @param homeMunicipalityId the municipality the address lies in, if this portal serves
 * it
 * @param trustLevel how strongly the identity is proven
 * @param preferredLanguage {@code de} or {@code en}
 * @param createdAt when the account was registered
 */
public record CitizenAccount(UUID id, String email, @Nullable Instant emailConfirmedAt, @Nullable String passwordHash,
		String givenName, String familyName, @Nullable LocalDate dateOfBirth, String street, String postcode,
		String city, String phone, @Nullable UUID homeMunicipalityId, TrustLevel trustLevel, String preferredLanguage,
		Instant createdAt) {

	public boolean confirmed() {
		return this.emailConfirmedAt != null;
	}

	public boolean hasPassword() {
		return this.passwordHash != null;
	}

	/** The name to greet with, or the address while no name is known. */
	public String displayName() {
		String name = (this.givenName + " " + this.familyName).trim();
		return name.isEmpty() ? this.email : name;
	}

	public java.util.Locale locale() {
		return java.util.Locale.forLanguageTag(this.preferredLanguage);
	}

}
