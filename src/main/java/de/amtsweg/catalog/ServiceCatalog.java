package de.amtsweg.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.catalog.internal.LocationRepository;
import de.amtsweg.catalog.internal.ResponsibilityRepository;
import de.amtsweg.catalog.internal.ServiceRepository;
import de.amtsweg.catalog.internal.ServiceRepository.Owner;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the catalogue: what a municipality offers and who is responsible, the
 * district's shared services, life situations and locations. Everything here is public
 * information.
 */
@Service
@Transactional(readOnly = true)
public class ServiceCatalog {

	private final ServiceRepository services;

	private final ResponsibilityRepository responsibilities;

	private final LocationRepository locations;

	private final OrgUnits orgUnits;

	public ServiceCatalog(ServiceRepository services, ResponsibilityRepository responsibilities,
			LocationRepository locations, OrgUnits orgUnits) {
		this.services = services;
		this.responsibilities = responsibilities;
		this.locations = locations;
		this.orgUnits = orgUnits;
	}

	public List<LifeSituation> lifeSituations() {
		return this.services.lifeSituations();
	}

	public Optional<LifeSituation> lifeSituation(String slug) {
		return lifeSituations().stream().filter((situation) -> situation.slug().equals(slug)).findFirst();
	}

	/** The service with this short name as the municipality offers it. */
	public Optional<OfferedService> offered(UUID municipalityId, String slug) {
		return this.services.findVisibleBySlug(municipalityId, slug)
			.flatMap((serviceId) -> this.responsibilities.findId(municipalityId, serviceId))
			.flatMap(this::offered);
	}

	/** The service with this LeiKa key as the municipality offers it. */
	public Optional<OfferedService> offeredByLeikaKey(UUID municipalityId, String leikaKey) {
		return this.services.findVisibleByLeikaKey(municipalityId, leikaKey)
			.flatMap((serviceId) -> this.responsibilities.findId(municipalityId, serviceId))
			.flatMap(this::offered);
	}

	/** A responsibility with its service, org unit, locations and rollout. */
	public Optional<OfferedService> offered(UUID responsibilityId) {
		return this.responsibilities.findById(responsibilityId).map((responsibility) -> {
			CatalogService service = this.services.findById(responsibility.serviceId()).orElseThrow();
			OrgUnit orgUnit = this.orgUnits.byId(responsibility.orgUnitId()).orElseThrow();
			return new OfferedService(service, responsibility, orgUnit,
					this.responsibilities.rollout(responsibility.id()),
					this.locations.load(responsibility.locationIds()));
		});
	}

	/**
	 * The services the municipality offers, by name; optionally only those of a life
	 * situation, or those whose name starts with a letter (a–z).
	 */
	public List<ServiceSummary> offeredServices(UUID municipalityId, @Nullable String lifeSituation,
			@Nullable String initial) {
		return this.responsibilities.summaries(municipalityId, lifeSituation, initial);
	}

	/** The letters with which the names of the municipality's services begin. */
	public List<String> initials(UUID municipalityId) {
		return this.responsibilities.initials(municipalityId);
	}

	public Optional<CatalogService> service(UUID serviceId) {
		return this.services.findById(serviceId);
	}

	/** The district's shared services, by name. */
	public List<CatalogService> sharedServices(UUID districtId) {
		return this.services.load(this.services.ownedBy(Owner.district(districtId)));
	}

	/** The municipality's own services, by name. */
	public List<CatalogService> localServices(UUID municipalityId) {
		return this.services.load(this.services.ownedBy(Owner.municipality(municipalityId)));
	}

	/** Which municipalities offer the service: municipality id to responsibility id. */
	public Map<UUID, UUID> responsibilitiesFor(UUID serviceId) {
		return this.responsibilities.offeringsByMunicipality(serviceId);
	}

	public Optional<Responsibility> responsibility(UUID municipalityId, UUID responsibilityId) {
		return this.responsibilities.findById(responsibilityId)
			.filter((responsibility) -> responsibility.municipalityId().equals(municipalityId));
	}

	public Optional<Responsibility> responsibilityFor(UUID municipalityId, UUID serviceId) {
		return this.responsibilities.findId(municipalityId, serviceId).flatMap(this.responsibilities::findById);
	}

	/** All responsibilities of the municipality, by service name. */
	public List<Responsibility> responsibilities(UUID municipalityId) {
		return this.responsibilities.load(this.responsibilities.idsOf(municipalityId));
	}

	public List<Location> locations(UUID municipalityId) {
		return this.locations.ofMunicipality(municipalityId);
	}

	public Optional<Location> location(UUID municipalityId, UUID locationId) {
		return this.locations.findById(locationId)
			.filter((location) -> location.municipalityId().equals(municipalityId));
	}

}
