package de.amtsweg.payments.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import de.amtsweg.accounts.CitizenAccounts;
import de.amtsweg.accounts.CitizenPrincipal;
import de.amtsweg.accounts.OrganisationMembership;
import de.amtsweg.payments.Claim;
import de.amtsweg.payments.internal.ClaimRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may see and pay a claim: its debtor's account, members of its debtor organisation,
 * and a browser session that proved knowledge of it (the pay link's token, or
 * Kassenzeichen plus amount on {@code /bezahlen}).
 */
@Component
class ClaimAccess {

	private static final String GRANTED = ClaimAccess.class.getName() + ".claims";

	private final ClaimRepository claims;

	private final CitizenAccounts accounts;

	ClaimAccess(ClaimRepository claims, CitizenAccounts accounts) {
		this.claims = claims;
		this.accounts = accounts;
	}

	boolean allowed(Claim claim, @Nullable Authentication authentication, HttpSession session) {
		return granted(session).contains(claim.id()) || owns(claim, authentication);
	}

	boolean owns(Claim claim, @Nullable Authentication authentication) {
		UUID accountId = accountId(authentication);
		if (accountId == null) {
			return false;
		}
		if (accountId.equals(claim.debtor().accountId())) {
			return true;
		}
		return claim.debtor().organisationId() != null && this.accounts.organisationsOf(accountId)
			.stream()
			.map(OrganisationMembership::organisationId)
			.anyMatch(claim.debtor().organisationId()::equals);
	}

	/** Grants the session access when the token is the claim's pay token. */
	boolean tokenFits(UUID claimId, @Nullable String token, HttpSession session) {
		if (token == null || token.isBlank()) {
			return false;
		}
		boolean fits = this.claims.payToken(claimId)
			.map((expected) -> MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
					token.getBytes(StandardCharsets.US_ASCII)))
			.orElse(false);
		if (fits) {
			grant(claimId, session);
		}
		return fits;
	}

	void grant(UUID claimId, HttpSession session) {
		Set<UUID> granted = new HashSet<>(granted(session));
		granted.add(claimId);
		session.setAttribute(GRANTED, granted);
	}

	@SuppressWarnings("unchecked")
	private static Set<UUID> granted(HttpSession session) {
		Object granted = session.getAttribute(GRANTED);
		return (granted instanceof Set<?> set) ? (Set<UUID>) set : Set.of();
	}

	static @Nullable UUID accountId(@Nullable Authentication authentication) {
		return (authentication != null && authentication.getPrincipal() instanceof CitizenPrincipal citizen)
				? citizen.accountId() : null;
	}

}
