package de.amtsweg.accounts.internal.oidc;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * Why a sign-in through an identity provider did not work, kept in the session for the
 * next view of the sign-in page.
 *
 * @param reason the end of the message key {@code oidc.signIn.problem.<reason>}
 * @param arguments the message's arguments, e.g. the provider's name
 */
public record OidcSignInProblem(String reason, List<String> arguments) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	public static final String SESSION_ATTRIBUTE = OidcSignInProblem.class.getName();

	/** The provider is unknown or disabled. */
	public static final String UNKNOWN_PROVIDER = "unknownProvider";

	/** A citizens' provider was used to sign in as staff. */
	public static final String CITIZEN_PROVIDER = "citizenProvider";

	/** A staff provider was used to sign in as a citizen. */
	public static final String STAFF_PROVIDER = "staffProvider";

	/** The provider serves another municipality. */
	public static final String OTHER_MUNICIPALITY = "otherMunicipality";

	/** The provider could not be reached (discovery failed). */
	public static final String UNAVAILABLE = "unavailable";

	/** The sign-in at the provider was cancelled. */
	public static final String CANCELLED = "cancelled";

	/** Anything else went wrong in the exchange with the provider. */
	public static final String FAILED = "failed";

	/** The provider sent no e-mail address. */
	public static final String NO_EMAIL = "noEmail";

	/** An account with the address exists, but the provider did not confirm it. */
	public static final String EMAIL_NOT_VERIFIED = "emailNotVerified";

	/** No active staff account belongs to the identity. */
	public static final String UNKNOWN_STAFF = "unknownStaff";

	/** The staff account is deactivated. */
	public static final String STAFF_INACTIVE = "staffInactive";

	public OidcSignInProblem {
		arguments = List.copyOf(arguments);
	}

	public static OidcSignInProblem of(String reason, String... arguments) {
		return new OidcSignInProblem(reason, List.of(arguments));
	}

	/** The message key in the oidc bundle. */
	public String messageKey() {
		return "oidc.signIn.problem." + this.reason;
	}

}
