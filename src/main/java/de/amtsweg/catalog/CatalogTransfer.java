package de.amtsweg.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.catalog.internal.CatalogAccess;
import de.amtsweg.catalog.internal.CatalogFile;
import de.amtsweg.catalog.internal.CatalogFile.ActivityEntry;
import de.amtsweg.catalog.internal.CatalogFile.ActivityRow;
import de.amtsweg.catalog.internal.CatalogFile.ContactEntry;
import de.amtsweg.catalog.internal.CatalogFile.ExceptionEntry;
import de.amtsweg.catalog.internal.CatalogFile.LocationEntry;
import de.amtsweg.catalog.internal.CatalogFile.ResponsibilityEntry;
import de.amtsweg.catalog.internal.CatalogFile.ServiceEntry;
import de.amtsweg.catalog.internal.CatalogFile.Source;
import de.amtsweg.catalog.internal.CatalogFile.Text;
import de.amtsweg.catalog.internal.CsvCatalogFormat;
import de.amtsweg.catalog.internal.ExportItem;
import de.amtsweg.catalog.internal.FeeText;
import de.amtsweg.catalog.internal.JsonCatalogFormat;
import de.amtsweg.catalog.internal.LeikaKeys;
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
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import and export of a catalogue as CSV (LeiKa-style columns) or JSON. An import is
 * checked row by row first; only if every row is fine is it stored, all in one
 * transaction, otherwise nothing is and the report lists each problem with its row and
 * column. {@code docs/catalog-import.md} describes both formats.
 */
@Service
public class CatalogTransfer {

	private static final int REINDEX_BATCH = 200;

	private final ServiceRepository services;

	private final ResponsibilityRepository responsibilities;

	private final LocationRepository locations;

	private final SearchIndex searchIndex;

	private final CatalogAdministration administration;

	private final CatalogAccess access;

	private final Municipalities municipalities;

	private final OrgUnits orgUnits;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	public CatalogTransfer(ServiceRepository services, ResponsibilityRepository responsibilities,
			LocationRepository locations, SearchIndex searchIndex, CatalogAdministration administration,
			CatalogAccess access, Municipalities municipalities, OrgUnits orgUnits, AuditLog auditLog,
			TransactionTemplate transactions) {
		this.services = services;
		this.responsibilities = responsibilities;
		this.locations = locations;
		this.searchIndex = searchIndex;
		this.administration = administration;
		this.access = access;
		this.municipalities = municipalities;
		this.orgUnits = orgUnits;
		this.auditLog = auditLog;
		this.transactions = transactions;
	}

	// Export

	public String exportCsv(CatalogScope scope) {
		return CsvCatalogFormat.write(exportItems(scope), scope.district());
	}

	public String exportJson(CatalogScope scope) {
		return JsonCatalogFormat.write(exportItems(scope),
				scope.district() ? List.of() : this.locations.ofMunicipality(scope.id()), scope.district());
	}

	private List<ExportItem> exportItems(CatalogScope scope) {
		requireAccess(scope);
		return Objects.requireNonNull(this.transactions.execute((status) -> {
			if (scope.district()) {
				return this.services.load(this.services.ownedBy(Owner.district(scope.id())))
					.stream()
					.map((service) -> new ExportItem(service, null, null, List.of()))
					.toList();
			}
			Map<UUID, String> locationKeys = new HashMap<>();
			this.locations.ofMunicipality(scope.id())
				.forEach((location) -> locationKeys.put(location.id(), location.key()));
			Map<UUID, String> orgUnitKeys = new HashMap<>();
			this.orgUnits.of(scope.id()).forEach((unit) -> orgUnitKeys.put(unit.id(), unit.key()));
			List<Responsibility> all = this.responsibilities.load(this.responsibilities.idsOf(scope.id()));
			Map<UUID, CatalogService> byId = new HashMap<>();
			this.services.load(all.stream().map(Responsibility::serviceId).toList())
				.forEach((service) -> byId.put(service.id(), service));
			return all.stream()
				.map((responsibility) -> new ExportItem(byId.get(responsibility.serviceId()), responsibility,
						orgUnitKeys.get(responsibility.orgUnitId()),
						responsibility.locationIds().stream().map(locationKeys::get).toList()))
				.toList();
		}));
	}

	// Import

	/**
	 * Imports a file into the catalogue.
	 * @param scope the catalogue to import into
	 * @param fileName the file's name; {@code .json} (or content starting with "{") is
	 * JSON, everything else CSV
	 * @param content the file (UTF-8, or Windows-1252 as older spreadsheets save it)
	 * @param defaultOrgUnitId the org unit responsible for services whose rows name none
	 * (municipality imports)
	 * @return what was stored, or the problems if nothing was
	 */
	public ImportReport importCatalog(CatalogScope scope, String fileName, byte[] content,
			@Nullable UUID defaultOrgUnitId) {
		requireAccess(scope);
		String text = decode(content);
		boolean json = fileName.toLowerCase(Locale.ROOT).endsWith(".json") || text.stripLeading().startsWith("{");
		CatalogFile file = json ? JsonCatalogFormat.read(text) : CsvCatalogFormat.read(text);
		if (file.services().isEmpty() && file.activityRows().isEmpty() && file.locations().isEmpty()
				&& file.problems().isEmpty()) {
			return ImportReport.failed(List.of(new ImportProblem(0, "", "catalog.import.file.empty", List.of())));
		}
		return Objects.requireNonNull(this.transactions.execute((status) -> {
			List<ImportProblem> problems = new ArrayList<>(file.problems());
			Plan plan = new Planner(scope, defaultOrgUnitId, problems).plan(file);
			if (!problems.isEmpty()) {
				status.setRollbackOnly();
				return ImportReport.failed(sorted(problems));
			}
			int[] row = { 0 };
			try {
				ImportReport report = store(scope, plan, row);
				this.auditLog.record("catalog.imported", "catalog", scope.id().toString(),
						scope.district() ? null : scope.id(),
						fileName + ": " + report.servicesCreated() + " created, " + report.servicesUpdated()
								+ " updated, " + report.activitiesCreated() + " activities, " + report.locationsStored()
								+ " locations");
				return report;
			}
			catch (DataAccessException | InvalidInputException ex) {
				status.setRollbackOnly();
				return ImportReport
					.failed(List.of(new ImportProblem(row[0], "", "catalog.import.storeFailed", List.of())));
			}
		}));
	}

	private void requireAccess(CatalogScope scope) {
		if (scope.district()) {
			this.access.requireDistrictAdmin();
		}
		else {
			this.access.requireMunicipalityAdmin(scope.id());
		}
	}

	private static String decode(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(content, Charset.forName("windows-1252"));
		}
	}

	private static List<ImportProblem> sorted(List<ImportProblem> problems) {
		return problems.stream()
			.distinct()
			.sorted(Comparator.comparingInt(ImportProblem::row).thenComparing(ImportProblem::column))
			.toList();
	}

	private ImportReport store(CatalogScope scope, Plan plan, int[] row) {
		Map<String, UUID> locationIds = new HashMap<>();
		if (!scope.district()) {
			this.locations.ofMunicipality(scope.id())
				.forEach((location) -> locationIds.put(location.key(), location.id()));
		}
		for (LocationPlan location : plan.locations()) {
			row[0] = location.entry().source().row();
			UUID id = location.existingId();
			if (id == null) {
				id = this.locations.insert(scope.id(), location.details());
			}
			else {
				this.locations.update(id, location.details());
			}
			locationIds.put(location.details().key(), id);
			if (location.entry().exceptions() != null) {
				this.locations.deleteExceptions(id);
				for (ExceptionEntry exception : location.entry().exceptions()) {
					this.locations.insertException(id, exception.day(), exception.opens(), exception.closes(),
							exception.note());
				}
			}
		}
		int created = 0;
		int updated = 0;
		int activitiesCreated = 0;
		Set<UUID> reindex = new HashSet<>();
		for (ServicePlan service : plan.services()) {
			ServiceEntry entry = service.entry();
			row[0] = entry.source().row();
			UUID serviceId = service.existingId();
			if (service.content() != null) {
				if (serviceId == null) {
					serviceId = this.services.insert(service.owner(), service.content());
					created++;
				}
				else {
					this.services.update(serviceId, service.content());
					updated++;
				}
				this.services.replaceDocuments(serviceId, service.content().documents());
				this.services.replaceLifeSituations(serviceId, service.content().lifeSituations());
				if (entry.fees() != null && !sameFees(service.currentFees(), entry.fees(), entry.feesText() != null)) {
					this.services.replaceFees("service_id", serviceId, entry.fees());
				}
				reindex.add(serviceId);
			}
			else {
				updated++;
			}
			Map<ActivityEntry, UUID> activityIds = new LinkedHashMap<>();
			for (ActivityPlan activity : service.activities()) {
				row[0] = activity.entry().source().row();
				UUID activityId = activity.existingId();
				if (activityId == null) {
					activityId = this.services.insertActivity(serviceId, blankToNull(activity.entry().leikaKey()),
							activity.name());
					activitiesCreated++;
					reindex.add(serviceId);
				}
				else if (service.content() != null && activity.changed()) {
					this.services.updateActivity(activityId, blankToNull(activity.entry().leikaKey()), activity.name());
					reindex.add(serviceId);
				}
				activityIds.put(activity.entry(), activityId);
			}
			if (service.responsibility() != null) {
				row[0] = entry.source().row();
				ResponsibilityPlan responsibility = service.responsibility();
				List<UUID> locationIdList = responsibility.locationKeys().stream().map(locationIds::get).toList();
				ResponsibilityDetails details = new ResponsibilityDetails(responsibility.orgUnitId(),
						responsibility.maturity(), responsibility.onlineUrl(), responsibility.appointmentUrl(),
						responsibility.byVisit(), responsibility.byPost(), responsibility.note(), locationIdList);
				UUID responsibilityId = responsibility.existingId();
				if (responsibilityId == null) {
					responsibilityId = this.responsibilities.insert(scope.id(), serviceId, details);
				}
				else {
					this.responsibilities.update(responsibilityId, scope.id(), details);
				}
				for (ActivityPlan activity : service.activities()) {
					if (activity.entry().hasState()) {
						ActivityState current = activity.currentState();
						ActivityEntry state = activity.entry();
						this.responsibilities.saveActivityState(responsibilityId, serviceId, activityIds.get(state),
								new ActivityState((state.maturity() != null) ? state.maturity() : current.maturity(),
										(state.status() != null) ? state.status() : current.status(),
										(state.onlineUrl() != null) ? blankToNull(state.onlineUrl())
												: current.onlineUrl()));
					}
				}
				ResponsibilityEntry given = entry.responsibility();
				if (given != null && given.contacts() != null) {
					this.responsibilities.deleteContacts(responsibilityId);
					for (ContactEntry contact : given.contacts()) {
						this.responsibilities.insertContact(responsibilityId, contact.name().strip(),
								contact.role().strip(), contact.phone().strip(), contact.email().strip());
					}
				}
				if (given != null && given.localFees() != null && !sameFees(responsibility.currentLocalFees(),
						given.localFees(), given.localFeesText() != null)) {
					this.responsibilities.findById(responsibilityId).orElseThrow();
					this.services.replaceFees("offering_id", responsibilityId, given.localFees());
				}
			}
		}
		List<UUID> toIndex = List.copyOf(reindex);
		for (int from = 0; from < toIndex.size(); from += REINDEX_BATCH) {
			this.searchIndex.reindex(toIndex.subList(from, Math.min(toIndex.size(), from + REINDEX_BATCH)));
		}
		return new ImportReport(List.of(), created, updated, activitiesCreated, plan.locations().size());
	}

	/**
	 * Whether the file's fees are those the catalogue has; for CSV compared as written,
	 * so English texts the CSV does not carry survive a round trip.
	 */
	private static boolean sameFees(List<Fee> current, List<FeeDetails> given, boolean asCsvText) {
		List<FeeDetails> currentDetails = current.stream().map(FeeDetails::of).toList();
		if (asCsvText) {
			return FeeText.format(currentDetails).equals(FeeText.format(given));
		}
		return currentDetails.equals(given);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** Checks a file against the catalogue and works out what to store. */
	private final class Planner {

		private final CatalogScope scope;

		private final @Nullable UUID defaultOrgUnitId;

		private final List<ImportProblem> problems;

		private final @Nullable UUID districtId;

		private final Map<String, Integer> keysInFile = new HashMap<>();

		private final Map<String, Integer> slugsInFile = new HashMap<>();

		private final Map<UUID, Integer> targetsInFile = new HashMap<>();

		Planner(CatalogScope scope, @Nullable UUID defaultOrgUnitId, List<ImportProblem> problems) {
			this.scope = scope;
			this.defaultOrgUnitId = defaultOrgUnitId;
			this.problems = problems;
			if (scope.district()) {
				this.districtId = scope.id();
			}
			else {
				Municipality municipality = CatalogTransfer.this.municipalities.get(scope.id());
				this.districtId = municipality.districtId();
			}
		}

		Plan plan(CatalogFile file) {
			List<LocationPlan> locationPlans = planLocations(file.locations());
			Set<String> locationKeys = new HashSet<>();
			locationPlans.forEach((plan) -> locationKeys.add(plan.details().key()));
			if (!this.scope.district()) {
				CatalogTransfer.this.locations.ofMunicipality(this.scope.id())
					.forEach((location) -> locationKeys.add(location.key()));
			}
			List<ServiceEntry> entries = attachActivityRows(file);
			List<ServicePlan> plans = new ArrayList<>();
			for (ServiceEntry entry : entries) {
				planService(entry, locationKeys).ifPresent(plans::add);
			}
			return new Plan(plans, locationPlans);
		}

		private List<LocationPlan> planLocations(List<LocationEntry> entries) {
			List<LocationPlan> plans = new ArrayList<>();
			Map<String, Integer> keys = new HashMap<>();
			for (LocationEntry entry : entries) {
				if (this.scope.district()) {
					this.problems.add(entry.source().problem("key", "catalog.import.district.noLocations"));
					continue;
				}
				try {
					LocationDetails details = CatalogTransfer.this.administration
						.validateLocation(new LocationDetails(entry.key(), entry.name(), entry.street(),
								entry.postcode(), entry.city(), entry.accessibility(), entry.latitude(),
								entry.longitude(), entry.phone(), entry.email(), entry.openingHours()));
					Integer earlier = keys.putIfAbsent(details.key(), entry.source().row());
					if (earlier != null) {
						this.problems.add(entry.source().problem("key", "catalog.import.duplicate", earlier));
						continue;
					}
					if (entry.exceptions() != null) {
						for (ExceptionEntry exception : entry.exceptions()) {
							if ((exception.opens() == null) != (exception.closes() == null)
									|| (exception.opens() != null && !exception.opens().isBefore(exception.closes()))) {
								this.problems
									.add(entry.source().problem("exceptions", "catalog.exception.times.invalid"));
							}
						}
					}
					plans.add(new LocationPlan(entry,
							CatalogTransfer.this.locations.findIdByKey(this.scope.id(), details.key()).orElse(null),
							details));
				}
				catch (InvalidInputException ex) {
					ex.problems()
						.forEach((problem) -> this.problems
							.add(entry.source().problem(problem.field(), problem.messageKey(), problem.arguments())));
				}
			}
			return plans;
		}

		/**
		 * Puts activity rows of a CSV with their service, in the file or the catalogue.
		 */
		private List<ServiceEntry> attachActivityRows(CatalogFile file) {
			List<ServiceEntry> entries = new ArrayList<>(file.services());
			Map<UUID, List<ActivityEntry>> forExisting = new LinkedHashMap<>();
			Map<UUID, Source> existingSource = new HashMap<>();
			for (ActivityRow activityRow : file.activityRows()) {
				int index = indexOf(entries, activityRow);
				if (index >= 0) {
					entries.set(index, entries.get(index).withActivities(List.of(activityRow.activity())));
					continue;
				}
				Optional<UUID> existing = findExisting(activityRow.serviceLeikaKey(), activityRow.serviceSlug());
				if (existing.isPresent()) {
					forExisting.computeIfAbsent(existing.get(), (id) -> new ArrayList<>()).add(activityRow.activity());
					existingSource.putIfAbsent(existing.get(), activityRow.activity().source());
				}
				else {
					this.problems.add(activityRow.activity()
						.source()
						.problem("activity", "catalog.import.activity.noService",
								activityRow.serviceLeikaKey().isEmpty() ? activityRow.serviceSlug()
										: activityRow.serviceLeikaKey()));
				}
			}
			forExisting.forEach((serviceId, activities) -> {
				CatalogService service = CatalogTransfer.this.services.findById(serviceId).orElseThrow();
				entries.add(new ServiceEntry(existingSource.get(serviceId), Objects.toString(service.leikaKey(), ""),
						service.slug(), null, service.shared() ? Boolean.TRUE : null, Text.ABSENT, Text.ABSENT,
						Text.ABSENT, null, null, Text.ABSENT, null, null, null, null, null, null,
						List.copyOf(activities), null));
			});
			return entries;
		}

		private int indexOf(List<ServiceEntry> entries, ActivityRow activityRow) {
			for (int i = 0; i < entries.size(); i++) {
				ServiceEntry entry = entries.get(i);
				if (!activityRow.serviceLeikaKey().isEmpty()
						&& activityRow.serviceLeikaKey().equals(Objects.toString(entry.leikaKey(), "").strip())) {
					return i;
				}
				if (!activityRow.serviceSlug().isEmpty() && activityRow.serviceSlug().equals(slugOf(entry))) {
					return i;
				}
			}
			return -1;
		}

		private String slugOf(ServiceEntry entry) {
			if (entry.slug() != null && !entry.slug().isBlank()) {
				return entry.slug().strip();
			}
			return (entry.name().de() != null) ? Slugs.of(entry.name().de()) : "";
		}

		/** A service of the catalogue the import may touch, by LeiKa key or slug. */
		private Optional<UUID> findExisting(String leikaKey, String slug) {
			for (Owner owner : owners()) {
				Optional<UUID> found = !leikaKey.isEmpty()
						? CatalogTransfer.this.services.findOwnedByLeikaKey(owner, leikaKey) : Optional.empty();
				if (found.isEmpty() && !slug.isEmpty()) {
					found = CatalogTransfer.this.services.findOwnedBySlug(owner, slug);
				}
				if (found.isPresent()) {
					return found;
				}
			}
			return Optional.empty();
		}

		private List<Owner> owners() {
			if (this.scope.district()) {
				return List.of(Owner.district(this.scope.id()));
			}
			List<Owner> owners = new ArrayList<>();
			owners.add(Owner.municipality(this.scope.id()));
			if (this.districtId != null) {
				owners.add(Owner.district(this.districtId));
			}
			return owners;
		}

		private Optional<ServicePlan> planService(ServiceEntry entry, Set<String> locationKeys) {
			Source source = entry.source();
			int problemsBefore = this.problems.size();
			boolean shared = Boolean.TRUE.equals(entry.shared());
			if (shared && this.scope.district()) {
				this.problems.add(source.problem("origin", "catalog.import.district.noResponsibility"));
				return Optional.empty();
			}
			String leikaKey = Objects.toString(entry.leikaKey(), "").strip();
			Owner owner = shared ? Owner.district(Objects.requireNonNull(this.districtId))
					: (this.scope.district() ? Owner.district(this.scope.id()) : Owner.municipality(this.scope.id()));
			if (shared && this.districtId == null) {
				this.problems.add(source.problem("origin", "catalog.import.shared.unknown"));
				return Optional.empty();
			}
			String explicitSlug = (entry.slug() != null && !entry.slug().isBlank()) ? entry.slug().strip() : null;
			Optional<UUID> existing = Optional.empty();
			if (LeikaKeys.isValid(leikaKey)) {
				existing = CatalogTransfer.this.services.findOwnedByLeikaKey(owner, leikaKey);
			}
			if (existing.isEmpty() && (explicitSlug != null || shared)) {
				existing = CatalogTransfer.this.services.findOwnedBySlug(owner,
						(explicitSlug != null) ? explicitSlug : slugOf(entry));
			}
			if (existing.isEmpty() && leikaKey.isEmpty() && explicitSlug == null && entry.name().de() != null) {
				existing = CatalogTransfer.this.services.findOwnedBySlug(owner, Slugs.of(entry.name().de()));
			}
			if (shared && existing.isEmpty()) {
				this.problems
					.add(source.problem(leikaKey.isEmpty() ? "slug" : "leikaKey", "catalog.import.shared.unknown"));
				return Optional.empty();
			}
			CatalogService current = existing.flatMap(CatalogTransfer.this.services::findById).orElse(null);
			if (current != null) {
				Integer earlier = this.targetsInFile.putIfAbsent(current.id(), source.row());
				if (earlier != null) {
					this.problems.add(source.problem("name", "catalog.import.duplicate", earlier));
					return Optional.empty();
				}
			}
			ServiceContent content = null;
			if (!shared) {
				content = content(entry, current, owner, explicitSlug, leikaKey);
				if (content == null) {
					return Optional.empty();
				}
				if (entry.fees() != null) {
					InvalidInputException.Collector feeProblems = new InvalidInputException.Collector();
					entry.fees().forEach((fee) -> CatalogAdministration.validateFee(fee, "", feeProblems));
					addAll(source, feeProblems);
				}
			}
			List<ActivityPlan> activities = planActivities(entry, current, shared);
			ResponsibilityPlan responsibility = null;
			ResponsibilityEntry given = entry.responsibility();
			if (this.scope.district()) {
				if ((given != null && !given.isEmpty())
						|| entry.activities().stream().anyMatch(ActivityEntry::hasState)) {
					this.problems.add(source.problem("orgUnit", "catalog.import.district.noResponsibility"));
				}
			}
			else {
				responsibility = planResponsibility(entry, current, locationKeys);
			}
			if (this.problems.size() > problemsBefore) {
				return Optional.empty();
			}
			return Optional.of(new ServicePlan(entry, owner, (current != null) ? current.id() : null, content,
					(current != null) ? current.fees() : List.of(), activities, responsibility));
		}

		private @Nullable ServiceContent content(ServiceEntry entry, @Nullable CatalogService current, Owner owner,
				@Nullable String explicitSlug, String leikaKey) {
			Source source = entry.source();
			ServiceContent base = (current != null) ? ServiceContent.of(current)
					: new ServiceContent("", "", ServiceKind.SERVICE, LocalizedText.EMPTY, LocalizedText.EMPTY,
							LocalizedText.EMPTY, List.of(), "", LocalizedText.EMPTY, List.of(), List.of(), null, "");
			LocalizedText name = entry.name().over(base.name());
			String slug;
			if (explicitSlug != null) {
				slug = explicitSlug;
			}
			else if (current != null) {
				slug = current.slug();
			}
			else {
				slug = Slugs.of(name.de());
				if (!leikaKey.isEmpty() && (this.slugsInFile.containsKey(slug)
						|| CatalogTransfer.this.services.takenInView(owner, "slug", slug, null))) {
					// two services of the LeiKa may share a name ("Veranstaltung"); the
					// key
					// tells them apart
					slug = Slugs.of(name.de(), leikaKey);
				}
			}
			ServiceContent merged = new ServiceContent(slug,
					leikaKey.isEmpty() && current != null ? base.leikaKey() : leikaKey,
					(entry.kind() != null) ? entry.kind() : base.kind(), name, entry.summary().over(base.summary()),
					entry.description().over(base.description()),
					(entry.keywords() != null) ? entry.keywords() : base.keywords(),
					(entry.legalBasis() != null) ? entry.legalBasis() : base.legalBasis(),
					entry.processingTime().over(base.processingTime()),
					(entry.documents() != null) ? entry.documents() : base.documents(),
					(entry.lifeSituations() != null) ? entry.lifeSituations() : base.lifeSituations(),
					(entry.ozgId() != null) ? entry.ozgId() : base.ozgId(),
					(entry.leikaType() != null) ? entry.leikaType() : base.leikaType());
			InvalidInputException.Collector collector = new InvalidInputException.Collector();
			ServiceContent valid = CatalogTransfer.this.administration.validate(owner, merged,
					(current != null) ? current.id() : null, collector);
			addAll(source, collector);
			if (!valid.leikaKey().isEmpty()) {
				Integer earlier = this.keysInFile.putIfAbsent(valid.leikaKey(), source.row());
				if (earlier != null) {
					this.problems.add(source.problem("leikaKey", "catalog.import.duplicate", earlier));
				}
			}
			Integer earlier = this.slugsInFile.putIfAbsent(valid.slug(), source.row());
			if (earlier != null) {
				this.problems
					.add(source.problem((explicitSlug != null) ? "slug" : "name", "catalog.import.duplicate", earlier));
			}
			return collector.isEmpty() ? valid : null;
		}

		private List<ActivityPlan> planActivities(ServiceEntry entry, @Nullable CatalogService current,
				boolean shared) {
			List<ActivityPlan> plans = new ArrayList<>();
			Set<String> names = new HashSet<>();
			Set<String> keys = new HashSet<>();
			Responsibility responsibility = (current != null && !this.scope.district())
					? CatalogTransfer.this.responsibilities.findId(this.scope.id(), current.id())
						.flatMap(CatalogTransfer.this.responsibilities::findById)
						.orElse(null)
					: null;
			for (ActivityEntry activity : entry.activities()) {
				Source source = activity.source();
				String key = activity.leikaKey().strip();
				if (!key.isEmpty() && !LeikaKeys.isValid(key)) {
					this.problems.add(source.problem("leikaKey", "catalog.service.leikaKey.invalid"));
					continue;
				}
				Activity existing = null;
				if (current != null) {
					existing = current.activities()
						.stream()
						.filter((candidate) -> (!key.isEmpty() && key.equals(candidate.leikaKey()))
								|| (activity.name().de() != null
										&& activity.name().de().strip().equalsIgnoreCase(candidate.name().de())))
						.findFirst()
						.orElse(null);
				}
				LocalizedText name = activity.name().over((existing != null) ? existing.name() : LocalizedText.EMPTY);
				if (existing == null && shared) {
					this.problems.add(source.problem("activity", "catalog.import.activity.unknownShared"));
					continue;
				}
				if (name.de().isEmpty()) {
					this.problems.add(source.problem("name", "catalog.activity.name.required"));
					continue;
				}
				if (!names.add(name.de().toLowerCase(Locale.GERMAN)) || (!key.isEmpty() && !keys.add(key))) {
					this.problems.add(source.problem("name", "catalog.activity.name.taken"));
					continue;
				}
				if (this.scope.district() && activity.hasState()) {
					continue;
				}
				InvalidInputException.Collector collector = new InvalidInputException.Collector();
				CatalogAdministration.checkLink(activity.onlineUrl(), "onlineUrl",
						"catalog.responsibility.onlineUrl.invalid", collector);
				addAll(source, collector);
				boolean changed = existing != null
						&& (!name.equals(existing.name()) || (!key.isEmpty() && !key.equals(existing.leikaKey())));
				ActivityState currentState = (existing != null && responsibility != null)
						? responsibility.stateOf(existing.id()) : ActivityState.NONE;
				plans.add(new ActivityPlan(activity, (existing != null) ? existing.id() : null, name, changed,
						currentState));
			}
			return plans;
		}

		private @Nullable ResponsibilityPlan planResponsibility(ServiceEntry entry, @Nullable CatalogService current,
				Set<String> locationKeys) {
			Source source = entry.source();
			ResponsibilityEntry given = entry.responsibility();
			Responsibility existing = (current != null)
					? CatalogTransfer.this.responsibilities.findId(this.scope.id(), current.id())
						.flatMap(CatalogTransfer.this.responsibilities::findById)
						.orElse(null)
					: null;
			UUID orgUnitId = null;
			if (given != null && given.orgUnit() != null) {
				Optional<OrgUnit> unit = CatalogTransfer.this.orgUnits.byKey(this.scope.id(), given.orgUnit().strip());
				if (unit.isEmpty()) {
					this.problems.add(source.problem("orgUnit", "catalog.import.orgUnit.unknown", given.orgUnit()));
					return null;
				}
				orgUnitId = unit.get().id();
			}
			else if (existing != null) {
				orgUnitId = existing.orgUnitId();
			}
			else if (this.defaultOrgUnitId != null) {
				orgUnitId = this.defaultOrgUnitId;
			}
			else {
				this.problems.add(source.problem("orgUnit", "catalog.import.orgUnit.required"));
				return null;
			}
			List<String> locations = (given != null && given.locations() != null) ? given.locations()
					: (existing != null) ? existingLocationKeys(existing) : List.of();
			for (String key : locations) {
				if (!locationKeys.contains(key)) {
					this.problems.add(source.problem("locations", "catalog.import.location.unknown", key));
				}
			}
			ResponsibilityDetails details = new ResponsibilityDetails(orgUnitId,
					(given != null && given.maturity() != null) ? given.maturity()
							: (existing != null) ? existing.baseMaturity() : 1,
					(given != null && given.onlineUrl() != null) ? given.onlineUrl()
							: (existing != null) ? existing.onlineUrl() : null,
					(given != null && given.appointmentUrl() != null) ? given.appointmentUrl()
							: (existing != null) ? existing.appointmentUrl() : null,
					(given != null && given.byVisit() != null) ? given.byVisit()
							: (existing == null) || existing.byVisit(),
					(given != null && given.byPost() != null) ? given.byPost()
							: (existing != null) && existing.byPost(),
					(given != null) ? given.note().over((existing != null) ? existing.note() : LocalizedText.EMPTY)
							: (existing != null) ? existing.note() : LocalizedText.EMPTY,
					List.of());
			InvalidInputException.Collector collector = new InvalidInputException.Collector();
			CatalogAdministration.checkLink(details.onlineUrl(), "onlineUrl",
					"catalog.responsibility.onlineUrl.invalid", collector);
			CatalogAdministration.checkLink(details.appointmentUrl(), "appointmentUrl",
					"catalog.responsibility.appointmentUrl.invalid", collector);
			if (given != null && given.contacts() != null) {
				for (ContactEntry contact : given.contacts()) {
					if (contact.name().isBlank()) {
						collector.add("contacts", "catalog.contact.name.required");
					}
					if (!contact.email().isBlank() && !contact.email().strip().matches("[^@\\s]+@[^@\\s]+")) {
						collector.add("contacts", "catalog.email.invalid");
					}
				}
			}
			if (given != null && given.localFees() != null) {
				given.localFees().forEach((fee) -> CatalogAdministration.validateFee(fee, "", collector));
			}
			addAll(source, collector);
			return new ResponsibilityPlan((existing != null) ? existing.id() : null, orgUnitId, details.baseMaturity(),
					blankToNull(details.onlineUrl()), blankToNull(details.appointmentUrl()), details.byVisit(),
					details.byPost(), details.note(), locations, (existing != null) ? existing.localFees() : List.of());
		}

		private List<String> existingLocationKeys(Responsibility responsibility) {
			return CatalogTransfer.this.locations.load(responsibility.locationIds())
				.stream()
				.map(Location::key)
				.toList();
		}

		private void addAll(Source source, InvalidInputException.Collector collector) {
			try {
				collector.throwIfAny();
			}
			catch (InvalidInputException ex) {
				ex.problems()
					.forEach((problem) -> this.problems
						.add(source.problem(problem.field(), problem.messageKey(), problem.arguments())));
			}
		}

	}

	private record Plan(List<ServicePlan> services, List<LocationPlan> locations) {
	}

	private record ServicePlan(ServiceEntry entry, Owner owner, @Nullable UUID existingId,
			@Nullable ServiceContent content, List<Fee> currentFees, List<ActivityPlan> activities,
			@Nullable ResponsibilityPlan responsibility) {
	}

	private record ActivityPlan(ActivityEntry entry, @Nullable UUID existingId, LocalizedText name, boolean changed,
			ActivityState currentState) {
	}

	private record ResponsibilityPlan(@Nullable UUID existingId, UUID orgUnitId, int maturity,
			@Nullable String onlineUrl, @Nullable String appointmentUrl, boolean byVisit, boolean byPost,
			LocalizedText note, List<String> locationKeys, List<Fee> currentLocalFees) {
	}

	private record LocationPlan(LocationEntry entry, @Nullable UUID existingId, LocationDetails details) {
	}

}
