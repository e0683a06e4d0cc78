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

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

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
		String normalisedKey = validate(key, name, email);
		try {
			UUID id = this.repository.insert(municipalityId, normalisedKey, name.trim(), email.trim(), phone.trim());
			this.auditLog.record("org-unit.created", "org-unit", id.toString(), municipalityId, name.trim());
			return id;
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(ex);
		}
	}

	@Transactional
	public void update(UUID municipalityId, UUID id, String key, String name, String email, String phone) {
		get(municipalityId, id);
		String normalisedKey = validate(key, name, email);
		try {
			this.repository.update(id, normalisedKey, name.trim(), email.trim(), phone.trim());
			this.auditLog.record("org-unit.updated", "org-unit", id.toString(), municipalityId, name.trim());
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(ex);
		}
	}

	/**
	 * Names the field whose value is taken: the table has one unique constraint for the
	 * key and one for the name, and PostgreSQL names the one that was violated.
	 */
	private static InvalidInputException duplicate(DuplicateKeyException ex) {
		if (String.valueOf(ex.getMessage()).contains("_key_key")) {
			return InvalidInputException.of("key", "orgUnit.key.taken");
		}
		return InvalidInputException.of("name", "orgUnit.name.taken");
	}

	private static String validate(String key, String name, String email) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		String normalisedKey = key.trim().toLowerCase(Locale.ROOT);
		if (!KEY.matcher(normalisedKey).matches()) {
			problems.add("key", "orgUnit.key.invalid");
		}
		if (name.isBlank()) {
			problems.add("name", "orgUnit.name.required");
		}
		if (!email.isBlank() && !EMAIL.matcher(email.trim()).matches()) {
			problems.add("email", "orgUnit.email.invalid");
		}
		problems.throwIfAny();
		return normalisedKey;
	}

}
