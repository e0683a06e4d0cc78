package de.amtsweg.integrations.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.RateLimits;
import de.amtsweg.platform.Sha256;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers specialist systems and their credentials: API keys (shown once, kept as a
 * hash, the prefix stays visible) and the webhook URL with its signing secret. A system
 * belongs to one municipality; an admin sees only their municipality's systems. Every
 * change is audited.
 */
@Service
public class SpecialistSystems {

	private static final String RECORD = "specialist-system";

	private static final char[] PREFIX_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SpecialistSystemRepository repository;

	private final OrgUnits orgUnits;

	private final AuditLog auditLog;

	private final IntegrationsProperties properties;

	private final Clock clock;

	private final RateLimits rateLimits;

	SpecialistSystems(SpecialistSystemRepository repository, OrgUnits orgUnits, AuditLog auditLog,
			IntegrationsProperties properties, Clock clock, RateLimits rateLimits) {
		this.rateLimits = rateLimits;
		this.repository = repository;
		this.orgUnits = orgUnits;
		this.auditLog = auditLog;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Registers a system for org units of the municipality.
	 * @return the new system's id
	 * @throws InvalidInputException for a missing or taken name, no or foreign org units,
	 * or a bad webhook URL
	 */
	@Transactional
	public UUID register(UUID municipalityId, String name, List<UUID> orgUnitIds) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		String trimmed = (name != null) ? name.strip() : "";
		if (trimmed.isEmpty()) {
			problems.add("name", "integrations.system.name.required");
		}
		else if (trimmed.length() > 200) {
			problems.add("name", "integrations.system.name.tooLong");
		}
		else if (this.repository.nameTaken(municipalityId, trimmed)) {
			problems.add("name", "integrations.system.name.taken");
		}
		Set<UUID> own = new LinkedHashSet<>();
		this.orgUnits.of(municipalityId).forEach((unit) -> own.add(unit.id()));
		if (orgUnitIds.isEmpty() || !own.containsAll(orgUnitIds)) {
			problems.add("orgUnitIds", "integrations.system.orgUnits.required");
		}
		problems.throwIfAny();
		UUID id = UUID.randomUUID();
		this.repository.insert(id, municipalityId, trimmed, new LinkedHashSet<>(orgUnitIds), this.clock.instant());
		this.auditLog.record("integrations.system-registered", RECORD, id.toString(), municipalityId,
				trimmed + " for " + orgUnitIds.size() + " org units");
		return id;
	}

	public List<SpecialistSystem> of(UUID municipalityId) {
		return this.repository.ofMunicipality(municipalityId);
	}

	/** The system of the municipality; 404 for any other. */
	public SpecialistSystem get(UUID municipalityId, UUID systemId) {
		return this.repository.find(systemId)
			.filter((system) -> system.municipalityId().equals(municipalityId))
			.orElseThrow(() -> new NotFoundException("Specialist system " + systemId));
	}

	public List<ApiKey> keys(UUID municipalityId, UUID systemId) {
		return this.repository.keys(get(municipalityId, systemId).id());
	}

	public List<OrgUnit> orgUnitsOf(SpecialistSystem system) {
		return this.orgUnits.of(system.municipalityId())
			.stream()
			.filter((unit) -> system.orgUnitIds().contains(unit.id()))
			.toList();
	}

	/**
	 * Creates an API key; to rotate, create a new one and revoke the old one once the
	 * system uses the new.
	 * @return the key, shown this once
	 */
	@Transactional
	public String createKey(UUID municipalityId, UUID systemId) {
		SpecialistSystem system = get(municipalityId, systemId);
		StringBuilder prefix = new StringBuilder("aw_");
		for (int i = 0; i < 8; i++) {
			prefix.append(PREFIX_ALPHABET[RANDOM.nextInt(PREFIX_ALPHABET.length)]);
		}
		String key = prefix + "_" + randomToken(32);
		UUID id = UUID.randomUUID();
		this.repository.insertKey(id, system.id(), prefix.toString(), sha256(key), this.clock.instant());
		this.auditLog.record("integrations.key-created", RECORD, system.id().toString(), municipalityId,
				prefix.toString());
		return key;
	}

	@Transactional
	public void revokeKey(UUID municipalityId, UUID systemId, UUID keyId) {
		SpecialistSystem system = get(municipalityId, systemId);
		if (!this.repository.revokeKey(system.id(), keyId, this.clock.instant())) {
			throw new NotFoundException("API key " + keyId);
		}
		this.auditLog.record("integrations.key-revoked", RECORD, system.id().toString(), municipalityId,
				keyId.toString());
	}

	/**
	 * Creates a client secret for the OAuth2 client credentials grant; the client id is
	 * the system's id.
	 * @return the secret, shown this once
	 */
	@Transactional
	public String createClientSecret(UUID municipalityId, UUID systemId) {
		SpecialistSystem system = get(municipalityId, systemId);
		StringBuilder prefix = new StringBuilder("awcs_");
		for (int i = 0; i < 8; i++) {
			prefix.append(PREFIX_ALPHABET[RANDOM.nextInt(PREFIX_ALPHABET.length)]);
		}
		String secret = prefix + "_" + randomToken(32);
		this.repository.insertClientSecret(UUID.randomUUID(), system.id(), prefix.toString(), sha256(secret),
				this.clock.instant());
		this.auditLog.record("integrations.client-secret-created", RECORD, system.id().toString(), municipalityId,
				prefix.toString());
		return secret;
	}

	public List<ApiKey> clientSecrets(UUID municipalityId, UUID systemId) {
		return this.repository.clientSecrets(get(municipalityId, systemId).id());
	}

	/** Revokes a client secret and every token issued for it. */
	@Transactional
	public void revokeClientSecret(UUID municipalityId, UUID systemId, UUID secretId) {
		SpecialistSystem system = get(municipalityId, systemId);
		if (!this.repository.revokeClientSecret(system.id(), secretId, this.clock.instant())) {
			throw new NotFoundException("Client secret " + secretId);
		}
		this.auditLog.record("integrations.client-secret-revoked", RECORD, system.id().toString(), municipalityId,
				secretId.toString());
	}

	/**
	 * Sets where webhooks go (blank: none). A system without a signing secret gets one.
	 * @return the new signing secret, if one was made (shown this once)
	 */
	@Transactional
	public Optional<String> setWebhook(UUID municipalityId, UUID systemId, String url) {
		SpecialistSystem system = get(municipalityId, systemId);
		String trimmed = (url != null) ? url.strip() : "";
		if (trimmed.isEmpty()) {
			this.repository.setWebhook(system.id(), null, system.webhookSecret());
			this.auditLog.record("integrations.webhook-removed", RECORD, system.id().toString(), municipalityId, "");
			return Optional.empty();
		}
		if (!validUrl(trimmed)) {
			throw InvalidInputException.of("webhookUrl", "integrations.webhook.url.invalid");
		}
		String secret = system.webhookSecret();
		boolean created = secret == null;
		if (created) {
			secret = newSecret();
		}
		this.repository.setWebhook(system.id(), trimmed, secret);
		this.auditLog.record("integrations.webhook-set", RECORD, system.id().toString(), municipalityId, trimmed);
		return created ? Optional.of(secret) : Optional.empty();
	}

	/**
	 * Replaces the signing secret.
	 * @return the new secret, shown this once
	 */
	@Transactional
	public String rotateSecret(UUID municipalityId, UUID systemId) {
		SpecialistSystem system = get(municipalityId, systemId);
		String secret = newSecret();
		this.repository.setWebhook(system.id(), system.webhookUrl(), secret);
		this.auditLog.record("integrations.webhook-secret-rotated", RECORD, system.id().toString(), municipalityId, "");
		return secret;
	}

	/** The system of an active key; empty for an unknown or revoked key. */
	public Optional<SpecialistSystemPrincipal> authenticate(String key) {
		if (key.length() > 200 || !key.startsWith("aw_")) {
			return Optional.empty();
		}
		return this.repository.activeKey(sha256(key));
	}

	/** Counts the request; false once the key made too many in the current minute. */
	public boolean allowRequest(SpecialistSystemPrincipal principal) {
		return this.rateLimits
			.attempt("integration-api-key", principal.keyId().toString(), this.properties.requestsPerMinute(),
					Duration.ofMinutes(1))
			.allowed();
	}

	static boolean validUrl(String url) {
		if (url.length() > 2000) {
			return false;
		}
		try {
			URI uri = new URI(url);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
					&& !url.contains(" ");
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String newSecret() {
		return "whsec_" + randomToken(32);
	}

	static String randomToken(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	static String sha256(String value) {
		return Sha256.hex(value);
	}

}
