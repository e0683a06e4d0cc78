package de.amtsweg.catalog.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import de.amtsweg.catalog.Activity;
import de.amtsweg.catalog.ActivityState;
import de.amtsweg.catalog.CatalogService;
import de.amtsweg.catalog.Contact;
import de.amtsweg.catalog.Fee;
import de.amtsweg.catalog.FeeDetails;
import de.amtsweg.catalog.FeeType;
import de.amtsweg.catalog.ImportProblem;
import de.amtsweg.catalog.LocalizedText;
import de.amtsweg.catalog.Location;
import de.amtsweg.catalog.OpeningException;
import de.amtsweg.catalog.Responsibility;
import de.amtsweg.catalog.RolloutStatus;
import de.amtsweg.catalog.ServiceKind;
import de.amtsweg.catalog.internal.CatalogFile.ActivityEntry;
import de.amtsweg.catalog.internal.CatalogFile.ContactEntry;
import de.amtsweg.catalog.internal.CatalogFile.ExceptionEntry;
import de.amtsweg.catalog.internal.CatalogFile.LocationEntry;
import de.amtsweg.catalog.internal.CatalogFile.ResponsibilityEntry;
import de.amtsweg.catalog.internal.CatalogFile.ServiceEntry;
import de.amtsweg.catalog.internal.CatalogFile.Source;
import de.amtsweg.catalog.internal.CatalogFile.Text;
import de.amtsweg.platform.OpeningPeriod;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalogue as JSON: everything the CSV holds, plus locations with opening hours,
 * contact persons and English fee texts. {@code docs/catalog-import.md} describes it.
 */
public final class JsonCatalogFormat {

	public static final String FORMAT = "amtsweg-katalog";

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final Set<String> SERVICE_FIELDS = Set.of("leikaKey", "slug", "kind", "origin", "name", "summary",
			"description", "keywords", "legalBasis", "processingTime", "documents", "lifeSituations", "fees", "ozgId",
			"leikaType", "activities", "responsibility");

	private static final Set<String> RESPONSIBILITY_FIELDS = Set.of("orgUnit", "maturity", "onlineUrl",
			"appointmentUrl", "visit", "post", "note", "locations", "contacts", "fees");

	private static final Map<String, String> PATHS = Map.ofEntries(Map.entry("name", "name.de"),
			Map.entry("nameEn", "name.en"), Map.entry("summary", "summary.de"), Map.entry("summaryEn", "summary.en"),
			Map.entry("description", "description.de"), Map.entry("descriptionEn", "description.en"),
			Map.entry("processingTime", "processingTime.de"), Map.entry("processingTimeEn", "processingTime.en"),
			Map.entry("orgUnit", "responsibility.orgUnit"), Map.entry("maturity", "responsibility.maturity"),
			Map.entry("onlineUrl", "responsibility.onlineUrl"),
			Map.entry("appointmentUrl", "responsibility.appointmentUrl"), Map.entry("byVisit", "responsibility.visit"),
			Map.entry("byPost", "responsibility.post"), Map.entry("locations", "responsibility.locations"),
			Map.entry("note", "responsibility.note.de"), Map.entry("amount", "fees"), Map.entry("maxAmount", "fees"),
			Map.entry("unit", "fees"), Map.entry("type", "fees"), Map.entry("file", ""));

	private JsonCatalogFormat() {
	}

	public static CatalogFile read(String text) {
		List<ImportProblem> problems = new ArrayList<>();
		JsonNode root;
		try {
			root = MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			problems.add(new ImportProblem(0, "", "catalog.import.json.invalid",
					List.of(ex.getLocation() != null ? ex.getLocation().getLineNr() : 0)));
			return new CatalogFile(List.of(), List.of(), List.of(), problems);
		}
		if (root == null || !root.isObject()) {
			problems.add(new ImportProblem(0, "", "catalog.import.json.invalid", List.of(0)));
			return new CatalogFile(List.of(), List.of(), List.of(), problems);
		}
		List<LocationEntry> locations = new ArrayList<>();
		JsonNode locationNodes = root.path("locations");
		for (int i = 0; i < locationNodes.size(); i++) {
			Reader reader = new Reader(new Source(i + 1, Map.of(), "locations[" + i + "]."), locationNodes.get(i),
					problems);
			readLocation(reader).ifPresent(locations::add);
		}
		List<ServiceEntry> services = new ArrayList<>();
		JsonNode serviceNodes = root.path("services");
		if (!serviceNodes.isArray() && !serviceNodes.isMissingNode()) {
			problems.add(new ImportProblem(0, "services", "catalog.import.json.type", List.of()));
		}
		for (int i = 0; i < serviceNodes.size(); i++) {
			JsonNode node = serviceNodes.get(i);
			Reader reader = new Reader(new Source(i + 1, PATHS, ""), node, problems);
			if (!node.isObject()) {
				reader.problem("file", "catalog.import.json.type");
				continue;
			}
			for (String field : node.propertyNames()) {
				if (!SERVICE_FIELDS.contains(field)) {
					problems.add(reader.source().problem(field, "catalog.import.json.unknownField"));
				}
			}
			services.add(readService(reader));
		}
		return new CatalogFile(List.copyOf(services), List.of(), List.copyOf(locations), List.copyOf(problems));
	}

	private static ServiceEntry readService(Reader reader) {
		String kindText = reader.string("kind");
		ServiceKind kind = null;
		if (kindText != null) {
			try {
				kind = ServiceKind.valueOf(kindText.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				reader.problem("kind", "catalog.import.kind.invalid");
			}
		}
		String origin = reader.string("origin");
		Boolean shared = null;
		if (origin != null) {
			switch (origin.toLowerCase(Locale.ROOT)) {
				case "shared" -> shared = true;
				case "local" -> shared = false;
				default -> reader.problem("origin", "catalog.import.origin.invalid");
			}
		}
		Integer ozgId = null;
		JsonNode ozg = reader.node().get("ozgId");
		if (ozg != null && !ozg.isNull()) {
			if (ozg.canConvertToInt() && ozg.isIntegralNumber()) {
				ozgId = ozg.intValue();
			}
			else {
				reader.problem("ozgId", "catalog.service.ozgId.invalid");
			}
		}
		List<ActivityEntry> activities = new ArrayList<>();
		JsonNode activityNodes = reader.node().path("activities");
		for (int i = 0; i < activityNodes.size(); i++) {
			Reader activity = reader.child("activities[" + i + "].", activityNodes.get(i));
			activities.add(new ActivityEntry(activity.source(),
					Optional.ofNullable(activity.string("leikaKey")).orElse(""), activity.text("name"),
					activity.maturity("maturity"), activity.status("status"), activity.string("onlineUrl")));
		}
		ResponsibilityEntry responsibility = null;
		JsonNode responsibilityNode = reader.node().get("responsibility");
		if (responsibilityNode != null && !responsibilityNode.isNull()) {
			Reader r = reader.child("responsibility.", responsibilityNode);
			for (String field : responsibilityNode.propertyNames()) {
				if (!RESPONSIBILITY_FIELDS.contains(field)) {
					r.problem(field, "catalog.import.json.unknownField");
				}
			}
			List<ContactEntry> contacts = null;
			JsonNode contactNodes = responsibilityNode.get("contacts");
			if (contactNodes != null && contactNodes.isArray()) {
				contacts = new ArrayList<>();
				for (int i = 0; i < contactNodes.size(); i++) {
					Reader contact = r.child("contacts[" + i + "].", contactNodes.get(i));
					contacts.add(new ContactEntry(contact.stringOrEmpty("name"), contact.stringOrEmpty("role"),
							contact.stringOrEmpty("phone"), contact.stringOrEmpty("email")));
				}
			}
			responsibility = new ResponsibilityEntry(r.string("orgUnit"), r.maturity("maturity"), r.string("onlineUrl"),
					r.string("appointmentUrl"), r.bool("visit"), r.bool("post"), r.text("note"), r.strings("locations"),
					contacts, r.fees("fees"), null);
		}
		return new ServiceEntry(reader.source(), Optional.ofNullable(reader.string("leikaKey")).orElse(""),
				reader.string("slug"), kind, shared, reader.text("name"), reader.text("summary"),
				reader.text("description"), reader.strings("keywords"), reader.string("legalBasis"),
				reader.text("processingTime"), reader.texts("documents"), reader.strings("lifeSituations"),
				reader.fees("fees"), null, ozgId, reader.string("leikaType"), List.copyOf(activities), responsibility);
	}

	private static Optional<LocationEntry> readLocation(Reader reader) {
		List<OpeningPeriod> periods = new ArrayList<>();
		JsonNode periodNodes = reader.node().path("openingHours");
		for (int i = 0; i < periodNodes.size(); i++) {
			Reader period = reader.child("openingHours[" + i + "].", periodNodes.get(i));
			try {
				LocalTime opens = LocalTime.parse(period.stringOrEmpty("opens"));
				LocalTime closes = LocalTime.parse(period.stringOrEmpty("closes"));
				periods.add(new OpeningPeriod(DayOfWeek.valueOf(period.stringOrEmpty("day").toUpperCase(Locale.ROOT)),
						opens, closes));
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				period.problem("day", "catalog.import.openingHours.invalid");
			}
		}
		List<ExceptionEntry> exceptions = null;
		JsonNode exceptionNodes = reader.node().get("exceptions");
		if (exceptionNodes != null && exceptionNodes.isArray()) {
			exceptions = new ArrayList<>();
			for (int i = 0; i < exceptionNodes.size(); i++) {
				Reader exception = reader.child("exceptions[" + i + "].", exceptionNodes.get(i));
				try {
					String opens = exception.string("opens");
					String closes = exception.string("closes");
					exceptions.add(new ExceptionEntry(LocalDate.parse(exception.stringOrEmpty("date")),
							(opens != null) ? LocalTime.parse(opens) : null,
							(closes != null) ? LocalTime.parse(closes) : null,
							exception.text("note").over(LocalizedText.EMPTY)));
				}
				catch (DateTimeParseException ex) {
					exception.problem("date", "catalog.import.exception.invalid");
				}
			}
		}
		BigDecimal latitude = reader.decimal("latitude");
		BigDecimal longitude = reader.decimal("longitude");
		return Optional.of(new LocationEntry(reader.source(), reader.stringOrEmpty("key"), reader.stringOrEmpty("name"),
				reader.stringOrEmpty("street"), reader.stringOrEmpty("postcode"), reader.stringOrEmpty("city"),
				reader.text("accessibility").over(LocalizedText.EMPTY), latitude, longitude,
				reader.stringOrEmpty("phone"), reader.stringOrEmpty("email"), List.copyOf(periods), exceptions));
	}

	/** The catalogue as JSON (pretty-printed, UTF-8). */
	public static String write(List<ExportItem> items, List<Location> locations, boolean district) {
		ObjectNode root = MAPPER.createObjectNode();
		root.put("format", FORMAT);
		root.put("version", 1);
		root.put("scope", district ? "district" : "municipality");
		if (!district) {
			ArrayNode locationNodes = root.putArray("locations");
			for (Location location : locations) {
				ObjectNode node = locationNodes.addObject();
				node.put("key", location.key());
				node.put("name", location.name());
				node.put("street", location.street());
				node.put("postcode", location.postcode());
				node.put("city", location.city());
				text(node, "accessibility", location.accessibility());
				node.put("latitude", location.latitude());
				node.put("longitude", location.longitude());
				node.put("phone", location.phone());
				node.put("email", location.email());
				ArrayNode periods = node.putArray("openingHours");
				for (OpeningPeriod period : location.openingHours()) {
					ObjectNode p = periods.addObject();
					p.put("day", period.day().name());
					p.put("opens", period.opens().toString());
					p.put("closes", period.closes().toString());
				}
				ArrayNode exceptions = node.putArray("exceptions");
				for (OpeningException exception : location.exceptions()) {
					ObjectNode e = exceptions.addObject();
					e.put("date", exception.day().toString());
					e.put("opens", (exception.opens() != null) ? exception.opens().toString() : null);
					e.put("closes", (exception.closes() != null) ? exception.closes().toString() : null);
					text(e, "note", exception.note());
				}
			}
		}
		ArrayNode services = root.putArray("services");
		for (ExportItem item : items) {
			CatalogService service = item.service();
			Responsibility responsibility = item.responsibility();
			ObjectNode node = services.addObject();
			node.put("leikaKey", service.leikaKey());
			node.put("slug", service.slug());
			node.put("kind", service.kind().name());
			if (responsibility != null) {
				node.put("origin", service.shared() ? "shared" : "local");
			}
			text(node, "name", service.name());
			text(node, "summary", service.summary());
			text(node, "description", service.description());
			strings(node, "keywords", service.keywords());
			node.put("legalBasis", service.legalBasis());
			text(node, "processingTime", service.processingTime());
			ArrayNode documents = node.putArray("documents");
			service.documents().forEach((document) -> text(documents.addObject(), document));
			strings(node, "lifeSituations", service.lifeSituations());
			fees(node, "fees", service.fees());
			node.put("ozgId", service.ozgId());
			node.put("leikaType", service.leikaType());
			ArrayNode activities = node.putArray("activities");
			for (Activity activity : service.activities()) {
				ObjectNode a = activities.addObject();
				a.put("leikaKey", activity.leikaKey());
				text(a, "name", activity.name());
				if (responsibility != null) {
					ActivityState state = responsibility.stateOf(activity.id());
					a.put("maturity", state.maturity());
					a.put("status", state.status().name());
					a.put("onlineUrl", state.onlineUrl());
				}
			}
			if (responsibility != null) {
				ObjectNode r = node.putObject("responsibility");
				r.put("orgUnit", item.orgUnitKey());
				r.put("maturity", responsibility.baseMaturity());
				r.put("onlineUrl", responsibility.onlineUrl());
				r.put("appointmentUrl", responsibility.appointmentUrl());
				r.put("visit", responsibility.byVisit());
				r.put("post", responsibility.byPost());
				text(r, "note", responsibility.note());
				strings(r, "locations", item.locationKeys());
				ArrayNode contacts = r.putArray("contacts");
				for (Contact contact : responsibility.contacts()) {
					ObjectNode c = contacts.addObject();
					c.put("name", contact.name());
					c.put("role", contact.role());
					c.put("phone", contact.phone());
					c.put("email", contact.email());
				}
				fees(r, "fees", responsibility.localFees());
			}
		}
		return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
	}

	private static void text(ObjectNode parent, String field, LocalizedText text) {
		text(parent.putObject(field), text);
	}

	private static void text(ObjectNode node, LocalizedText text) {
		node.put("de", text.de());
		node.put("en", text.en());
	}

	private static void strings(ObjectNode parent, String field, List<String> values) {
		ArrayNode array = parent.putArray(field);
		values.forEach(array::add);
	}

	private static void fees(ObjectNode parent, String field, List<Fee> fees) {
		ArrayNode array = parent.putArray(field);
		for (Fee fee : fees) {
			ObjectNode node = array.addObject();
			text(node, "label", fee.label());
			node.put("type", fee.type().name());
			node.put("amount", fee.amount());
			node.put("maxAmount", fee.maxAmount());
			text(node, "unit", fee.unit());
		}
	}

	/** Reads fields of one JSON object, noting problems with their path. */
	private record Reader(Source source, JsonNode node, List<ImportProblem> problems) {

		Reader child(String prefix, JsonNode child) {
			return new Reader(new Source(this.source.row(), Map.of(), this.source.fallbackPrefix() + prefix), child,
					this.problems);
		}

		void problem(String field, String messageKey) {
			this.problems.add(this.source.problem(field, messageKey));
		}

		@Nullable String string(String field) {
			JsonNode value = this.node.get(field);
			if (value == null || value.isNull()) {
				return null;
			}
			if (!value.isString()) {
				problem(field, "catalog.import.json.type");
				return null;
			}
			return value.stringValue();
		}

		String stringOrEmpty(String field) {
			String value = string(field);
			return (value != null) ? value : "";
		}

		Text text(String field) {
			JsonNode value = this.node.get(field);
			if (value == null || value.isNull()) {
				return Text.ABSENT;
			}
			if (value.isString()) {
				return new Text(value.stringValue(), null);
			}
			if (!value.isObject()) {
				problem(field, "catalog.import.json.type");
				return Text.ABSENT;
			}
			Reader inner = child(field + ".", value);
			return new Text(inner.string("de"), inner.string("en"));
		}

		@Nullable List<String> strings(String field) {
			JsonNode value = array(field);
			if (value == null) {
				return null;
			}
			List<String> strings = new ArrayList<>();
			for (JsonNode item : value) {
				if (item.isString()) {
					strings.add(item.stringValue());
				}
				else {
					problem(field, "catalog.import.json.type");
				}
			}
			return List.copyOf(strings);
		}

		@Nullable List<LocalizedText> texts(String field) {
			JsonNode value = array(field);
			if (value == null) {
				return null;
			}
			List<LocalizedText> texts = new ArrayList<>();
			for (int i = 0; i < value.size(); i++) {
				texts.add(child(field + "[" + i + "].", value.get(i)).textOf().over(LocalizedText.EMPTY));
			}
			return List.copyOf(texts);
		}

		private Text textOf() {
			if (this.node.isString()) {
				return new Text(this.node.stringValue(), null);
			}
			return new Text(string("de"), string("en"));
		}

		/** The field's array; null if absent, or (with a problem) if it is no array. */
		private @Nullable JsonNode array(String field) {
			JsonNode value = this.node.get(field);
			if (value == null || value.isNull()) {
				return null;
			}
			if (!value.isArray()) {
				problem(field, "catalog.import.json.type");
				return null;
			}
			return value;
		}

		@Nullable Boolean bool(String field) {
			JsonNode value = this.node.get(field);
			if (value == null || value.isNull()) {
				return null;
			}
			if (!value.isBoolean()) {
				problem(field, "catalog.import.json.type");
				return null;
			}
			return value.booleanValue();
		}

		@Nullable Integer maturity(String field) {
			JsonNode value = this.node.get(field);
			if (value == null || value.isNull()) {
				return null;
			}
			if (!value.isIntegralNumber() || value.intValue() < 0 || value.intValue() > 4) {
				problem(field, "catalog.maturity.invalid");
				return null;
			}
			return value.intValue();
		}

		@Nullable RolloutStatus status(String field) {
			String value = string(field);
			if (value == null) {
				return null;
			}
			try {
				return RolloutStatus.valueOf(value.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problem(field, "catalog.import.status.invalid");
				return null;
			}
		}

		@Nullable BigDecimal decimal(String field) {
			JsonNode value = this.node.get(field);
			if (value == null || value.isNull()) {
				return null;
			}
			if (value.isNumber()) {
				return value.decimalValue();
			}
			if (value.isString()) {
				Optional<BigDecimal> parsed = Amounts.parse(value.stringValue());
				if (parsed.isPresent()) {
					return parsed.get();
				}
			}
			problem(field, "catalog.import.json.type");
			return null;
		}

		@Nullable List<FeeDetails> fees(String field) {
			JsonNode value = array(field);
			if (value == null) {
				return null;
			}
			List<FeeDetails> fees = new ArrayList<>();
			for (int i = 0; i < value.size(); i++) {
				Reader fee = child(field + "[" + i + "].", value.get(i));
				FeeType type;
				try {
					type = FeeType.valueOf(fee.stringOrEmpty("type").toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					fee.problem("type", "catalog.fee.type.required");
					continue;
				}
				BigDecimal amount = fee.decimal("amount");
				BigDecimal max = fee.decimal("maxAmount");
				fees.add(new FeeDetails(fee.text("label").over(LocalizedText.EMPTY), type, scaled(amount), scaled(max),
						fee.text("unit").over(LocalizedText.EMPTY)));
			}
			return List.copyOf(fees);
		}

		private static @Nullable BigDecimal scaled(@Nullable BigDecimal amount) {
			return (amount != null) ? amount.setScale(2, RoundingMode.HALF_UP) : null;
		}

	}

}
