package de.amtsweg.accounts;

/**
 * What a member may do in an organisation account: admins change the organisation and its
 * members, members act for it.
 */
public enum OrganisationRole {

	ADMIN, MEMBER

}
