package de.amtsweg.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import de.amtsweg.catalog.internal.CatalogAccess;
import de.amtsweg.catalog.internal.LocationRepository;
import de.amtsweg.catalog.internal.ResponsibilityRepository;
import de.amtsweg.catalog.internal.SearchIndex;
import de.amtsweg.catalog.internal.ServiceRepository;
import de.amtsweg.catalog.internal.ServiceRepository.Owner;
import de.amtsweg.catalog.internal.Slugs;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.OrgUnits;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the catalogue, each checked (a municipality's admin changes its own
 * catalogue, the portal's operators the district's shared services), validated with
 * messages per field, audited, and re-indexed for the finder in the same transaction.
 */
@Service
@Transactional
public class CatalogAdministration {

	static final Pattern LEIKA_KEY = Pattern.compile("[0-9]{14}");

	/** Paths on this portal or https addresses elsewhere. */
	static final Pattern LINK = Pattern.compile("(/[^/\\\\\\s][^\\s]*|https://[^/\\s][^\\s]*)");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	private static final Pattern POSTCODE = Pattern.compile("[0-9]{5}");

	private static final int MAX_NAME = 300;

	private static final int MAX_LINK = 500;

	private final ServiceRepository services;

	private final ResponsibilityRepository responsibilities;

	private final LocationRepository locations;

	private final SearchIndex searchIndex;

	private final CatalogAccess access;

	private final Municipalities municipalities;

	private final OrgUnits orgUnits;

	private final AuditLog auditLog;

	public CatalogAdministration(ServiceRepository services, ResponsibilityRepository responsibilities,
			LocationRepository locations, SearchIndex searchIndex, CatalogAccess access, Municipalities municipalities,
			OrgUnits orgUnits, AuditLog auditLog) {
		this.services = services;
		this.responsibilities = responsibilities;
		this.locations = locations;
		this.searchIndex = searchIndex;
		this.access = access;
		this.municipalities = municipalities;
		this.orgUnits = orgUnits;
		this.auditLog = auditLog;
	}

	// Services

	/**
	 * Creates a service of the municipality's own catalogue, offered by one of its org
	 * units.
	 * @return the responsibility created with it
	 */
	public UUID createLocalService(UUID municipalityId, ServiceContent content, @Nullable UUID orgUnitId) {
		this.access.requireMunicipalityAdmin(municipalityId);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		ServiceContent valid = validate(Owner.municipality(municipalityId), content, null, problems);
		if (orgUnitId == null || this.orgUnits.byId(orgUnitId)
			.filter((unit) -> unit.municipalityId().equals(municipalityId))
			.isEmpty()) {
			problems.add("orgUnit", "catalog.responsibility.orgUnit.required");
		}
		problems.throwIfAny();
		UUID serviceId = insert(Owner.municipality(municipalityId), valid);
		UUID responsibilityId = this.responsibilities.insert(municipalityId, serviceId,
				new ResponsibilityDetails(orgUnitId, 1, null, null, true, false, LocalizedText.EMPTY, List.of()));
		this.auditLog.record("catalog.service.created", "catalog-service", serviceId.toString(), municipalityId,
				valid.name().de());
		return responsibilityId;
	}

	/** Creates a service of the district's shared catalogue. */
	public UUID createSharedService(UUID districtId, ServiceContent content) {
		this.access.requireDistrictAdmin();
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		ServiceContent valid = validate(Owner.district(districtId), content, null, problems);
		problems.throwIfAny();
		UUID serviceId = insert(Owner.district(districtId), valid);
		this.auditLog.record("catalog.service.created", "catalog-service", serviceId.toString(), null,
				"shared: " + valid.name().de());
		return serviceId;
	}

	public void updateService(UUID serviceId, ServiceContent content) {
		CatalogService service = editable(serviceId);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		ServiceContent valid = validate(owner(service), content, serviceId, problems);
		problems.throwIfAny();
		try {
			this.services.update(serviceId, valid);
		}
		catch (DataIntegrityViolationException ex) {
			throw InvalidInputException.of("slug", "catalog.service.slug.taken");
		}
		this.services.replaceDocuments(serviceId, valid.documents());
		this.services.replaceLifeSituations(serviceId, valid.lifeSituations());
		this.searchIndex.reindex(List.of(serviceId));
		this.auditLog.record("catalog.service.updated", "catalog-service", serviceId.toString(),
				service.municipalityId(), valid.name().de());
	}

	/**
	 * Deletes a service with its activities and fees; a shared one also from every
	 * municipality that adopted it.
	 */
	public void deleteService(UUID serviceId) {
		CatalogService service = editable(serviceId);
		this.services.delete(serviceId);
		this.auditLog.record("catalog.service.deleted", "catalog-service", serviceId.toString(),
				service.municipalityId(), service.name().de());
	}

	public UUID addActivity(UUID serviceId, String leikaKey, LocalizedText name) {
		CatalogService service = editable(serviceId);
		validateActivity(service, null, leikaKey, name);
		UUID id = this.services.insertActivity(serviceId, blankToNull(leikaKey), name);
		this.searchIndex.reindex(List.of(serviceId));
		this.auditLog.record("catalog.activity.created", "catalog-service", serviceId.toString(),
				service.municipalityId(), name.de());
		return id;
	}

	public void updateActivity(UUID serviceId, UUID activityId, String leikaKey, LocalizedText name) {
		CatalogService service = editable(serviceId);
		this.services.findActivity(serviceId, activityId)
			.orElseThrow(() -> new NotFoundException("Activity " + activityId));
		validateActivity(service, activityId, leikaKey, name);
		this.services.updateActivity(activityId, blankToNull(leikaKey), name);
		this.searchIndex.reindex(List.of(serviceId));
		this.auditLog.record("catalog.activity.updated", "catalog-service", serviceId.toString(),
				service.municipalityId(), name.de());
	}

	public void deleteActivity(UUID serviceId, UUID activityId) {
		CatalogService service = editable(serviceId);
		Activity activity = this.services.findActivity(serviceId, activityId)
			.orElseThrow(() -> new NotFoundException("Activity " + activityId));
		this.services.deleteActivity(activityId);
		this.searchIndex.reindex(List.of(serviceId));
		this.auditLog.record("catalog.activity.deleted", "catalog-service", serviceId.toString(),
				service.municipalityId(), activity.name().de());
	}

	public UUID addServiceFee(UUID serviceId, FeeDetails fee) {
		CatalogService service = editable(serviceId);
		validateFee(fee, "");
		UUID id = this.services.insertFee("service_id", serviceId, fee);
		this.auditLog.record("catalog.fee.created", "catalog-service", serviceId.toString(), service.municipalityId(),
				fee.type().name());
		return id;
	}

	public void deleteServiceFee(UUID serviceId, UUID feeId) {
		CatalogService service = editable(serviceId);
		if (!this.services.deleteFee("service_id", serviceId, feeId)) {
			throw new NotFoundException("Fee " + feeId);
		}
		this.auditLog.record("catalog.fee.deleted", "catalog-service", serviceId.toString(), service.municipalityId(),
				feeId.toString());
	}

	// Responsibilities

	/** The municipality takes over a service of its district's shared catalogue. */
	public UUID adopt(UUID municipalityId, UUID sharedServiceId, @Nullable UUID orgUnitId) {
		this.access.requireMunicipalityAdmin(municipalityId);
		Municipality municipality = this.municipalities.get(municipalityId);
		CatalogService service = this.services.findById(sharedServiceId)
			.filter((found) -> found.shared() && found.districtId().equals(municipality.districtId()))
			.orElseThrow(() -> new NotFoundException("Shared service " + sharedServiceId));
		if (orgUnitId == null || this.orgUnits.byId(orgUnitId)
			.filter((unit) -> unit.municipalityId().equals(municipalityId))
			.isEmpty()) {
			throw InvalidInputException.of("orgUnit", "catalog.responsibility.orgUnit.required");
		}
		if (this.responsibilities.findId(municipalityId, sharedServiceId).isPresent()) {
			throw InvalidInputException.of("orgUnit", "catalog.responsibility.alreadyAdopted");
		}
		UUID id = this.responsibilities.insert(municipalityId, sharedServiceId,
				new ResponsibilityDetails(orgUnitId, 1, null, null, true, false, LocalizedText.EMPTY, List.of()));
		this.auditLog.record("catalog.responsibility.adopted", "catalog-responsibility", id.toString(), municipalityId,
				service.name().de());
		return id;
	}

	public void updateResponsibility(UUID municipalityId, UUID responsibilityId, ResponsibilityDetails details) {
		Responsibility responsibility = responsibility(municipalityId, responsibilityId);
		validateResponsibility(municipalityId, details);
		this.responsibilities.update(responsibilityId, municipalityId, details);
		this.auditLog.record("catalog.responsibility.updated", "catalog-responsibility", responsibilityId.toString(),
				municipalityId, responsibility.serviceId().toString());
	}

	/**
	 * The municipality stops offering the service: an adopted shared service goes back to
	 * the district's list, a local service is deleted.
	 */
	public void endResponsibility(UUID municipalityId, UUID responsibilityId) {
		Responsibility responsibility = responsibility(municipalityId, responsibilityId);
		CatalogService service = this.services.findById(responsibility.serviceId()).orElseThrow();
		if (service.shared()) {
			this.responsibilities.delete(responsibilityId);
		}
		else {
			this.services.delete(service.id());
		}
		this.auditLog.record("catalog.responsibility.ended", "catalog-responsibility", responsibilityId.toString(),
				municipalityId, service.name().de());
	}

	public void saveActivityState(UUID municipalityId, UUID responsibilityId, UUID activityId, ActivityState state) {
		Responsibility responsibility = responsibility(municipalityId, responsibilityId);
		this.services.findActivity(responsibility.serviceId(), activityId)
			.orElseThrow(() -> new NotFoundException("Activity " + activityId));
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (!Maturity.isValid(state.maturity())) {
			problems.add("maturity", "catalog.maturity.invalid");
		}
		checkLink(state.onlineUrl(), "onlineUrl", "catalog.responsibility.onlineUrl.invalid", problems);
		problems.throwIfAny();
		this.responsibilities.saveActivityState(responsibilityId, responsibility.serviceId(), activityId,
				new ActivityState(state.maturity(), state.status(), blankToNull(state.onlineUrl())));
		this.auditLog.record("catalog.activity.rollout", "catalog-responsibility", responsibilityId.toString(),
				municipalityId, activityId + ": " + state.maturity() + " " + state.status());
	}

	public UUID addContact(UUID municipalityId, UUID responsibilityId, String name, String role, String phone,
			String email) {
		responsibility(municipalityId, responsibilityId);
		validateContact(name, email);
		UUID id = this.responsibilities.insertContact(responsibilityId, name.strip(), role.strip(), phone.strip(),
				email.strip());
		this.auditLog.record("catalog.contact.created", "catalog-contact", id.toString(), municipalityId, "");
		return id;
	}

	public void updateContact(UUID municipalityId, UUID responsibilityId, UUID contactId, String name, String role,
			String phone, String email) {
		responsibility(municipalityId, responsibilityId);
		this.responsibilities.findContact(responsibilityId, contactId)
			.orElseThrow(() -> new NotFoundException("Contact " + contactId));
		validateContact(name, email);
		this.responsibilities.updateContact(contactId, name.strip(), role.strip(), phone.strip(), email.strip());
		this.auditLog.record("catalog.contact.updated", "catalog-contact", contactId.toString(), municipalityId, "");
	}

	public void deleteContact(UUID municipalityId, UUID responsibilityId, UUID contactId) {
		responsibility(municipalityId, responsibilityId);
		this.responsibilities.findContact(responsibilityId, contactId)
			.orElseThrow(() -> new NotFoundException("Contact " + contactId));
		this.responsibilities.deleteContact(contactId);
		this.auditLog.record("catalog.contact.deleted", "catalog-contact", contactId.toString(), municipalityId, "");
	}

	public UUID addLocalFee(UUID municipalityId, UUID responsibilityId, FeeDetails fee) {
		responsibility(municipalityId, responsibilityId);
		validateFee(fee, "");
		UUID id = this.services.insertFee("offering_id", responsibilityId, fee);
		this.auditLog.record("catalog.fee.created", "catalog-responsibility", responsibilityId.toString(),
				municipalityId, fee.type().name());
		return id;
	}

	public void deleteLocalFee(UUID municipalityId, UUID responsibilityId, UUID feeId) {
		responsibility(municipalityId, responsibilityId);
		if (!this.services.deleteFee("offering_id", responsibilityId, feeId)) {
			throw new NotFoundException("Fee " + feeId);
		}
		this.auditLog.record("catalog.fee.deleted", "catalog-responsibility", responsibilityId.toString(),
				municipalityId, feeId.toString());
	}

	// Locations

	public UUID createLocation(UUID municipalityId, LocationDetails details) {
		this.access.requireMunicipalityAdmin(municipalityId);
		LocationDetails valid = validateLocation(details);
		try {
			UUID id = this.locations.insert(municipalityId, valid);
			this.auditLog.record("catalog.location.created", "catalog-location", id.toString(), municipalityId,
					valid.name());
			return id;
		}
		catch (DataIntegrityViolationException ex) {
			throw locationTaken(ex);
		}
	}

	public void updateLocation(UUID municipalityId, UUID locationId, LocationDetails details) {
		location(municipalityId, locationId);
		LocationDetails valid = validateLocation(details);
		try {
			this.locations.update(locationId, valid);
		}
		catch (DataIntegrityViolationException ex) {
			throw locationTaken(ex);
		}
		this.auditLog.record("catalog.location.updated", "catalog-location", locationId.toString(), municipalityId,
				valid.name());
	}

	public void deleteLocation(UUID municipalityId, UUID locationId) {
		Location location = location(municipalityId, locationId);
		this.locations.delete(locationId);
		this.auditLog.record("catalog.location.deleted", "catalog-location", locationId.toString(), municipalityId,
				location.name());
	}

	/**
	 * Sets other hours for one day, or closes the location that day (opens and closes
	 * null).
	 */
	public UUID setOpeningException(UUID municipalityId, UUID locationId, LocalDate day, @Nullable LocalTime opens,
			@Nullable LocalTime closes, LocalizedText note) {
		location(municipalityId, locationId);
		if ((opens == null) != (closes == null) || (opens != null && !opens.isBefore(closes))) {
			throw InvalidInputException.of("opens", "catalog.exception.times.invalid");
		}
		UUID id = this.locations.insertException(locationId, day, opens, closes, note);
		this.auditLog.record("catalog.location.exception", "catalog-location", locationId.toString(), municipalityId,
				day.toString());
		return id;
	}

	public void deleteOpeningException(UUID municipalityId, UUID locationId, UUID exceptionId) {
		location(municipalityId, locationId);
		if (!this.locations.deleteException(locationId, exceptionId)) {
			throw new NotFoundException("Opening exception " + exceptionId);
		}
		this.auditLog.record("catalog.location.exception.deleted", "catalog-location", locationId.toString(),
				municipalityId, exceptionId.toString());
	}

	// Checks shared with the import

	/**
	 * Validates a service's description for the owner, adding problems under the form's
	 * field names; returns it with a derived slug and trimmed lists.
	 */
	ServiceContent validate(Owner owner, ServiceContent content, @Nullable UUID serviceId,
			InvalidInputException.Collector problems) {
		if (content.name().de().isEmpty()) {
			problems.add("name", "catalog.service.name.required");
		}
		else if (content.name().de().length() > MAX_NAME) {
			problems.add("name", "catalog.service.name.tooLong", MAX_NAME);
		}
		if (content.name().en().length() > MAX_NAME) {
			problems.add("nameEn", "catalog.service.name.tooLong", MAX_NAME);
		}
		String leikaKey = content.leikaKey().strip();
		if (!leikaKey.isEmpty() && !LEIKA_KEY.matcher(leikaKey).matches()) {
			problems.add("leikaKey", "catalog.service.leikaKey.invalid");
		}
		else if (!leikaKey.isEmpty() && this.services.takenInView(owner, "leika_key", leikaKey, serviceId)) {
			problems.add("leikaKey", "catalog.service.leikaKey.taken");
		}
		String slug = content.slug().strip().isEmpty() ? Slugs.of(content.name().de()) : content.slug().strip();
		if (!Slugs.VALID.matcher(slug).matches() || slug.length() > Slugs.MAX_LENGTH) {
			problems.add("slug", "catalog.service.slug.invalid");
		}
		else if (this.services.takenInView(owner, "slug", slug, serviceId)) {
			problems.add("slug", "catalog.service.slug.taken");
		}
		Set<String> known = this.services.lifeSituations()
			.stream()
			.map(LifeSituation::slug)
			.collect(Collectors.toSet());
		List<String> lifeSituations = content.lifeSituations().stream().map(String::strip).distinct().toList();
		for (String lifeSituation : lifeSituations) {
			if (!known.contains(lifeSituation)) {
				problems.add("lifeSituations", "catalog.service.lifeSituation.unknown", lifeSituation);
			}
		}
		if (content.ozgId() != null && content.ozgId() <= 0) {
			problems.add("ozgId", "catalog.service.ozgId.invalid");
		}
		if (content.leikaType().length() > 20) {
			problems.add("leikaType", "catalog.service.leikaType.tooLong");
		}
		List<String> keywords = content.keywords().stream().map(String::strip).filter((k) -> !k.isEmpty()).toList();
		List<LocalizedText> documents = content.documents().stream().filter((d) -> !d.de().isEmpty()).toList();
		return new ServiceContent(slug, leikaKey, content.kind(), content.name(), content.summary(),
				content.description(), keywords, content.legalBasis().strip(), content.processingTime(), documents,
				lifeSituations, content.ozgId(), content.leikaType().strip());
	}

	/** Validates a fee; problems under the fields type, amount, maxAmount, unit. */
	static void validateFee(FeeDetails fee, String prefix) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		validateFee(fee, prefix, problems);
		problems.throwIfAny();
	}

	static void validateFee(FeeDetails fee, String prefix, InvalidInputException.Collector problems) {
		BigDecimal amount = fee.amount();
		BigDecimal max = fee.maxAmount();
		switch (fee.type()) {
			case FREE -> {
				if (amount != null || max != null) {
					problems.add(prefix + "amount", "catalog.fee.free.noAmount");
				}
			}
			case FIXED, PER_UNIT -> {
				if (amount == null) {
					problems.add(prefix + "amount", "catalog.fee.amount.required");
				}
				else if (amount.signum() < 0) {
					problems.add(prefix + "amount", "catalog.fee.amount.negative");
				}
				if (fee.type() == FeeType.PER_UNIT && fee.unit().de().isEmpty()) {
					problems.add(prefix + "unit", "catalog.fee.unit.required");
				}
				if (max != null) {
					problems.add(prefix + "maxAmount", "catalog.fee.maxAmount.onlyRange");
				}
			}
			case RANGE -> {
				if (amount == null) {
					problems.add(prefix + "amount", "catalog.fee.amount.required");
				}
				if (max == null) {
					problems.add(prefix + "maxAmount", "catalog.fee.maxAmount.required");
				}
				if (amount != null && max != null && amount.compareTo(max) >= 0) {
					problems.add(prefix + "maxAmount", "catalog.fee.maxAmount.notAbove");
				}
			}
		}
	}

	void validateResponsibility(UUID municipalityId, ResponsibilityDetails details) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		validateResponsibility(municipalityId, details, problems);
		problems.throwIfAny();
	}

	void validateResponsibility(UUID municipalityId, ResponsibilityDetails details,
			InvalidInputException.Collector problems) {
		if (this.orgUnits.byId(details.orgUnitId())
			.filter((unit) -> unit.municipalityId().equals(municipalityId))
			.isEmpty()) {
			problems.add("orgUnit", "catalog.responsibility.orgUnit.required");
		}
		if (!Maturity.isValid(details.baseMaturity())) {
			problems.add("maturity", "catalog.maturity.invalid");
		}
		checkLink(details.onlineUrl(), "onlineUrl", "catalog.responsibility.onlineUrl.invalid", problems);
		checkLink(details.appointmentUrl(), "appointmentUrl", "catalog.responsibility.appointmentUrl.invalid",
				problems);
		for (UUID locationId : details.locationIds()) {
			if (this.locations.findById(locationId)
				.filter((location) -> location.municipalityId().equals(municipalityId))
				.isEmpty()) {
				problems.add("locations", "catalog.responsibility.location.unknown");
			}
		}
	}

	static void checkLink(@Nullable String link, String field, String messageKey,
			InvalidInputException.Collector problems) {
		if (link != null && !link.isBlank()
				&& (link.strip().length() > MAX_LINK || !LINK.matcher(link.strip()).matches())) {
			problems.add(field, messageKey);
		}
	}

	/**
	 * Checks a location without storing it; the problems of fields read before (opening
	 * hours, coordinates) come along, so the page names them all at once.
	 * @return the location with a derived key and trimmed fields
	 * @throws InvalidInputException with every problem
	 */
	public LocationDetails validateLocation(LocationDetails details, List<InvalidInputException.FieldProblem> earlier) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		earlier.forEach((problem) -> problems.add(problem.field(), problem.messageKey(), problem.arguments()));
		return validateLocation(details, problems);
	}

	LocationDetails validateLocation(LocationDetails details) {
		return validateLocation(details, new InvalidInputException.Collector());
	}

	private LocationDetails validateLocation(LocationDetails details, InvalidInputException.Collector problems) {
		String key = details.key().strip().isEmpty() ? Slugs.of(details.name()) : details.key().strip();
		if (!Slugs.VALID.matcher(key).matches()) {
			problems.add("key", "catalog.location.key.invalid");
		}
		if (details.name().isBlank()) {
			problems.add("name", "catalog.location.name.required");
		}
		if (!details.postcode().isBlank() && !POSTCODE.matcher(details.postcode().strip()).matches()) {
			problems.add("postcode", "catalog.location.postcode.invalid");
		}
		if ((details.latitude() == null) != (details.longitude() == null)) {
			problems.add("latitude", "catalog.location.coordinates.both");
		}
		if (details.latitude() != null && details.latitude().abs().compareTo(BigDecimal.valueOf(90)) > 0) {
			problems.add("latitude", "catalog.location.latitude.invalid");
		}
		if (details.longitude() != null && details.longitude().abs().compareTo(BigDecimal.valueOf(180)) > 0) {
			problems.add("longitude", "catalog.location.longitude.invalid");
		}
		if (!details.email().isBlank() && !EMAIL.matcher(details.email().strip()).matches()) {
			problems.add("email", "catalog.email.invalid");
		}
		problems.throwIfAny();
		return new LocationDetails(key, details.name().strip(), details.street().strip(), details.postcode().strip(),
				details.city().strip(), details.accessibility(), details.latitude(), details.longitude(),
				details.phone().strip(), details.email().strip(), details.openingHours());
	}

	private static void validateContact(String name, String email) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (name.isBlank()) {
			problems.add("name", "catalog.contact.name.required");
		}
		if (!email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
			problems.add("email", "catalog.email.invalid");
		}
		problems.throwIfAny();
	}

	private void validateActivity(CatalogService service, @Nullable UUID activityId, String leikaKey,
			LocalizedText name) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (name.de().isEmpty()) {
			problems.add("name", "catalog.activity.name.required");
		}
		else if (name.de().length() > MAX_NAME) {
			problems.add("name", "catalog.service.name.tooLong", MAX_NAME);
		}
		else if (service.activities()
			.stream()
			.anyMatch((other) -> !other.id().equals(activityId) && other.name().de().equalsIgnoreCase(name.de()))) {
			problems.add("name", "catalog.activity.name.taken");
		}
		if (!leikaKey.isBlank() && !LEIKA_KEY.matcher(leikaKey.strip()).matches()) {
			problems.add("leikaKey", "catalog.service.leikaKey.invalid");
		}
		else if (!leikaKey.isBlank() && service.activities()
			.stream()
			.anyMatch((other) -> !other.id().equals(activityId) && leikaKey.strip().equals(other.leikaKey()))) {
			problems.add("leikaKey", "catalog.activity.leikaKey.taken");
		}
		problems.throwIfAny();
	}

	// Helpers

	UUID insert(Owner owner, ServiceContent content) {
		UUID id;
		try {
			id = this.services.insert(owner, content);
		}
		catch (DataIntegrityViolationException ex) {
			throw InvalidInputException.of("slug", "catalog.service.slug.taken");
		}
		this.services.replaceDocuments(id, content.documents());
		this.services.replaceLifeSituations(id, content.lifeSituations());
		this.searchIndex.reindex(List.of(id));
		return id;
	}

	/** The service, if the caller may change it; 404 if it does not exist. */
	private CatalogService editable(UUID serviceId) {
		CatalogService service = this.services.findById(serviceId)
			.orElseThrow(() -> new NotFoundException("Service " + serviceId));
		if (service.shared()) {
			this.access.requireDistrictAdmin();
		}
		else {
			this.access.requireMunicipalityAdmin(service.municipalityId());
		}
		return service;
	}

	private Responsibility responsibility(UUID municipalityId, UUID responsibilityId) {
		this.access.requireMunicipalityAdmin(municipalityId);
		return this.responsibilities.findById(responsibilityId)
			.filter((found) -> found.municipalityId().equals(municipalityId))
			.orElseThrow(() -> new NotFoundException("Responsibility " + responsibilityId));
	}

	private Location location(UUID municipalityId, UUID locationId) {
		this.access.requireMunicipalityAdmin(municipalityId);
		return this.locations.findById(locationId)
			.filter((found) -> found.municipalityId().equals(municipalityId))
			.orElseThrow(() -> new NotFoundException("Location " + locationId));
	}

	private static Owner owner(CatalogService service) {
		return service.shared() ? Owner.district(service.districtId()) : Owner.municipality(service.municipalityId());
	}

	private static InvalidInputException locationTaken(DataIntegrityViolationException ex) {
		String message = String.valueOf(ex.getMessage());
		if (message.contains("key")) {
			return InvalidInputException.of("key", "catalog.location.key.taken");
		}
		if (message.contains("name")) {
			return InvalidInputException.of("name", "catalog.location.name.taken");
		}
		return InvalidInputException.of("openingHours", "catalog.location.openingHours.overlapping");
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
