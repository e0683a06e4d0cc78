package de.amtsweg.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import de.amtsweg.catalog.Activity;
import de.amtsweg.catalog.ActivityState;
import de.amtsweg.catalog.CatalogService;
import de.amtsweg.catalog.Contact;
import de.amtsweg.catalog.Fee;
import de.amtsweg.catalog.LifeSituation;
import de.amtsweg.catalog.Location;
import de.amtsweg.catalog.OfferedService;
import de.amtsweg.catalog.SearchResult;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.catalog.ServiceFinder;
import de.amtsweg.catalog.ServiceSummary;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.OpeningPeriod;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public, read-only catalogue API (OpenAPI: {@code /api/v1/catalog/openapi.yaml}):
 * services and their responsibilities, the finder and life situations. Texts are German,
 * English with {@code sprache=en}. Responses carry an ETag and may be cached for five
 * minutes.
 */
@RestController
@RequestMapping("/api/v1")
class CatalogApiController {

	private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

	private static final int MAX_LIMIT = 50;

	private final ServiceCatalog catalog;

	private final ServiceFinder finder;

	private final Municipalities municipalities;

	CatalogApiController(ServiceCatalog catalog, ServiceFinder finder, Municipalities municipalities) {
		this.catalog = catalog;
		this.finder = finder;
		this.municipalities = municipalities;
	}

	/** The finder: ranked services for a query in one municipality. */
	@GetMapping("/finder")
	ResponseEntity<FinderAnswer> finder(@RequestParam(name = "q", required = false) @Nullable String query,
			@RequestParam(name = "municipality", required = false) @Nullable String municipalityKey,
			@RequestParam(name = "limit", defaultValue = "10") int limit, Locale locale) {
		Municipality municipality = municipality(municipalityKey)
			.orElseThrow(() -> InvalidInputException.of("municipality", "catalog.api.municipality.unknown"));
		SearchResult result = this.finder.search(municipality.id(), (query != null) ? query.strip() : "", null, false,
				Math.max(1, Math.min(limit, MAX_LIMIT)));
		return ResponseEntity.ok()
			.cacheControl(CACHING)
			.body(new FinderAnswer(query, result.understoodAs(), result.total(),
					result.hits().stream().map((hit) -> hit(hit, municipality, locale)).toList()));
	}

	/**
	 * Services: with {@code municipality}, those it offers (searched with {@code q}, or
	 * all); without, those of every municipality.
	 */
	@GetMapping("/services")
	ResponseEntity<List<ServiceHit>> services(@RequestParam(name = "q", required = false) @Nullable String query,
			@RequestParam(name = "municipality", required = false) @Nullable String municipalityKey,
			@RequestParam(name = "lifeSituation", required = false) @Nullable String lifeSituation,
			@RequestParam(name = "online", defaultValue = "false") boolean onlineOnly, Locale locale) {
		List<Municipality> scope;
		if (municipalityKey != null && !municipalityKey.isBlank()) {
			scope = List.of(municipality(municipalityKey)
				.orElseThrow(() -> InvalidInputException.of("municipality", "catalog.api.municipality.unknown")));
		}
		else {
			scope = this.municipalities.all();
		}
		List<ServiceHit> hits = new ArrayList<>();
		for (Municipality municipality : scope) {
			List<ServiceSummary> found;
			if (query != null && !query.isBlank()) {
				found = this.finder.search(municipality.id(), query.strip(), lifeSituation, onlineOnly, MAX_LIMIT)
					.hits();
			}
			else {
				found = this.catalog.offeredServices(municipality.id(), lifeSituation, null)
					.stream()
					.filter((summary) -> !onlineOnly || summary.rollout().online())
					.toList();
			}
			found.forEach((summary) -> hits.add(hit(summary, municipality, locale)));
		}
		return ResponseEntity.ok().cacheControl(CACHING).body(hits);
	}

	/**
	 * One service by its LeiKa key, with the responsibility of the municipality given, or
	 * of every municipality that offers it.
	 */
	@GetMapping("/services/{leikaKey}")
	ResponseEntity<ServiceDetails> service(@PathVariable String leikaKey,
			@RequestParam(name = "municipality", required = false) @Nullable String municipalityKey, Locale locale) {
		List<Municipality> scope = (municipalityKey != null && !municipalityKey.isBlank())
				? List.of(municipality(municipalityKey).orElseThrow(() -> new NotFoundException("Municipality")))
				: this.municipalities.all();
		CatalogService service = null;
		List<ResponsibilityDetails> responsibilities = new ArrayList<>();
		for (Municipality municipality : scope) {
			Optional<OfferedService> offered = this.catalog.offeredByLeikaKey(municipality.id(), leikaKey);
			if (offered.isPresent()) {
				service = (service != null) ? service : offered.get().service();
				responsibilities.add(responsibility(offered.get(), municipality, locale));
			}
		}
		if (service == null) {
			throw new NotFoundException("Service " + leikaKey);
		}
		CatalogService found = service;
		return ResponseEntity.ok()
			.cacheControl(CACHING)
			.body(new ServiceDetails(found.leikaKey(), found.slug(), found.kind().name(), found.name().in(locale),
					found.summary().in(locale), found.description().in(locale), found.keywords(), found.legalBasis(),
					found.processingTime().in(locale),
					found.documents().stream().map((document) -> document.in(locale)).toList(),
					fees(found.fees(), locale), found.lifeSituations(),
					found.activities()
						.stream()
						.map((activity) -> new ActivityDetails(activity.leikaKey(), activity.name().in(locale)))
						.toList(),
					responsibilities));
	}

	@GetMapping("/life-situations")
	ResponseEntity<List<LifeSituationDetails>> lifeSituations(Locale locale) {
		return ResponseEntity.ok()
			.cacheControl(CACHING)
			.body(this.catalog.lifeSituations()
				.stream()
				.map((LifeSituation situation) -> new LifeSituationDetails(situation.slug(),
						situation.name().in(locale), situation.description().in(locale)))
				.toList());
	}

	/** The OpenAPI description of this API. */
	@GetMapping("/catalog/openapi.yaml")
	ResponseEntity<String> openApi() {
		try (InputStream in = new ClassPathResource("catalog/openapi.yaml").getInputStream()) {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/yaml;charset=UTF-8"))
				.cacheControl(CACHING)
				.body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Optional<Municipality> municipality(@Nullable String key) {
		if (key == null || key.isBlank()) {
			return Optional.empty();
		}
		String value = key.strip();
		if (value.matches("[0-9]{8}")) {
			return this.municipalities.all().stream().filter((m) -> m.ags().value().equals(value)).findFirst();
		}
		return this.municipalities.bySlug(value);
	}

	private static ServiceHit hit(ServiceSummary summary, Municipality municipality, Locale locale) {
		return new ServiceHit(summary.name().in(locale), summary.leikaKey(), summary.slug(), summary.kind().name(),
				summary.summary().in(locale), summary.orgUnitName(), summary.onlineUrl(), summary.rollout().maturity(),
				summary.rollout().online(), municipality.ags().value(), "/leistungen/" + summary.slug());
	}

	private static ResponsibilityDetails responsibility(OfferedService offered, Municipality municipality,
			Locale locale) {
		List<ActivityRollout> activities = new ArrayList<>();
		for (Activity activity : offered.service().activities()) {
			ActivityState state = offered.responsibility().stateOf(activity.id());
			activities.add(new ActivityRollout(activity.leikaKey(), activity.name().in(locale), state.maturity(),
					state.status().name(), state.onlineUrl()));
		}
		return new ResponsibilityDetails(municipality.ags().value(), municipality.name(), offered.orgUnit().name(),
				offered.rollout().maturity(), offered.onlineUrl(), offered.responsibility().appointmentUrl(),
				offered.responsibility().byVisit(), offered.responsibility().byPost(),
				offered.responsibility().note().in(locale), fees(offered.responsibility().localFees(), locale),
				offered.responsibility()
					.contacts()
					.stream()
					.map((Contact contact) -> new ContactDetails(contact.name(), contact.role(), contact.phone(),
							contact.email()))
					.toList(),
				offered.locations().stream().map((location) -> location(location, locale)).toList(), activities);
	}

	private static LocationDetails location(Location location, Locale locale) {
		return new LocationDetails(location.name(), location.street(), location.postcode(), location.city(),
				location.accessibility().in(locale), location.latitude(), location.longitude(),
				location.openingHours()
					.stream()
					.map((OpeningPeriod period) -> new Period(period.day().name(), period.opens().toString(),
							period.closes().toString()))
					.toList());
	}

	private static List<FeeDetails> fees(List<Fee> fees, Locale locale) {
		return fees.stream()
			.map((fee) -> new FeeDetails(fee.label().in(locale), fee.type().name(), fee.amount(), fee.maxAmount(),
					fee.unit().in(locale)))
			.toList();
	}

	/**
	 * @param query the query as sent
	 * @param understoodAs the query after spelling correction
	 * @param total matches in all
	 * @param results best first
	 */
	record FinderAnswer(@Nullable String query, String understoodAs, int total, List<ServiceHit> results) {
	}

	/**
	 * A service in a list.
	 *
	 * @param name name
	 * @param leikaKey LeiKa key, or null
	 * @param slug short name in the portal's addresses
	 * @param kind SERVICE or INFORMATION
	 * @param summary short description
	 * @param orgUnit responsible org unit
	 * @param onlineUrl online application, or null
	 * @param maturity OZG maturity 0–4
	 * @param online whether it can be done online
	 * @param municipality AGS of the municipality
	 * @param url the service's page, relative to the portal
	 */
	record ServiceHit(String name, @Nullable String leikaKey, String slug, String kind, String summary, String orgUnit,
			@Nullable String onlineUrl, int maturity, boolean online, String municipality, String url) {
	}

	record ServiceDetails(@Nullable String leikaKey, String slug, String kind, String name, String summary,
			String description, List<String> keywords, String legalBasis, String processingTime, List<String> documents,
			List<FeeDetails> fees, List<String> lifeSituations, List<ActivityDetails> activities,
			List<ResponsibilityDetails> responsibilities) {
	}

	record ActivityDetails(@Nullable String leikaKey, String name) {
	}

	record ResponsibilityDetails(String municipality, String municipalityName, String orgUnit, int maturity,
			@Nullable String onlineUrl, @Nullable String appointmentUrl, boolean visit, boolean post, String note,
			List<FeeDetails> localFees, List<ContactDetails> contacts, List<LocationDetails> locations,
			List<ActivityRollout> activities) {
	}

	record ActivityRollout(@Nullable String leikaKey, String name, int maturity, String status,
			@Nullable String onlineUrl) {
	}

	record FeeDetails(String label, String type, @Nullable BigDecimal amount, @Nullable BigDecimal maxAmount,
			String unit) {
	}

	record ContactDetails(String name, String role, String phone, String email) {
	}

	record LocationDetails(String name, String street, String postcode, String city, String accessibility,
			@Nullable BigDecimal latitude, @Nullable BigDecimal longitude, List<Period> openingHours) {
	}

	record Period(String day, String opens, String closes) {
	}

	record LifeSituationDetails(String slug, String name, String description) {
	}

}
