package de.amtsweg.accounts.web;

/**
 * A form asking only for an e-mail address.
 *
 * @param email the address
 */
record EmailForm(String email) {

	EmailForm {
		email = FormText.orEmpty(email);
	}

}
