package de.amtsweg.accounts.internal.oidc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;

/**
 * ID token decoders per provider. Spring's factory keeps one decoder per registration id
 * forever; here a decoder lives as long as the registration it was made for, so a changed
 * client id or issuer is checked against the new values.
 */
final class IdTokenDecoders implements JwtDecoderFactory<ClientRegistration> {

	private final Map<String, Entry> decoders = new ConcurrentHashMap<>();

	@Override
	public JwtDecoder createDecoder(ClientRegistration registration) {
		return this.decoders
			.compute(registration.getRegistrationId(),
					(id, entry) -> (entry != null && entry.registration() == registration) ? entry
							: new Entry(registration, new OidcIdTokenDecoderFactory().createDecoder(registration)))
			.decoder();
	}

	private record Entry(ClientRegistration registration, JwtDecoder decoder) {

		@Override
		public String toString() {
			return "Entry[" + this.registration.getRegistrationId() + "]";
		}

	}

}
