package de.amtsweg.catalog.web;

import java.util.Locale;

import de.amtsweg.catalog.CatalogService;
import de.amtsweg.catalog.Fee;
import de.amtsweg.catalog.FeeType;
import de.amtsweg.catalog.Location;
import de.amtsweg.catalog.OfferedService;
import de.amtsweg.catalog.Responsibility;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OpeningPeriod;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSource;

/**
 * The structured data of a service page (schema.org GovernmentService as JSON-LD), so
 * that search engines and assistants understand who offers what where. The page embeds it
 * in a {@code <script type="application/ld+json">}: a data block the browser never runs,
 * so the Content-Security-Policy ({@code script-src 'self'}) does not apply to it.
 */
final class GovernmentServiceJsonLd {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private GovernmentServiceJsonLd() {
	}

	/**
	 * The JSON-LD, with every {@code <} escaped so the text can never close the script
	 * element it sits in.
	 */
	static String of(OfferedService offered, Municipality municipality, String baseUrl, String pageUrl, Locale locale,
			MessageSource messages) {
		CatalogService service = offered.service();
		Responsibility responsibility = offered.responsibility();
		ObjectNode root = MAPPER.createObjectNode();
		root.put("@context", "https://schema.org");
		root.put("@type", "GovernmentService");
		root.put("name", service.name().in(locale));
		root.put("description", service.summary().in(locale));
		root.put("url", pageUrl);
		root.put("inLanguage", locale.getLanguage());
		if (service.leikaKey() != null) {
			ObjectNode identifier = root.putObject("identifier");
			identifier.put("@type", "PropertyValue");
			identifier.put("propertyID", "LeiKa");
			identifier.put("value", service.leikaKey());
		}
		ObjectNode area = root.putObject("areaServed");
		area.put("@type", "AdministrativeArea");
		area.put("name", municipality.name());
		area.put("identifier", municipality.ags().value());
		ObjectNode provider = root.putObject("provider");
		provider.put("@type", "GovernmentOrganization");
		provider.put("name", municipality.name() + " – " + offered.orgUnit().name());
		if (!offered.orgUnit().phone().isBlank()) {
			provider.put("telephone", offered.orgUnit().phone());
		}
		if (!offered.orgUnit().email().isBlank()) {
			provider.put("email", offered.orgUnit().email());
		}
		address(provider.putObject("address"), municipality.address().street(), municipality.address().postcode(),
				municipality.address().city());
		ArrayNode channels = root.putArray("availableChannel");
		String onlineUrl = offered.onlineUrl();
		if (onlineUrl != null) {
			ObjectNode online = channels.addObject();
			online.put("@type", "ServiceChannel");
			online.put("name", messages.getMessage("catalog.service.way.online", null, locale));
			online.put("serviceUrl", onlineUrl.startsWith("/") ? baseUrl + onlineUrl : onlineUrl);
		}
		if (responsibility.byVisit()) {
			for (Location location : offered.locations()) {
				ObjectNode visit = channels.addObject();
				visit.put("@type", "ServiceChannel");
				visit.put("name", messages.getMessage("catalog.service.way.visit", null, locale));
				ObjectNode place = visit.putObject("serviceLocation");
				place.put("@type", "Place");
				place.put("name", location.name());
				address(place.putObject("address"), location.street(), location.postcode(), location.city());
				if (location.hasCoordinates()) {
					ObjectNode geo = place.putObject("geo");
					geo.put("@type", "GeoCoordinates");
					geo.put("latitude", location.latitude());
					geo.put("longitude", location.longitude());
				}
				ArrayNode hours = place.putArray("openingHoursSpecification");
				for (OpeningPeriod period : location.openingHours()) {
					ObjectNode spec = hours.addObject();
					spec.put("@type", "OpeningHoursSpecification");
					String day = period.day().name();
					spec.put("dayOfWeek",
							"https://schema.org/" + day.charAt(0) + day.substring(1).toLowerCase(Locale.ROOT));
					spec.put("opens", period.opens().toString());
					spec.put("closes", period.closes().toString());
				}
			}
		}
		ArrayNode offers = root.putArray("offers");
		for (Fee fee : concat(service, responsibility)) {
			ObjectNode offer = offers.addObject();
			offer.put("@type", "Offer");
			offer.put("priceCurrency", "EUR");
			String description = (fee.label().in(locale) + " " + fee.unit().in(locale)).strip();
			if (!description.isEmpty()) {
				offer.put("description", description);
			}
			if (fee.type() == FeeType.FREE) {
				offer.put("price", "0.00");
			}
			else if (fee.type() == FeeType.RANGE) {
				ObjectNode price = offer.putObject("priceSpecification");
				price.put("@type", "PriceSpecification");
				price.put("minPrice", fee.amount().toPlainString());
				price.put("maxPrice", fee.maxAmount().toPlainString());
				price.put("priceCurrency", "EUR");
			}
			else {
				offer.put("price", fee.amount().toPlainString());
			}
		}
		return MAPPER.writeValueAsString(root).replace("<", "\\u003c");
	}

	private static java.util.List<Fee> concat(CatalogService service, Responsibility responsibility) {
		java.util.List<Fee> fees = new java.util.ArrayList<>(service.fees());
		fees.addAll(responsibility.localFees());
		return fees;
	}

	private static void address(ObjectNode node, String street, String postcode, String city) {
		node.put("@type", "PostalAddress");
		node.put("streetAddress", street);
		node.put("postalCode", postcode);
		node.put("addressLocality", city);
		node.put("addressCountry", "DE");
	}

}
