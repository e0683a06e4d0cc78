package de.amtsweg.accounts.oidc;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * One real OpenID Connect server (mock-oauth2-server) for the whole test run. It has a
 * few issuers; a test says who signs in next at an issuer, with which claims. The
 * authorization endpoint answers with a code at once (no login form), so a test follows
 * the redirects between the application and this server like a browser.
 */
final class OidcTestServer {

	/** An issuer for citizens' providers, like a state service account. */
	static final String CITIZENS = "servicekonto";

	/** An issuer for staff providers, like a municipality's Keycloak realm. */
	static final String STAFF = "verwaltung";

	private static final Map<String, NextSignIn> callbacks = new ConcurrentHashMap<>();

	private static final MockOAuth2Server server = start();

	private OidcTestServer() {
	}

	private static MockOAuth2Server start() {
		for (String issuer : List.of(CITIZENS, STAFF)) {
			callbacks.put(issuer, new NextSignIn(issuer));
		}
		MockOAuth2Server mock = new MockOAuth2Server(
				new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(), Set.copyOf(callbacks.values())));
		// No shutdown hook: stopping the server waits for idle connections to time out,
		// which held the test JVM for half a minute; it ends with the JVM anyway.
		mock.start();
		return mock;
	}

	/** The issuer URI, as an admin would enter it. */
	static String issuer(String issuerId) {
		return server.issuerUrl(issuerId).toString();
	}

	/** Where this server's pages start, to tell its redirects from the application's. */
	static String baseUrl() {
		return server.baseUrl().toString();
	}

	/**
	 * The next token issued by the issuer is for this subject with these claims (besides
	 * the standard ones).
	 */
	static void nextSignIn(String issuerId, String subject, Map<String, Object> claims) {
		callbacks.get(issuerId).set(subject, claims);
	}

	/** A random subject, as providers issue them. */
	static String newSubject() {
		return UUID.randomUUID().toString();
	}

	private static final class NextSignIn implements OAuth2TokenCallback {

		private final String issuerId;

		private volatile String subject = "nobody";

		private volatile Map<String, Object> claims = Map.of();

		NextSignIn(String issuerId) {
			this.issuerId = issuerId;
		}

		void set(String subject, Map<String, Object> claims) {
			this.subject = subject;
			this.claims = Map.copyOf(claims);
		}

		@Override
		public String issuerId() {
			return this.issuerId;
		}

		@Override
		public String subject(TokenRequest tokenRequest) {
			return this.subject;
		}

		@Override
		public String typeHeader(TokenRequest tokenRequest) {
			return "JWT";
		}

		@Override
		public List<String> audience(TokenRequest tokenRequest) {
			ClientID client = (tokenRequest.getClientAuthentication() != null)
					? tokenRequest.getClientAuthentication().getClientID() : tokenRequest.getClientID();
			return List.of(client.getValue());
		}

		@Override
		public Map<String, Object> addClaims(TokenRequest tokenRequest) {
			return this.claims;
		}

		@Override
		public long tokenExpiry() {
			return 3600;
		}

	}

}
