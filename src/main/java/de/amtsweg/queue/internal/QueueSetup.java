package de.amtsweg.queue.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.catalog.Location;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting up the call system of a location: service groups, counters and the devices
 * (kiosks and display boards) with their secret URLs. Only the municipality's admins.
 */
@Service
@Transactional
public class QueueSetup {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SetupRepository repository;

	private final ServiceCatalog catalog;

	private final QueueAccess access;

	private final AuditLog auditLog;

	private final Clock clock;

	QueueSetup(SetupRepository repository, ServiceCatalog catalog, QueueAccess access, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.catalog = catalog;
		this.access = access;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** The municipality's location, or 404. */
	@Transactional(readOnly = true)
	public Location location(UUID municipalityId, UUID locationId) {
		return this.catalog.location(municipalityId, locationId)
			.orElseThrow(() -> new NotFoundException("Location " + locationId));
	}

	@Transactional(readOnly = true)
	public List<ServiceGroup> groups(UUID locationId) {
		return this.repository.groups(locationId);
	}

	@Transactional(readOnly = true)
	public List<Counter> counters(UUID locationId) {
		return this.repository.counters(locationId);
	}

	@Transactional(readOnly = true)
	public List<Device> devices(UUID locationId) {
		return this.repository.devices(locationId);
	}

	@Transactional(readOnly = true)
	public Optional<Device> device(String token, Device.Kind kind) {
		return this.repository.deviceByToken(token).filter((device) -> device.kind() == kind);
	}

	@Transactional(readOnly = true)
	public Optional<Counter> counter(UUID municipalityId, UUID counterId) {
		return this.repository.counter(counterId).filter((counter) -> counter.municipalityId().equals(municipalityId));
	}

	public UUID addGroup(UUID municipalityId, UUID locationId, String name, String nameEn, String prefix,
			String keywords, String minutes) {
		this.access.requireAdmin(municipalityId);
		location(municipalityId, locationId);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		String cleanName = name.strip();
		String cleanPrefix = prefix.strip().toUpperCase(Locale.ROOT);
		if (cleanName.isEmpty()) {
			problems.add("name", "queue.admin.group.name.missing");
		}
		if (!cleanPrefix.matches("[A-Z]{1,2}")) {
			problems.add("prefix", "queue.admin.group.prefix.invalid");
		}
		int serviceMinutes = 0;
		try {
			serviceMinutes = Integer.parseInt(minutes.strip());
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		if (serviceMinutes < 1 || serviceMinutes > 240) {
			problems.add("minutes", "queue.admin.group.minutes.invalid");
		}
		problems.throwIfAny();
		List<String> words = new ArrayList<>();
		for (String word : keywords.split(",")) {
			if (!word.isBlank()) {
				words.add(word.strip());
			}
		}
		try {
			UUID id = this.repository.insertGroup(municipalityId, locationId, cleanName, nameEn.strip(), cleanPrefix,
					words, serviceMinutes, this.repository.groups(locationId).size());
			this.auditLog.record("queue.group.created", "queue_service_group", id.toString(), municipalityId,
					cleanPrefix + " " + cleanName);
			return id;
		}
		catch (DuplicateKeyException ex) {
			throw InvalidInputException.of("prefix", "queue.admin.group.prefix.taken");
		}
	}

	public void deleteGroup(UUID municipalityId, UUID locationId, UUID groupId) {
		this.access.requireAdmin(municipalityId);
		location(municipalityId, locationId);
		if (this.repository.deleteGroup(locationId, groupId) == 0) {
			throw new NotFoundException("Service group " + groupId);
		}
		this.auditLog.record("queue.group.deleted", "queue_service_group", groupId.toString(), municipalityId, "");
	}

	public UUID addCounter(UUID municipalityId, UUID locationId, String name, List<UUID> groupIds) {
		this.access.requireAdmin(municipalityId);
		location(municipalityId, locationId);
		String cleanName = name.strip();
		if (cleanName.isEmpty()) {
			throw InvalidInputException.of("name", "queue.admin.counter.name.missing");
		}
		try {
			UUID id = this.repository.insertCounter(municipalityId, locationId, cleanName);
			this.repository.setCounterGroups(id, groupIds);
			this.auditLog.record("queue.counter.created", "queue_counter", id.toString(), municipalityId, cleanName);
			return id;
		}
		catch (DuplicateKeyException ex) {
			throw InvalidInputException.of("name", "queue.admin.counter.name.taken");
		}
	}

	public void setCounterGroups(UUID municipalityId, UUID locationId, UUID counterId, List<UUID> groupIds) {
		this.access.requireAdmin(municipalityId);
		Counter counter = counter(municipalityId, counterId).filter((found) -> found.locationId().equals(locationId))
			.orElseThrow(() -> new NotFoundException("Counter " + counterId));
		this.repository.setCounterGroups(counter.id(), groupIds);
		this.auditLog.record("queue.counter.changed", "queue_counter", counterId.toString(), municipalityId,
				groupIds.toString());
	}

	public void deleteCounter(UUID municipalityId, UUID locationId, UUID counterId) {
		this.access.requireAdmin(municipalityId);
		location(municipalityId, locationId);
		if (this.repository.deleteCounter(locationId, counterId) == 0) {
			throw new NotFoundException("Counter " + counterId);
		}
		this.auditLog.record("queue.counter.deleted", "queue_counter", counterId.toString(), municipalityId, "");
	}

	public UUID addDevice(UUID municipalityId, UUID locationId, Device.Kind kind, String name) {
		return addDevice(municipalityId, locationId, kind, name, newToken());
	}

	/** A device with a given token: only for demo data, whose URLs the README names. */
	UUID addDevice(UUID municipalityId, UUID locationId, Device.Kind kind, String name, String token) {
		this.access.requireAdmin(municipalityId);
		location(municipalityId, locationId);
		String cleanName = name.strip();
		if (cleanName.isEmpty()) {
			throw InvalidInputException.of("name", "queue.admin.device.name.missing");
		}
		UUID id = this.repository.insertDevice(municipalityId, locationId, kind, cleanName, token,
				this.clock.instant());
		this.auditLog.record("queue.device.created", "queue_device", id.toString(), municipalityId,
				kind + " " + cleanName);
		return id;
	}

	public void deleteDevice(UUID municipalityId, UUID locationId, UUID deviceId) {
		this.access.requireAdmin(municipalityId);
		location(municipalityId, locationId);
		if (this.repository.deleteDevice(locationId, deviceId) == 0) {
			throw new NotFoundException("Device " + deviceId);
		}
		this.auditLog.record("queue.device.deleted", "queue_device", deviceId.toString(), municipalityId, "");
	}

	/** 192 random bits, URL-safe: guessing a device's or ticket's URL is hopeless. */
	static String newToken() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
