package de.amtsweg.accounts.internal.oidc;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;

/**
 * The client registrations of the enabled identity providers, built from the database and
 * each issuer's discovery document. The discovered configuration is cached per node;
 * every lookup compares the provider's version in the database, so a change on the admin
 * page takes effect on every node at its next sign-in. A provider whose issuer cannot be
 * reached has no registration (unless an earlier one of the same version is cached).
 */
@Component
public class ProviderRegistrations implements ClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(ProviderRegistrations.class);

	static final String CITIZEN_REDIRECT = "{baseUrl}/login/oauth2/code/{registrationId}";

	static final String STAFF_REDIRECT = "{baseUrl}/intern/login/oauth2/code/{registrationId}";

	private final IdentityProviderRepository providers;

	private final OidcProperties properties;

	private final Clock clock;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	public ProviderRegistrations(IdentityProviderRepository providers, OidcProperties properties, Clock clock) {
		this.providers = providers;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		Optional<IdentityProvider> provider = this.providers.findByRegistrationId(registrationId)
			.filter(IdentityProvider::enabled);
		if (provider.isEmpty()) {
			this.cache.remove(registrationId);
			return null;
		}
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(registrationId);
		if (cached != null && cached.version() == provider.get().version()
				&& cached.fetchedAt().plus(this.properties.discoveryRefresh()).isAfter(now)) {
			return cached.registration();
		}
		try {
			ClientRegistration registration = build(provider.get());
			this.cache.put(registrationId, new Cached(provider.get().version(), now, registration));
			return registration;
		}
		catch (RuntimeException ex) {
			// Never log the registration itself: its toString() carries the secret.
			log.warn("Discovery of identity provider {} at {} failed: {}", registrationId, provider.get().issuerUri(),
					ex.getMessage());
			return (cached != null && cached.version() == provider.get().version()) ? cached.registration() : null;
		}
	}

	/** Whether an OpenID Connect discovery document is served for the issuer. */
	public boolean discoverable(String issuerUri) {
		try {
			ClientRegistrations.fromOidcIssuerLocation(issuerUri);
			return true;
		}
		catch (RuntimeException ex) {
			log.info("No OpenID Connect discovery for {}: {}", issuerUri, ex.getMessage());
			return false;
		}
	}

	private ClientRegistration build(IdentityProvider provider) {
		String secret = this.providers.clientSecret(provider.id()).orElseThrow();
		return ClientRegistrations.fromOidcIssuerLocation(provider.issuerUri())
			.registrationId(provider.registrationId())
			.clientName(provider.displayName())
			.clientId(provider.clientId())
			.clientSecret(secret)
			.scope(provider.scopes())
			.redirectUri((provider.audience() == Audience.STAFF) ? STAFF_REDIRECT : CITIZEN_REDIRECT)
			.build();
	}

	private record Cached(int version, Instant fetchedAt, ClientRegistration registration) {

		@Override
		public String toString() {
			return "Cached[" + this.version + ", " + this.fetchedAt + "]";
		}

	}

}
