package de.amtsweg.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import de.amtsweg.catalog.Activity;
import de.amtsweg.catalog.ActivityState;
import de.amtsweg.catalog.CatalogService;
import de.amtsweg.catalog.FeeDetails;
import de.amtsweg.catalog.ImportProblem;
import de.amtsweg.catalog.LocalizedText;
import de.amtsweg.catalog.Responsibility;
import de.amtsweg.catalog.RolloutStatus;
import de.amtsweg.catalog.ServiceKind;
import de.amtsweg.catalog.internal.CatalogFile.ActivityEntry;
import de.amtsweg.catalog.internal.CatalogFile.ActivityRow;
import de.amtsweg.catalog.internal.CatalogFile.ResponsibilityEntry;
import de.amtsweg.catalog.internal.CatalogFile.ServiceEntry;
import de.amtsweg.catalog.internal.CatalogFile.Source;
import de.amtsweg.catalog.internal.CatalogFile.Text;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue as CSV with LeiKa-style columns: the five columns of a LeiKa export
 * ({@code leika_schluessel, leistung, leika_typ, ozg_id, rechtsgrundlage}) followed by
 * Amtsweg's own. One row per service and one per activity. {@code docs/catalog-import.md}
 * describes every column.
 */
public final class CsvCatalogFormat {

	/** Column to field name (as in the admin forms, used in validation messages). */
	static final Map<String, String> COLUMNS = columns("leika_schluessel", "leikaKey", "leistung", "name", "leika_typ",
			"leikaType", "ozg_id", "ozgId", "rechtsgrundlage", "legalBasis", "art", "kind", "kennung", "slug",
			"herkunft", "origin", "leistung_en", "nameEn", "kurztext", "summary", "kurztext_en", "summaryEn",
			"beschreibung", "description", "beschreibung_en", "descriptionEn", "suchbegriffe", "keywords",
			"lebenslagen", "lifeSituations", "unterlagen", "documents", "unterlagen_en", "documentsEn",
			"bearbeitungsdauer", "processingTime", "bearbeitungsdauer_en", "processingTimeEn", "gebuehren", "fees",
			"zustaendig", "orgUnit", "reifegrad", "maturity", "umsetzung", "status", "online_link", "onlineUrl",
			"termin_link", "appointmentUrl", "vor_ort", "byVisit", "per_post", "byPost", "standorte", "locations",
			"hinweis", "note", "hinweis_en", "noteEn");

	/** Field name to column, for messages. */
	static final Map<String, String> FIELD_COLUMNS;

	static {
		Map<String, String> fields = new HashMap<>();
		COLUMNS.forEach((column, field) -> fields.put(field, column));
		fields.put("amount", "gebuehren");
		fields.put("maxAmount", "gebuehren");
		fields.put("unit", "gebuehren");
		fields.put("type", "gebuehren");
		fields.put("activity", "leistung");
		fields.put("file", "");
		FIELD_COLUMNS = Map.copyOf(fields);
	}

	private static final String NOT_IN_LEIKA = "nicht im leika";

	private CsvCatalogFormat() {
	}

	public static CatalogFile read(String text) {
		List<ImportProblem> problems = new ArrayList<>();
		List<List<String>> records = Csv.parse(text);
		if (records.isEmpty()) {
			problems.add(new ImportProblem(0, "", "catalog.import.file.empty", List.of()));
			return new CatalogFile(List.of(), List.of(), List.of(), problems);
		}
		List<String> header = records.get(0).stream().map((name) -> name.strip().toLowerCase(Locale.ROOT)).toList();
		for (int i = 0; i < header.size(); i++) {
			if (!COLUMNS.containsKey(header.get(i))) {
				problems.add(new ImportProblem(1, header.get(i), "catalog.import.column.unknown", List.of()));
			}
			else if (header.indexOf(header.get(i)) != i) {
				problems.add(new ImportProblem(1, header.get(i), "catalog.import.column.duplicate", List.of()));
			}
		}
		if (!header.contains("leistung")) {
			problems.add(new ImportProblem(1, "leistung", "catalog.import.column.missing", List.of()));
		}
		if (!problems.isEmpty()) {
			return new CatalogFile(List.of(), List.of(), List.of(), problems);
		}
		List<ServiceEntry> services = new ArrayList<>();
		List<ActivityRow> activities = new ArrayList<>();
		for (int index = 1; index < records.size(); index++) {
			List<String> fields = records.get(index);
			int rowNumber = index + 1;
			Source source = new Source(rowNumber, FIELD_COLUMNS, "");
			if (fields.size() > header.size()) {
				problems.add(new ImportProblem(rowNumber, "", "catalog.import.row.tooManyFields",
						List.of(header.size(), fields.size())));
				continue;
			}
			if (fields.stream().allMatch(String::isBlank)) {
				continue;
			}
			Row row = new Row(source, header, fields, problems);
			readRow(row, services, activities);
		}
		return new CatalogFile(List.copyOf(services), List.copyOf(activities), List.of(), List.copyOf(problems));
	}

	private static void readRow(Row row, List<ServiceEntry> services, List<ActivityRow> activities) {
		String key = row.text("leika_schluessel");
		if (key != null && key.strip().toLowerCase(Locale.GERMAN).equals(NOT_IN_LEIKA)) {
			key = "";
		}
		String leikaKey = (key != null) ? key.strip() : "";
		String kindText = row.text("art");
		boolean activity;
		ServiceKind kind = null;
		if (kindText != null && !kindText.isBlank()) {
			String normalised = SearchText.fold(kindText.strip());
			switch (normalised) {
				case "leistung" -> kind = ServiceKind.SERVICE;
				case "information" -> kind = ServiceKind.INFORMATION;
				case "tatigkeit", "taetigkeit" -> kind = null;
				default -> {
					row.problem("kind", "catalog.import.kind.invalid");
					return;
				}
			}
			activity = normalised.startsWith("t");
		}
		else {
			activity = LeikaKeys.isActivity(leikaKey);
		}
		String name = row.text("leistung");
		if (activity) {
			String serviceKey = LeikaKeys.isActivity(leikaKey) ? LeikaKeys.serviceOf(leikaKey) : "";
			String serviceSlug = Optional.ofNullable(row.text("kennung")).orElse("").strip();
			activities.add(new ActivityRow(new ActivityEntry(row.source(), leikaKey, row.localized("leistung"),
					row.maturity(), row.status(), row.text("online_link")), serviceKey, serviceSlug));
			return;
		}
		Boolean shared = null;
		String origin = row.text("herkunft");
		if (origin != null && !origin.isBlank()) {
			switch (SearchText.fold(origin.strip())) {
				case "kreis" -> shared = true;
				case "lokal", "gemeinde" -> shared = false;
				default -> row.problem("origin", "catalog.import.origin.invalid");
			}
		}
		String feesText = row.text("gebuehren");
		List<FeeDetails> fees = null;
		if (feesText != null) {
			Optional<List<FeeDetails>> parsed = FeeText.parse(feesText);
			if (parsed.isEmpty()) {
				row.problem("fees", "catalog.import.fees.invalid");
			}
			else {
				fees = parsed.get();
			}
		}
		ResponsibilityEntry responsibility = new ResponsibilityEntry(blankToNull(row.text("zustaendig")),
				row.maturity(), row.text("online_link"), row.text("termin_link"), row.yesNo("vor_ort"),
				row.yesNo("per_post"), row.localized("hinweis"), row.list("standorte"), null,
				Boolean.TRUE.equals(shared) ? fees : null, Boolean.TRUE.equals(shared) ? feesText : null);
		List<LocalizedText> documents = row.pairedList("unterlagen");
		Integer ozgId = null;
		String ozgText = row.text("ozg_id");
		if (ozgText != null && !ozgText.isBlank()) {
			try {
				ozgId = Integer.valueOf(ozgText.strip());
			}
			catch (NumberFormatException ex) {
				row.problem("ozgId", "catalog.service.ozgId.invalid");
			}
		}
		services.add(new ServiceEntry(row.source(), leikaKey, row.text("kennung"), kind, shared,
				new Text(name, row.text("leistung_en")), row.localized("kurztext"), row.localized("beschreibung"),
				row.list("suchbegriffe"), row.text("rechtsgrundlage"), row.localized("bearbeitungsdauer"), documents,
				row.list("lebenslagen"), Boolean.TRUE.equals(shared) ? null : fees,
				Boolean.TRUE.equals(shared) ? null : feesText, ozgId, row.text("leika_typ"), List.of(),
				responsibility.isEmpty() ? null : responsibility));
	}

	/**
	 * The catalogue as CSV: a header and, for each service, its row followed by one row
	 * per activity.
	 */
	public static String write(List<ExportItem> items, boolean district) {
		List<String> header = new ArrayList<>(COLUMNS.keySet());
		if (district) {
			header.removeAll(List.of("herkunft", "zustaendig", "reifegrad", "umsetzung", "online_link", "termin_link",
					"vor_ort", "per_post", "standorte", "hinweis", "hinweis_en"));
		}
		StringBuilder csv = new StringBuilder();
		csv.append(Csv.line(header, ','));
		for (ExportItem item : items) {
			CatalogService service = item.service();
			Responsibility responsibility = item.responsibility();
			Map<String, String> values = new HashMap<>();
			values.put("leika_schluessel", nullToEmpty(service.leikaKey()));
			values.put("leistung", service.name().de());
			values.put("leika_typ", service.leikaType());
			values.put("ozg_id", (service.ozgId() != null) ? service.ozgId().toString() : "");
			values.put("rechtsgrundlage", service.legalBasis());
			values.put("art", (service.kind() == ServiceKind.INFORMATION) ? "Information" : "Leistung");
			values.put("kennung", service.slug());
			values.put("leistung_en", service.name().en());
			values.put("kurztext", service.summary().de());
			values.put("kurztext_en", service.summary().en());
			values.put("beschreibung", service.description().de());
			values.put("beschreibung_en", service.description().en());
			values.put("suchbegriffe", String.join(" | ", service.keywords()));
			values.put("lebenslagen", String.join(" | ", service.lifeSituations()));
			values.put("unterlagen",
					service.documents().stream().map(LocalizedText::de).collect(Collectors.joining(" | ")));
			values.put("unterlagen_en",
					service.documents().stream().map(LocalizedText::en).collect(Collectors.joining(" | ")));
			values.put("bearbeitungsdauer", service.processingTime().de());
			values.put("bearbeitungsdauer_en", service.processingTime().en());
			values.put("gebuehren", FeeText.format(feeDetails(
					(service.shared() && responsibility != null) ? responsibility.localFees() : service.fees())));
			if (responsibility != null) {
				values.put("herkunft", service.shared() ? "kreis" : "lokal");
				values.put("zustaendig", nullToEmpty(item.orgUnitKey()));
				values.put("reifegrad", Integer.toString(responsibility.baseMaturity()));
				values.put("online_link", nullToEmpty(responsibility.onlineUrl()));
				values.put("termin_link", nullToEmpty(responsibility.appointmentUrl()));
				values.put("vor_ort", responsibility.byVisit() ? "ja" : "nein");
				values.put("per_post", responsibility.byPost() ? "ja" : "nein");
				values.put("standorte", String.join(" | ", item.locationKeys()));
				values.put("hinweis", responsibility.note().de());
				values.put("hinweis_en", responsibility.note().en());
			}
			csv.append(Csv.line(header.stream().map((column) -> values.getOrDefault(column, "")).toList(), ','));
			for (Activity activity : service.activities()) {
				Map<String, String> activityValues = new HashMap<>();
				activityValues.put("leika_schluessel", nullToEmpty(activity.leikaKey()));
				activityValues.put("leistung", activity.name().de());
				activityValues.put("leistung_en", activity.name().en());
				activityValues.put("art", "Tätigkeit");
				activityValues.put("kennung", service.slug());
				if (responsibility != null) {
					ActivityState state = responsibility.stateOf(activity.id());
					activityValues.put("reifegrad", Integer.toString(state.maturity()));
					activityValues.put("umsetzung", status(state.status()));
					activityValues.put("online_link", nullToEmpty(state.onlineUrl()));
				}
				csv.append(Csv.line(header.stream().map((column) -> activityValues.getOrDefault(column, "")).toList(),
						','));
			}
		}
		return csv.toString();
	}

	static List<FeeDetails> feeDetails(List<de.amtsweg.catalog.Fee> fees) {
		return fees.stream().map(FeeDetails::of).toList();
	}

	private static String status(RolloutStatus status) {
		return switch (status) {
			case NOT_STARTED -> "offen";
			case IN_PROGRESS -> "in Umsetzung";
			case COMPLETED -> "abgeschlossen";
		};
	}

	private static String nullToEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static Map<String, String> columns(String... pairs) {
		Map<String, String> columns = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			columns.put(pairs[i], pairs[i + 1]);
		}
		return java.util.Collections.unmodifiableMap(columns);
	}

	/** One data row, read by column name. */
	private record Row(Source source, List<String> header, List<String> fields, List<ImportProblem> problems) {

		/** The cell, or null if the file has no such column. */
		@Nullable String text(String column) {
			int index = this.header.indexOf(column);
			if (index < 0) {
				return null;
			}
			return (index < this.fields.size()) ? this.fields.get(index).strip() : "";
		}

		Text localized(String column) {
			return new Text(text(column), text(column + "_en"));
		}

		@Nullable List<String> list(String column) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			return Arrays.stream(value.split("\\|")).map(String::strip).filter((item) -> !item.isEmpty()).toList();
		}

		/**
		 * German items of the column and English ones of its {@code _en} column, paired
		 * by position; items without German text are dropped.
		 */
		@Nullable List<LocalizedText> pairedList(String column) {
			String german = text(column);
			if (german == null) {
				return null;
			}
			String english = text(column + "_en");
			String[] germanItems = german.split("\\|", -1);
			String[] englishItems = (english != null) ? english.split("\\|", -1) : new String[0];
			List<LocalizedText> items = new ArrayList<>();
			for (int i = 0; i < germanItems.length; i++) {
				String de = germanItems[i].strip();
				if (!de.isEmpty()) {
					items.add(new LocalizedText(de, (i < englishItems.length) ? englishItems[i].strip() : ""));
				}
			}
			return List.copyOf(items);
		}

		@Nullable Integer maturity() {
			String value = text("reifegrad");
			if (value == null || value.isBlank()) {
				return null;
			}
			try {
				int maturity = Integer.parseInt(value.strip());
				if (maturity >= 0 && maturity <= 4) {
					return maturity;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			problem("maturity", "catalog.maturity.invalid");
			return null;
		}

		@Nullable RolloutStatus status() {
			String value = text("umsetzung");
			if (value == null || value.isBlank()) {
				return null;
			}
			return switch (SearchText.fold(value.strip()).replace('_', ' ')) {
				case "offen", "nicht begonnen", "not started" -> RolloutStatus.NOT_STARTED;
				case "in umsetzung", "in progress" -> RolloutStatus.IN_PROGRESS;
				case "abgeschlossen", "fertig", "completed" -> RolloutStatus.COMPLETED;
				default -> {
					problem("status", "catalog.import.status.invalid");
					yield null;
				}
			};
		}

		@Nullable Boolean yesNo(String column) {
			String value = text(column);
			if (value == null || value.isBlank()) {
				return null;
			}
			return switch (SearchText.fold(value.strip())) {
				case "ja", "j", "x", "1", "true", "yes" -> true;
				case "nein", "n", "0", "false", "no" -> false;
				default -> {
					problem(COLUMNS.get(column), "catalog.import.yesNo.invalid");
					yield null;
				}
			};
		}

		void problem(String field, String messageKey) {
			this.problems.add(this.source.problem(field, messageKey));
		}

	}

}
