package de.amtsweg.integrations.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.RateLimits;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The token endpoint's logic for the OAuth2 client credentials grant (RFC 6749 §4.4). The
 * client id is the system's id, the secret one of its client secrets. An access token is
 * opaque and short-lived and kept only as SHA-256 with its expiry: unlike a signed JWT it
 * dies at once when its secret is revoked, the API looks it up like an API key anyway,
 * and there is no signing key to guard or rotate.
 * <p>
 * Scope: space-separated {@code org-unit:<key or id>} values narrow the token to some of
 * the system's org units; without a scope it grants all of them.
 */
@Service
public class OAuthTokens {

	static final String TOKEN_PREFIX = "awt_";

	private static final String SCOPE_PREFIX = "org-unit:";

	private final SpecialistSystemRepository repository;

	private final OrgUnits orgUnits;

	private final AuditLog auditLog;

	private final IntegrationsProperties properties;

	private final Clock clock;

	private final RateLimits rateLimits;

	OAuthTokens(SpecialistSystemRepository repository, OrgUnits orgUnits, AuditLog auditLog,
			IntegrationsProperties properties, Clock clock, RateLimits rateLimits) {
		this.rateLimits = rateLimits;
		this.repository = repository;
		this.orgUnits = orgUnits;
		this.auditLog = auditLog;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Issues a token for a client that authenticated with its id and secret.
	 * @param clientId the system's id as given
	 * @param clientSecret the secret as given
	 * @param scope the requested scope, if any
	 * @return the token or the RFC 6749 §5.2 error
	 */
	@Transactional
	public Outcome issue(String clientId, String clientSecret, @Nullable String scope) {
		UUID systemId;
		try {
			systemId = UUID.fromString(clientId.strip());
		}
		catch (IllegalArgumentException ex) {
			return Outcome.refused(Error.INVALID_CLIENT);
		}
		Instant now = this.clock.instant();
		// token requests count per client, so guessing secrets is as slow as calling the
		// API
		if (!this.rateLimits
			.attempt("integration-oauth-client", systemId.toString(), this.properties.requestsPerMinute(),
					Duration.ofMinutes(1))
			.allowed()) {
			return Outcome.refused(Error.TOO_MANY_REQUESTS);
		}
		if (clientSecret.length() > 200 || !clientSecret.startsWith("awcs_")) {
			return Outcome.refused(Error.INVALID_CLIENT);
		}
		Optional<SpecialistSystemPrincipal> client = this.repository.activeClientSecret(systemId,
				SpecialistSystems.sha256(clientSecret));
		if (client.isEmpty()) {
			return Outcome.refused(Error.INVALID_CLIENT);
		}
		SpecialistSystemPrincipal system = client.get();
		Optional<Set<OrgUnit>> granted = grant(system, scope);
		if (granted.isEmpty()) {
			return Outcome.refused(Error.INVALID_SCOPE);
		}
		String token = TOKEN_PREFIX + SpecialistSystems.randomToken(32);
		Duration lifetime = this.properties.tokenLifetime();
		this.repository.insertToken(SpecialistSystems.sha256(token), system.keyId(),
				granted.get().stream().map(OrgUnit::id).toList(), now, now.plus(lifetime));
		String grantedScope = granted.get()
			.stream()
			.map((unit) -> SCOPE_PREFIX + unit.key())
			.sorted()
			.collect(Collectors.joining(" "));
		this.auditLog.record("integrations.token-issued", "specialist-system", system.systemId().toString(),
				system.municipalityId(), grantedScope);
		return new Outcome(token, lifetime.toSeconds(), grantedScope, null);
	}

	/** The system of an unexpired token; empty for an unknown, expired or revoked one. */
	public Optional<SpecialistSystemPrincipal> authenticate(String token) {
		if (token.length() > 200 || !token.startsWith(TOKEN_PREFIX)) {
			return Optional.empty();
		}
		return this.repository.activeToken(SpecialistSystems.sha256(token), this.clock.instant())
			.filter((principal) -> !principal.orgUnitIds().isEmpty());
	}

	/** The system's org units the scope names; empty for a scope with anything else. */
	private Optional<Set<OrgUnit>> grant(SpecialistSystemPrincipal system, @Nullable String scope) {
		List<OrgUnit> own = this.orgUnits.of(system.municipalityId())
			.stream()
			.filter((unit) -> system.orgUnitIds().contains(unit.id()))
			.toList();
		if (scope == null || scope.isBlank()) {
			return Optional.of(new LinkedHashSet<>(own));
		}
		Map<String, OrgUnit> byName = own.stream().collect(Collectors.toMap(OrgUnit::key, Function.identity()));
		own.forEach((unit) -> byName.put(unit.id().toString(), unit));
		Set<OrgUnit> granted = new LinkedHashSet<>();
		for (String value : scope.strip().split(" +")) {
			OrgUnit unit = value.startsWith(SCOPE_PREFIX) ? byName.get(value.substring(SCOPE_PREFIX.length())) : null;
			if (unit == null) {
				return Optional.empty();
			}
			granted.add(unit);
		}
		return Optional.of(granted);
	}

	/** The errors of the token endpoint (RFC 6749 §5.2) and the rate limit. */
	public enum Error {

		INVALID_REQUEST("invalid_request", 400), INVALID_CLIENT("invalid_client", 401),
		UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400), INVALID_SCOPE("invalid_scope", 400),
		TOO_MANY_REQUESTS("too_many_requests", 429);

		private final String code;

		private final int status;

		Error(String code, int status) {
			this.code = code;
			this.status = status;
		}

		public String code() {
			return this.code;
		}

		public int status() {
			return this.status;
		}

	}

	/**
	 * A token request's result: a token, or an error.
	 *
	 * @param accessToken the token
	 * @param expiresIn its lifetime in seconds
	 * @param scope the org units it grants
	 * @param error why there is none
	 */
	public record Outcome(@Nullable String accessToken, long expiresIn, @Nullable String scope, @Nullable Error error) {

		public static Outcome refused(Error error) {
			return new Outcome(null, 0, null, error);
		}

	}

}
