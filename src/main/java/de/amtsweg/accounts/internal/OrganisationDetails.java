package de.amtsweg.accounts.internal;

/**
 * What describes an organisation account, checked.
 *
 * @param name name
 * @param legalForm code of the legal form (see {@link LegalForm})
 * @param registerNumber register entry, e.g. "HRB 1234, Amtsgericht Hannover"; may be
 * empty
 * @param street street and house number
 * @param postcode five digits
 * @param city city
 * @param email contact address
 * @param phone phone number, may be empty
 */
public record OrganisationDetails(String name, String legalForm, String registerNumber, String street, String postcode,
		String city, String email, String phone) {
}
