package de.amtsweg.payments;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who owes a claim: a citizen's account, an organisation account, or a guest known by
 * name and e-mail address only.
 *
 * @param accountId the citizen's account, if any
 * @param organisationId the organisation account, if any (never both)
 * @param name name as printed on the notice
 * @param email where pay links go; empty if unknown
 */
public record Debtor(@Nullable UUID accountId, @Nullable UUID organisationId, String name, String email) {

	public static Debtor citizen(UUID accountId, String name, String email) {
		return new Debtor(accountId, null, name, email);
	}

	public static Debtor organisation(UUID organisationId, String name, String email) {
		return new Debtor(null, organisationId, name, email);
	}

	public static Debtor guest(String name, String email) {
		return new Debtor(null, null, name, email);
	}

}
