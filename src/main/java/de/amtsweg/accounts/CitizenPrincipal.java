package de.amtsweg.accounts;

import java.util.UUID;

import de.amtsweg.platform.AuditActor;

/**
 * A signed-in citizen, however they signed in. Controllers take it with
 * {@code @AuthenticationPrincipal CitizenPrincipal citizen}.
 */
public interface CitizenPrincipal extends AuditActor {

	UUID accountId();

	TrustLevel trustLevel();

	/** Name to greet with, or the e-mail address if no name is known yet. */
	String displayName();

	@Override
	default String auditName() {
		return "citizen:" + accountId();
	}

}
