package de.amtsweg.accounts.internal.oidc;

import java.io.Serial;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** Sign-in through an identity provider refused, with the reason to tell the person. */
public class OidcSignInRefusedException extends OAuth2AuthenticationException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final OidcSignInProblem problem;

	public OidcSignInRefusedException(OidcSignInProblem problem) {
		super(new OAuth2Error("access_denied", problem.reason(), null), "Sign-in refused: " + problem.reason());
		this.problem = problem;
	}

	public OidcSignInProblem problem() {
		return this.problem;
	}

}
