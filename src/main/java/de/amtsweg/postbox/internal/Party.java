package de.amtsweg.postbox.internal;

import java.util.UUID;

import de.amtsweg.accounts.StaffPrincipal;

/** Who reads or writes in a thread; each is checked against the thread. */
public sealed interface Party {

	/**
	 * A signed-in citizen; sees their own threads and those of their organisations.
	 *
	 * @param accountId their account
	 * @param displayName their name
	 */
	record Citizen(UUID accountId, String displayName) implements Party {
	}

	/**
	 * A staff member; sees the threads of the org units they have a role in.
	 *
	 * @param principal the signed-in member
	 */
	record Staff(StaffPrincipal principal) implements Party {
	}

	/**
	 * A guest whose link (token) was checked; sees that one thread.
	 *
	 * @param threadId the thread the link opens
	 */
	record Guest(UUID threadId) implements Party {
	}

}
