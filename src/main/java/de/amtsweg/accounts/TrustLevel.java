package de.amtsweg.accounts;

/**
 * How strongly an identity is proven (Vertrauensniveau, eIDAS levels of assurance). A
 * local account with a confirmed e-mail address is LOW; an identity provider can carry
 * SUBSTANTIAL or HIGH (e.g. the online ID card).
 */
public enum TrustLevel {

	LOW, SUBSTANTIAL, HIGH;

	public boolean atLeast(TrustLevel other) {
		return compareTo(other) >= 0;
	}

}
