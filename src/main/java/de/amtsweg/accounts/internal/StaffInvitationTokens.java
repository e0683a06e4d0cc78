package de.amtsweg.accounts.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.accounts.StaffInvitation;
import de.amtsweg.accounts.internal.AccountTokens.Purpose;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The links of staff invitations: account tokens of purpose {@code STAFF_INVITATION},
 * whose states the staff pages name in their own terms. Each token works once; a new one
 * makes the member's older ones useless.
 */
@Component
public class StaffInvitationTokens {

	private final AccountTokens tokens;

	public StaffInvitationTokens(AccountTokens tokens) {
		this.tokens = tokens;
	}

	/** Makes a new token for the member, voiding their older ones; returns the token. */
	public String issue(UUID staffId, Duration validity) {
		invalidate(staffId);
		return this.tokens.issue(staffId, Purpose.STAFF_INVITATION, "", validity);
	}

	/** What the token from a link is worth now, without using it. */
	public Lookup check(@Nullable String token) {
		AccountTokens.Check check = this.tokens.check(token, Purpose.STAFF_INVITATION);
		return new Lookup(StaffInvitation.Status.valueOf(check.status().name()), check.accountId());
	}

	/**
	 * Uses the token: of two requests with the same token only one gets the member's id.
	 */
	public Optional<UUID> redeem(@Nullable String token) {
		return this.tokens.redeem(token, Purpose.STAFF_INVITATION).map(AccountTokens.Check::accountId);
	}

	/** Makes every open invitation of the member useless. */
	public void invalidate(UUID staffId) {
		this.tokens.invalidate(staffId, Purpose.STAFF_INVITATION);
	}

	/**
	 * A token looked up.
	 *
	 * @param status whether it can still be used
	 * @param staffId the member it belongs to, null if unknown
	 */
	public record Lookup(StaffInvitation.Status status, @Nullable UUID staffId) {
	}

}
