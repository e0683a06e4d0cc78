package de.amtsweg.accounts.internal;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Something happened to an account that its owner must hear about by mail. Published in
 * the transaction of the change; {@link AccountMails} sends the mail after the commit and
 * the event publication registry retries it until it went out. Carries no token: the
 * listener makes the token when it sends, so no token rests in the registry.
 *
 * @param kind which mail
 * @param accountId the account
 * @param address where to send it, when not to the account's address (the new address of
 * an address change, the old address after one)
 */
public record AccountMailRequested(Kind kind, UUID accountId, @Nullable String address) {

	public static AccountMailRequested of(Kind kind, UUID accountId) {
		return new AccountMailRequested(kind, accountId, null);
	}

	/** The mails about an account. */
	public enum Kind {

		/** Link to confirm the address after registering. */
		CONFIRM_EMAIL,
		/** Someone tried to register with an address that already has an account. */
		ALREADY_REGISTERED,
		/** Link to set a new password. */
		RESET_PASSWORD,
		/** The password was changed. */
		PASSWORD_CHANGED,
		/** Link to confirm a new address, sent to the new address. */
		CONFIRM_NEW_EMAIL,
		/** The address was changed, sent to the old address. */
		EMAIL_CHANGED

	}

}
