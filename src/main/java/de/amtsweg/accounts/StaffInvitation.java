package de.amtsweg.accounts;

import org.jspecify.annotations.Nullable;

/**
 * An invitation link as its recipient opens it: whether it still works, and for whom.
 *
 * @param status whether the link can still be used
 * @param member the invited member while the link works, else null
 */
public record StaffInvitation(Status status, @Nullable StaffMember member) {

	/** Whether a link can still be used. */
	public enum Status {

		/** The member may set their password with it. */
		VALID,
		/** Older than its validity; the admin can send a new one. */
		EXPIRED,
		/** Used already, or replaced by a newer invitation. */
		USED,
		/** No such link, or the account was deactivated. */
		UNKNOWN

	}

	/** The link does not work (any more). */
	public static class LinkRefusedException extends RuntimeException {

		private final Status status;

		public LinkRefusedException(Status status) {
			super("Invitation link refused: " + status);
			this.status = status;
		}

		public Status status() {
			return this.status;
		}

	}

}
