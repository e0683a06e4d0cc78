package de.amtsweg.accounts.internal.oidc;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.MunicipalityContext;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Before sending anyone to a provider: is it enabled, meant for this sign-in (citizens or
 * staff) and, if it belongs to a municipality, for the municipality the request is in? If
 * not, the sign-in page says why instead of the provider showing an error.
 */
final class GuardedAuthorizationRequestResolver implements OAuth2AuthorizationRequestResolver {

	private final String baseUri;

	private final Audience audience;

	private final IdentityProviderRepository providers;

	private final MunicipalityContext context;

	private final Municipalities municipalities;

	private final DefaultOAuth2AuthorizationRequestResolver delegate;

	GuardedAuthorizationRequestResolver(ClientRegistrationRepository registrations, String baseUri, Audience audience,
			IdentityProviderRepository providers, MunicipalityContext context, Municipalities municipalities) {
		this.baseUri = baseUri;
		this.audience = audience;
		this.providers = providers;
		this.context = context;
		this.municipalities = municipalities;
		this.delegate = new DefaultOAuth2AuthorizationRequestResolver(registrations, baseUri);
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
		String registrationId = registrationId(request);
		if (registrationId == null) {
			return null;
		}
		check(registrationId, request);
		return this.delegate.resolve(request);
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
		check(registrationId, request);
		return this.delegate.resolve(request, registrationId);
	}

	private void check(String registrationId, HttpServletRequest request) {
		IdentityProvider provider = this.providers.findByRegistrationId(registrationId)
			.filter(IdentityProvider::enabled)
			.orElseThrow(
					() -> new OidcSignInRefusedException(OidcSignInProblem.of(OidcSignInProblem.UNKNOWN_PROVIDER)));
		if (provider.audience() != this.audience) {
			throw new OidcSignInRefusedException(OidcSignInProblem.of((this.audience == Audience.STAFF)
					? OidcSignInProblem.CITIZEN_PROVIDER : OidcSignInProblem.STAFF_PROVIDER, provider.displayName()));
		}
		if (provider.municipalityId() != null) {
			Optional<Municipality> current = this.context.current(request);
			if (current.isEmpty() || !current.get().id().equals(provider.municipalityId())) {
				String owner = this.municipalities.byId(provider.municipalityId()).map(Municipality::name).orElse("");
				throw new OidcSignInRefusedException(
						OidcSignInProblem.of(OidcSignInProblem.OTHER_MUNICIPALITY, provider.displayName(), owner));
			}
		}
	}

	private @Nullable String registrationId(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String prefix = this.baseUri + "/";
		if (!path.startsWith(prefix)) {
			return null;
		}
		String id = path.substring(prefix.length());
		return (id.isEmpty() || id.contains("/")) ? null : id;
	}

}
