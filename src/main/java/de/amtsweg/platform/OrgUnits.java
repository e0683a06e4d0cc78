package de.amtsweg.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import de.amtsweg.platform.internal.OrgUnitRepository;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The org units of each municipality.
 */
@Service
public class OrgUnits {

	private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final OrgUnitRepository repository;

	private final AuditLog auditLog;

	public OrgUnits(OrgUnitRepository repository, AuditLog auditLog) {
		this.repository = repository;
		this.auditLog = auditLog;
	}

	public List<OrgUnit> of(UUID municipalityId) {
		return this.repository.findByMunicipality(municipalityId);
	}

	public Optional<OrgUnit> byId(UUID id) {
		return this.repository.findById(id);
	}

	/** The org unit, if it belongs to the municipality; 404 otherwise. */
	public OrgUnit get(UUID municipalityId, UUID id) {
		return byId(id).filter((unit) -> unit.municipalityId().equals(municipalityId))
			.orElseThrow(() -> new NotFoundException("Org unit " + id));
	}

	public Optional<OrgUnit> byKey(UUID municipalityId, String key) {
		return this.repository.findByKey(municipalityId, key);
	}

	@Transactional
	public UUID create(UUID municipalityId, String key, String name, String email, String phone) {
		String normalisedKey = validate(key, name);
		try {
			UUID id = this.repository.insert(municipalityId, normalisedKey, name.trim(), email.trim(), phone.trim());
			this.auditLog.record("org-unit.created", "org-unit", id.toString(), municipalityId, name.trim());
			return id;
		}
		catch (DuplicateKeyException ex) {
			throw InvalidInputException.of("name", "orgUnit.taken");
		}
	}

	@Transactional
	public void update(UUID municipalityId, UUID id, String key, String name, String email, String phone) {
		get(municipalityId, id);
		String normalisedKey = validate(key, name);
		try {
			this.repository.update(id, normalisedKey, name.trim(), email.trim(), phone.trim());
			this.auditLog.record("org-unit.updated", "org-unit", id.toString(), municipalityId, name.trim());
		}
		catch (DuplicateKeyException ex) {
			throw InvalidInputException.of("name", "orgUnit.taken");
		}
	}

	private static String validate(String key, String name) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		String normalisedKey = key.trim().toLowerCase(Locale.ROOT);
		if (!KEY.matcher(normalisedKey).matches()) {
			problems.add("key", "orgUnit.key.invalid");
		}
		if (name.isBlank()) {
			problems.add("name", "orgUnit.name.required");
		}
		problems.throwIfAny();
		return normalisedKey;
	}

}
