package de.amtsweg.accounts.internal.oidc;

/**
 * Who signs in with an identity provider: citizens on the portal or staff in the
 * intranet.
 */
public enum Audience {

	CITIZEN, STAFF

}
