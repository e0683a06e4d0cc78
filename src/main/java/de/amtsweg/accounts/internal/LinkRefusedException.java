package de.amtsweg.accounts.internal;

/**
 * A link from a mail that cannot be used (any more): unknown, expired or already used.
 */
public class LinkRefusedException extends RuntimeException {

	private final AccountTokens.Purpose purpose;

	private final AccountTokens.Status status;

	public LinkRefusedException(AccountTokens.Purpose purpose, AccountTokens.Status status) {
		super("Link refused: " + purpose + " " + status);
		this.purpose = purpose;
		this.status = status;
	}

	/** What the link was for. */
	public AccountTokens.Purpose purpose() {
		return this.purpose;
	}

	public AccountTokens.Status status() {
		return this.status;
	}

}
