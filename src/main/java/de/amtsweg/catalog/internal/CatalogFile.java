package de.amtsweg.catalog.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.amtsweg.catalog.FeeDetails;
import de.amtsweg.catalog.ImportProblem;
import de.amtsweg.catalog.LocalizedText;
import de.amtsweg.catalog.RolloutStatus;
import de.amtsweg.catalog.ServiceKind;
import de.amtsweg.platform.OpeningPeriod;
import org.jspecify.annotations.Nullable;

/**
 * A catalogue file as read, before it is checked against the catalogue: its entries and
 * the problems found while reading. A {@code null} field was not in the file (an import
 * keeps what the catalogue has); an empty one was, and clears it.
 *
 * @param services services in file order
 * @param activityRows activities given in rows of their own (CSV), to be put with their
 * service
 * @param locations locations (JSON only)
 * @param problems what could not be read
 */
public record CatalogFile(List<ServiceEntry> services, List<ActivityRow> activityRows, List<LocationEntry> locations,
		List<ImportProblem> problems) {

	/**
	 * Where an entry is in the file, and the file's name for each of its fields.
	 *
	 * @param row record number (CSV, header is row 1) or number of the service (JSON)
	 * @param columns field name (as in the admin forms) to the column or JSON path
	 * @param fallbackPrefix prefix for fields the map lacks (JSON paths)
	 */
	public record Source(int row, Map<String, String> columns, String fallbackPrefix) {

		public String column(String field) {
			String column = this.columns.get(field);
			return (column != null) ? column : this.fallbackPrefix + field;
		}

		public ImportProblem problem(String field, String messageKey, Object... arguments) {
			return new ImportProblem(this.row, column(field), messageKey, List.of(arguments));
		}

	}

	/**
	 * A service of the file.
	 *
	 * @param source where it is
	 * @param leikaKey 14-digit key, empty for none
	 * @param slug short name, empty to derive it from the name
	 * @param kind service or information page
	 * @param shared whether it is a shared service of the district that the municipality
	 * adopts (municipality import), null if the file does not say
	 * @param name German and English name (German required)
	 * @param summary short description
	 * @param description description
	 * @param keywords search words
	 * @param legalBasis legal basis
	 * @param processingTime processing time
	 * @param documents required documents
	 * @param lifeSituations life situation slugs
	 * @param fees fees of the service
	 * @param feesText the fees as the CSV wrote them, to leave fees alone that did not
	 * change
	 * @param ozgId OZG number
	 * @param leikaType LeiKa type
	 * @param activities its activities
	 * @param responsibility the municipality's responsibility, if the file has one
	 */
	public record ServiceEntry(Source source, @Nullable String leikaKey, @Nullable String slug,
			@Nullable ServiceKind kind, @Nullable Boolean shared, Text name, Text summary, Text description,
			@Nullable List<String> keywords, @Nullable String legalBasis, Text processingTime,
			@Nullable List<LocalizedText> documents, @Nullable List<String> lifeSituations,
			@Nullable List<FeeDetails> fees, @Nullable String feesText, @Nullable Integer ozgId,
			@Nullable String leikaType, List<ActivityEntry> activities, @Nullable ResponsibilityEntry responsibility) {

		public ServiceEntry withActivities(List<ActivityEntry> more) {
			List<ActivityEntry> all = new ArrayList<>(this.activities);
			all.addAll(more);
			return new ServiceEntry(this.source, this.leikaKey, this.slug, this.kind, this.shared, this.name,
					this.summary, this.description, this.keywords, this.legalBasis, this.processingTime, this.documents,
					this.lifeSituations, this.fees, this.feesText, this.ozgId, this.leikaType, List.copyOf(all),
					this.responsibility);
		}

	}

	/**
	 * A text in two languages, each null if not in the file.
	 *
	 * @param de German
	 * @param en English
	 */
	public record Text(@Nullable String de, @Nullable String en) {

		public static final Text ABSENT = new Text(null, null);

		/** The text with what the file has, and what the catalogue has for the rest. */
		public LocalizedText over(LocalizedText current) {
			return new LocalizedText((this.de != null) ? this.de : current.de(),
					(this.en != null) ? this.en : current.en());
		}

	}

	/**
	 * An activity of a service.
	 *
	 * @param source where it is
	 * @param leikaKey 14-digit key, empty for none
	 * @param name name
	 * @param maturity the municipality's maturity, if given
	 * @param status the municipality's rollout status, if given
	 * @param onlineUrl the municipality's online link, if given
	 */
	public record ActivityEntry(Source source, String leikaKey, Text name, @Nullable Integer maturity,
			@Nullable RolloutStatus status, @Nullable String onlineUrl) {

		public boolean hasState() {
			return this.maturity != null || this.status != null || this.onlineUrl != null;
		}

	}

	/**
	 * An activity in a row of its own, with what names its service.
	 *
	 * @param activity the activity
	 * @param serviceLeikaKey the LeiKa key of its service (the activity's key with the
	 * last six digits zero), empty if it has none
	 * @param serviceSlug the short name of its service, empty if not given
	 */
	public record ActivityRow(ActivityEntry activity, String serviceLeikaKey, String serviceSlug) {
	}

	/**
	 * A municipality's responsibility for a service.
	 *
	 * @param orgUnit key of the responsible org unit
	 * @param maturity maturity of the service itself
	 * @param onlineUrl online application
	 * @param appointmentUrl appointment booking
	 * @param byVisit whether citizens can come in person
	 * @param byPost whether citizens can apply by post
	 * @param note local supplement
	 * @param locations location keys
	 * @param contacts contact persons
	 * @param localFees local fees
	 * @param localFeesText local fees as the CSV wrote them
	 */
	public record ResponsibilityEntry(@Nullable String orgUnit, @Nullable Integer maturity, @Nullable String onlineUrl,
			@Nullable String appointmentUrl, @Nullable Boolean byVisit, @Nullable Boolean byPost, Text note,
			@Nullable List<String> locations, @Nullable List<ContactEntry> contacts,
			@Nullable List<FeeDetails> localFees, @Nullable String localFeesText) {

		public boolean isEmpty() {
			return this.orgUnit == null && this.maturity == null && this.onlineUrl == null
					&& this.appointmentUrl == null && this.byVisit == null && this.byPost == null
					&& this.note.de() == null && this.note.en() == null && this.locations == null
					&& this.contacts == null && this.localFees == null;
		}

	}

	/**
	 * A contact person.
	 *
	 * @param name name
	 * @param role role
	 * @param phone phone
	 * @param email e-mail
	 */
	public record ContactEntry(String name, String role, String phone, String email) {
	}

	/**
	 * A location (JSON only).
	 *
	 * @param source where it is
	 * @param key short name
	 * @param name name
	 * @param street street
	 * @param postcode postcode
	 * @param city city
	 * @param accessibility accessibility notes
	 * @param latitude latitude
	 * @param longitude longitude
	 * @param phone phone
	 * @param email e-mail
	 * @param openingHours weekly plan
	 * @param exceptions days with other hours
	 */
	public record LocationEntry(Source source, String key, String name, String street, String postcode, String city,
			LocalizedText accessibility, @Nullable BigDecimal latitude, @Nullable BigDecimal longitude, String phone,
			String email, List<OpeningPeriod> openingHours, @Nullable List<ExceptionEntry> exceptions) {
	}

	/**
	 * A day with other opening hours.
	 *
	 * @param day the day
	 * @param opens opening time, null if closed
	 * @param closes closing time, null if closed
	 * @param note why
	 */
	public record ExceptionEntry(java.time.LocalDate day, java.time.@Nullable LocalTime opens,
			java.time.@Nullable LocalTime closes, LocalizedText note) {
	}

}
