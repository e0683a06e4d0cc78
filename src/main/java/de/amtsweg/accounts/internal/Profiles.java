package de.amtsweg.accounts.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import de.amtsweg.accounts.internal.CitizenAccountRepository.ProfileData;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's own profile: name, date of birth, address, phone, language. Every read
 * and change goes to the audit log. The home municipality follows from the postcode; when
 * a postcode spans several municipalities, the citizen says which.
 */
@Service
public class Profiles {

	static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	static final Pattern POSTCODE = Pattern.compile("[0-9]{5}");

	static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()/.-]{3,28}[0-9]");

	private static final Set<String> LANGUAGES = Set.of("de", "en");

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	private final CitizenAccountRepository accounts;

	private final Municipalities municipalities;

	private final AuditLog auditLog;

	private final Clock clock;

	public Profiles(CitizenAccountRepository accounts, Municipalities municipalities, AuditLog auditLog, Clock clock) {
		this.accounts = accounts;
		this.municipalities = municipalities;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** The citizen's own account, read for display; the read is audited. */
	@Transactional
	public CitizenAccount read(UUID accountId) {
		CitizenAccount account = this.accounts.findById(accountId)
			.orElseThrow(() -> new NotFoundException("Account " + accountId));
		this.auditLog.record("citizen-account.profile.read", "citizen-account", accountId.toString(),
				account.homeMunicipalityId(), "");
		return account;
	}

	/**
	 * The municipalities a postcode can belong to (empty for unknown or invalid ones).
	 */
	public List<Municipality> municipalitiesFor(String postcode) {
		String code = postcode.trim();
		return POSTCODE.matcher(code).matches() ? this.municipalities.byPostcode(code) : List.of();
	}

	/**
	 * Checks and saves the profile.
	 * @throws InvalidInputException with one problem per field, named as in
	 * {@link ProfileChange}
	 */
	@Transactional
	public void change(UUID accountId, ProfileChange change) {
		CitizenAccount account = this.accounts.findById(accountId)
			.orElseThrow(() -> new NotFoundException("Account " + accountId));
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		String givenName = change.givenName().trim();
		String familyName = change.familyName().trim();
		if (givenName.isEmpty()) {
			problems.add("givenName", "profile.givenName.required");
		}
		else if (givenName.length() > 100) {
			problems.add("givenName", "profile.givenName.tooLong");
		}
		if (familyName.isEmpty()) {
			problems.add("familyName", "profile.familyName.required");
		}
		else if (familyName.length() > 100) {
			problems.add("familyName", "profile.familyName.tooLong");
		}
		LocalDate dateOfBirth = null;
		if (!change.dateOfBirth().isBlank()) {
			Optional<LocalDate> parsed = parseDate(change.dateOfBirth());
			if (parsed.isEmpty()) {
				problems.add("dateOfBirth", "profile.dateOfBirth.invalid");
			}
			else if (!parsed.get().isBefore(LocalDate.now(this.clock))) {
				problems.add("dateOfBirth", "profile.dateOfBirth.future");
			}
			else if (parsed.get().isBefore(EARLIEST_BIRTH)) {
				problems.add("dateOfBirth", "profile.dateOfBirth.tooEarly");
			}
			else {
				dateOfBirth = parsed.get();
			}
		}
		String street = change.street().trim();
		String postcode = change.postcode().trim();
		String city = change.city().trim();
		// The address is optional, but half an address helps nobody.
		boolean anyAddress = !street.isEmpty() || !postcode.isEmpty() || !city.isEmpty();
		if (anyAddress && street.isEmpty()) {
			problems.add("street", "profile.street.required");
		}
		else if (street.length() > 200) {
			problems.add("street", "profile.street.tooLong");
		}
		if (anyAddress && postcode.isEmpty()) {
			problems.add("postcode", "profile.postcode.required");
		}
		else if (!postcode.isEmpty() && !POSTCODE.matcher(postcode).matches()) {
			problems.add("postcode", "profile.postcode.invalid");
		}
		if (anyAddress && city.isEmpty()) {
			problems.add("city", "profile.city.required");
		}
		else if (city.length() > 100) {
			problems.add("city", "profile.city.tooLong");
		}
		String phone = change.phone().trim();
		if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
			problems.add("phone", "profile.phone.invalid");
		}
		String language = change.preferredLanguage().trim();
		if (!LANGUAGES.contains(language)) {
			problems.add("preferredLanguage", "profile.preferredLanguage.required");
		}
		UUID homeMunicipality = null;
		List<Municipality> candidates = municipalitiesFor(postcode);
		if (candidates.size() == 1) {
			homeMunicipality = candidates.get(0).id();
		}
		else if (candidates.size() > 1) {
			homeMunicipality = candidates.stream()
				.filter((municipality) -> municipality.slug().equals(change.homeMunicipality()))
				.map(Municipality::id)
				.findFirst()
				.orElse(null);
			if (homeMunicipality == null) {
				problems.add("homeMunicipality", "profile.homeMunicipality.required");
			}
		}
		problems.throwIfAny();
		this.accounts.updateProfile(accountId, new ProfileData(givenName, familyName, dateOfBirth, street, postcode,
				city, phone, homeMunicipality, language), this.clock.instant());
		this.auditLog.record("citizen-account.profile.changed", "citizen-account", accountId.toString(),
				(homeMunicipality != null) ? homeMunicipality : account.homeMunicipalityId(), "");
	}

	/** Reads "17.03.1985" (also "17.3.1985") or "1985-03-17". */
	static Optional<LocalDate> parseDate(String text) {
		String value = text.trim();
		for (DateTimeFormatter format : new DateTimeFormatter[] { GERMAN_DATE, DateTimeFormatter.ISO_LOCAL_DATE }) {
			try {
				return Optional.of(LocalDate.parse(value, format));
			}
			catch (DateTimeParseException ex) {
				// try the next format
			}
		}
		return Optional.empty();
	}

	/** A date as German people write it, e.g. 17.03.1985. */
	public static String formatDate(@Nullable LocalDate date) {
		return (date != null) ? DateTimeFormatter.ofPattern("dd.MM.uuuu").format(date) : "";
	}

	/**
	 * What the citizen typed on the profile page.
	 *
	 * @param givenName given name
	 * @param familyName family name
	 * @param dateOfBirth date of birth as typed, may be empty
	 * @param street street and house number
	 * @param postcode postcode
	 * @param city city
	 * @param phone phone number
	 * @param preferredLanguage {@code de} or {@code en}
	 * @param homeMunicipality slug of the municipality chosen when the postcode spans
	 * several, else empty
	 */
	public record ProfileChange(String givenName, String familyName, String dateOfBirth, String street, String postcode,
			String city, String phone, String preferredLanguage, String homeMunicipality) {
	}

}
