package de.amtsweg.accounts.oidc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.accounts.TrustLevel;
import de.amtsweg.accounts.internal.oidc.Audience;
import de.amtsweg.accounts.internal.oidc.IdentityProviderRepository;
import de.amtsweg.support.WebSession;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/** Providers for tests, and the browser's way through a sign-in at the test server. */
final class OidcFixtures {

	private OidcFixtures() {
	}

	/** A new enabled provider with a unique registration id. */
	static Provider provider(IdentityProviderRepository repository, String issuerId, Audience audience,
			@Nullable UUID municipalityId, Map<String, TrustLevel> ownTrustLevels) {
		String registrationId = "test-" + UUID.randomUUID().toString().substring(0, 8);
		String name = "Testdienst " + registrationId.substring(5);
		UUID id = repository.insert(
				new IdentityProviderRepository.Settings(registrationId, municipalityId, audience, name,
						OidcTestServer.issuer(issuerId), "amtsweg-" + registrationId,
						List.of("openid", "profile", "email"), "acr", ownTrustLevels, true),
				"secret-" + registrationId, Instant.now());
		return new Provider(id, registrationId, name);
	}

	/**
	 * Follows the redirects of a sign-in that starts at the path: to the test server and
	 * back to the application's callback, whose answer (a redirect) is returned. If the
	 * application refuses before sending the browser away, that answer is returned.
	 */
	static WebSession.Page signIn(WebSession session, String startPath) {
		WebSession.Page start = session.get(startPath);
		assertThat(start.isRedirect()).as("the sign-in starts with a redirect").isTrue();
		String location = start.location().orElseThrow();
		if (!location.startsWith(OidcTestServer.baseUrl())) {
			return start;
		}
		assertThat(location).as("PKCE and a nonce protect the exchange").contains("code_challenge=", "nonce=");
		WebSession.Page authorized = session.get(location);
		assertThat(authorized.isRedirect()).as("the test server answers with a code").isTrue();
		return session.get(authorized.location().orElseThrow());
	}

	static String email() {
		return "oidc-" + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
	}

	/**
	 * A provider created for a test.
	 *
	 * @param id its id
	 * @param registrationId its registration id
	 * @param name its display name
	 */
	record Provider(UUID id, String registrationId, String name) {
	}

}
