package de.amtsweg.accounts.internal.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.accounts.StaffRole;
import de.amtsweg.accounts.TrustLevel;
import de.amtsweg.accounts.internal.oidc.IdentityProviderRepository.Settings;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of identity providers. An admin of a municipality manages that
 * municipality's providers; a portal admin manages the portal-wide ones and those of
 * every municipality. Secrets go in and never come out.
 */
@Service
public class IdentityProviders {

	private static final Pattern REGISTRATION_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern CLAIM = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

	/** Characters of a scope token (RFC 6749, section 3.3). */
	private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

	private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

	private final IdentityProviderRepository repository;

	private final ProviderRegistrations registrations;

	private final Municipalities municipalities;

	private final AuditLog auditLog;

	private final Clock clock;

	public IdentityProviders(IdentityProviderRepository repository, ProviderRegistrations registrations,
			Municipalities municipalities, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.registrations = registrations;
		this.municipalities = municipalities;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** The providers an admin sees: those they manage and the portal-wide ones. */
	public List<IdentityProvider> visibleTo(StaffPrincipal admin) {
		return this.repository.findAll()
			.stream()
			.filter((provider) -> provider.portalWide() || mayManage(admin, provider.municipalityId()))
			.toList();
	}

	/**
	 * Whether the admin may create or change providers of the municipality (null:
	 * portal).
	 */
	public boolean mayManage(StaffPrincipal admin, @Nullable UUID municipalityId) {
		if (admin.hasRole(StaffRole.PORTAL_ADMIN)) {
			return true;
		}
		return municipalityId != null && municipalityId.equals(admin.municipalityId())
				&& admin.hasRole(StaffRole.ADMIN, StaffPrincipal.WHOLE_MUNICIPALITY);
	}

	/** Whether the admin may choose the municipality (portal admins only). */
	public boolean choosesMunicipality(StaffPrincipal admin) {
		return admin.hasRole(StaffRole.PORTAL_ADMIN);
	}

	/** A provider the admin manages; others are not found. */
	public IdentityProvider get(StaffPrincipal admin, UUID id) {
		return this.repository.findById(id)
			.filter((provider) -> mayManage(admin, provider.municipalityId()))
			.orElseThrow(() -> new NotFoundException("Identity provider " + id));
	}

	@Transactional
	public UUID create(StaffPrincipal admin, Details details) {
		Settings settings = validate(admin, details, null);
		try {
			UUID id = this.repository.insert(settings, details.clientSecret(), this.clock.instant());
			this.auditLog.record("identity-provider.created", "identity-provider", id.toString(),
					settings.municipalityId(), settings.registrationId());
			return id;
		}
		catch (DuplicateKeyException ex) {
			throw InvalidInputException.of("registrationId", "oidc.provider.registrationId.taken");
		}
	}

	@Transactional
	public void update(StaffPrincipal admin, UUID id, Details details) {
		IdentityProvider current = get(admin, id);
		Settings settings = validate(admin, details, current);
		String secret = details.clientSecret().isEmpty() ? null : details.clientSecret();
		this.repository.update(id, settings, secret, this.clock.instant());
		this.auditLog.record("identity-provider.updated", "identity-provider", id.toString(), settings.municipalityId(),
				current.registrationId() + ((secret != null) ? ", secret replaced" : ""));
	}

	private Settings validate(StaffPrincipal admin, Details details, @Nullable IdentityProvider current) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		String registrationId = (current != null) ? current.registrationId()
				: details.registrationId().trim().toLowerCase(Locale.ROOT);
		if (current == null && (!REGISTRATION_ID.matcher(registrationId).matches() || registrationId.length() > 40)) {
			problems.add("registrationId", "oidc.provider.registrationId.invalid");
		}
		UUID municipalityId = municipality(admin, details.municipality(), current, problems);
		String displayName = details.displayName().trim();
		if (displayName.isEmpty() || displayName.length() > 100) {
			problems.add("displayName", "oidc.provider.displayName.required");
		}
		Optional<Audience> audience = audience(details.audience());
		if (audience.isEmpty()) {
			problems.add("audience", "oidc.provider.audience.required");
		}
		String issuerUri = details.issuerUri().trim();
		boolean issuerValid = issuerUriValid(issuerUri);
		if (!issuerValid) {
			problems.add("issuerUri", "oidc.provider.issuerUri.invalid");
		}
		String clientId = details.clientId().trim();
		if (clientId.isEmpty()) {
			problems.add("clientId", "oidc.provider.clientId.required");
		}
		if (current == null && details.clientSecret().isEmpty()) {
			problems.add("clientSecret", "oidc.provider.clientSecret.required");
		}
		List<String> scopes = scopes(details.scopes());
		if (scopes.stream().anyMatch((scope) -> !SCOPE.matcher(scope).matches())) {
			problems.add("scopes", "oidc.provider.scopes.invalid");
		}
		String claim = details.trustLevelClaim().trim();
		if (!CLAIM.matcher(claim).matches()) {
			problems.add("trustLevelClaim", "oidc.provider.trustLevelClaim.invalid");
		}
		TrustLevelMapping.Parsed trustLevels = TrustLevelMapping.parse(details.trustLevels());
		if (!trustLevels.valid()) {
			problems.add("trustLevels", "oidc.provider.trustLevels.invalid", trustLevels.badLine());
		}
		// Ask the issuer only when everything else is right, and only when it is new:
		// that takes a network round trip.
		if (problems.isEmpty() && (current == null || !current.issuerUri().equals(issuerUri))
				&& !this.registrations.discoverable(issuerUri)) {
			problems.add("issuerUri", "oidc.provider.issuerUri.unreachable");
		}
		problems.throwIfAny();
		return new Settings(registrationId, municipalityId, audience.orElseThrow(), displayName, issuerUri, clientId,
				scopes, claim, Map.copyOf(trustLevels.values()), details.enabled());
	}

	private @Nullable UUID municipality(StaffPrincipal admin, String chosen, @Nullable IdentityProvider current,
			InvalidInputException.Collector problems) {
		if (!choosesMunicipality(admin)) {
			UUID own = admin.municipalityId();
			if (!mayManage(admin, own)) {
				throw new AccessDeniedException("Not an admin of a municipality");
			}
			return own;
		}
		if (chosen.isBlank()) {
			return null;
		}
		try {
			UUID id = UUID.fromString(chosen.trim());
			if (this.municipalities.byId(id).isPresent()) {
				return id;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		problems.add("municipality", "oidc.provider.municipality.invalid");
		return (current != null) ? current.municipalityId() : null;
	}

	private static Optional<Audience> audience(String value) {
		try {
			return Optional.of(Audience.valueOf(value.trim()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** Absolute http(s) address without query or fragment; plain http only locally. */
	private static boolean issuerUriValid(String value) {
		try {
			URI uri = new URI(value);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
					|| value.chars().anyMatch(Character::isWhitespace)) {
				return false;
			}
			return "https".equals(scheme)
					|| ("http".equals(scheme) && LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT)));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/** The scopes entered, always with {@code openid} first. */
	private static List<String> scopes(String value) {
		List<String> scopes = new ArrayList<>();
		scopes.add("openid");
		for (String scope : value.trim().split("[\\s,]+")) {
			if (!scope.isEmpty() && !scopes.contains(scope)) {
				scopes.add(scope);
			}
		}
		return List.copyOf(scopes);
	}

	/** The built-in claim values, to show next to a provider's own. */
	public Map<String, TrustLevel> builtInTrustLevels() {
		return TrustLevelMapping.BUILT_IN;
	}

	/**
	 * What an administrator enters, unchecked.
	 *
	 * @param registrationId short name in the paths (only when creating)
	 * @param municipality id of the municipality, empty for the whole portal (portal
	 * admins only)
	 * @param audience {@code CITIZEN} or {@code STAFF}
	 * @param displayName name on the button
	 * @param issuerUri the issuer
	 * @param clientId the client id
	 * @param clientSecret the secret; empty keeps the stored one when changing
	 * @param scopes scopes separated by spaces
	 * @param trustLevelClaim claim of the level of assurance
	 * @param trustLevels own claim values, one {@code value = LEVEL} per line
	 * @param enabled whether usable
	 */
	public record Details(String registrationId, String municipality, String audience, String displayName,
			String issuerUri, String clientId, String clientSecret, String scopes, String trustLevelClaim,
			String trustLevels, boolean enabled) {

		@Override
		public String toString() {
			return "Details[" + this.registrationId + "]";
		}

	}

}
