package de.amtsweg.platform;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import de.amtsweg.platform.internal.MunicipalityRepository;
import de.amtsweg.platform.internal.MunicipalityRepository.MunicipalityRow;
import de.amtsweg.platform.internal.MunicipalityRepository.StoredLogo;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipalities this installation serves, and their districts.
 */
@Service
public class Municipalities {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern POSTCODE = Pattern.compile("[0-9]{5}");

	private static final Pattern HOST_NAME = Pattern
		.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern WEBSITE = Pattern.compile("https?://[^\\s/]+\\.[^\\s]+");

	private static final Set<String> LOGO_TYPES = Set.of("image/png", "image/svg+xml", "image/jpeg");

	private static final int MAX_LOGO_BYTES = 512 * 1024;

	private final MunicipalityRepository repository;

	private final AuditLog auditLog;

	public Municipalities(MunicipalityRepository repository, AuditLog auditLog) {
		this.repository = repository;
		this.auditLog = auditLog;
	}

	public List<Municipality> all() {
		return this.repository.findAll();
	}

	public Optional<Municipality> byId(UUID id) {
		return this.repository.findById(id);
	}

	public Municipality get(UUID id) {
		return byId(id).orElseThrow(() -> new NotFoundException("Municipality " + id));
	}

	public Optional<Municipality> bySlug(String slug) {
		return this.repository.findBySlug(slug);
	}

	public Optional<Municipality> byHostName(String hostName) {
		return this.repository.findByHostName(hostName);
	}

	/**
	 * The municipalities whose territory has this postcode (a postcode can span several).
	 */
	public List<Municipality> byPostcode(String postcode) {
		return this.repository.findByPostcode(postcode.trim());
	}

	public List<District> districts() {
		return this.repository.findDistricts();
	}

	public Optional<District> district(UUID id) {
		return districts().stream().filter((district) -> district.id().equals(id)).findFirst();
	}

	@Transactional
	public UUID createDistrict(String slug, String name, State state) {
		return createDistrict(slug, name, state.name());
	}

	/** Creates a district as typed on a page: the state by its code, e.g. {@code NI}. */
	@Transactional
	public UUID createDistrict(String slug, String name, String stateCode) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (name.isBlank()) {
			problems.add("name", "district.name.required");
		}
		String normalisedSlug = slug.trim().toLowerCase(Locale.ROOT);
		if (!SLUG.matcher(normalisedSlug).matches()) {
			problems.add("slug", "district.slug.invalid");
		}
		Optional<State> state = State.fromCode(stateCode.trim());
		if (state.isEmpty()) {
			problems.add("state", "municipality.state.required");
		}
		problems.throwIfAny();
		try {
			UUID id = this.repository.insertDistrict(normalisedSlug, name.trim(), state.orElseThrow());
			this.auditLog.record("district.created", "district", id.toString(), null, name.trim());
			return id;
		}
		catch (DuplicateKeyException ex) {
			throw InvalidInputException.of("slug", "district.slug.taken");
		}
	}

	@Transactional
	public UUID create(MunicipalityDetails details) {
		MunicipalityRow row = validate(details);
		try {
			UUID id = this.repository.insert(row);
			this.repository.replaceOpeningHours(id, details.openingHours());
			this.auditLog.record("municipality.created", "municipality", id.toString(), id, row.name());
			return id;
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(ex);
		}
	}

	@Transactional
	public void update(UUID id, MunicipalityDetails details) {
		MunicipalityRow row = validate(details);
		try {
			if (!this.repository.update(id, row)) {
				throw new NotFoundException("Municipality " + id);
			}
			this.repository.replaceOpeningHours(id, details.openingHours());
			this.auditLog.record("municipality.updated", "municipality", id.toString(), id, row.name());
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(ex);
		}
	}

	/** Stores the logo shown in the page header; PNG, JPEG or SVG up to 512 KiB. */
	@Transactional
	public void changeLogo(UUID id, byte[] content) {
		String type = LogoType.sniff(content);
		if (type == null || !LOGO_TYPES.contains(type)) {
			throw InvalidInputException.of("logo", "municipality.logo.type");
		}
		if (content.length > MAX_LOGO_BYTES) {
			throw InvalidInputException.of("logo", "municipality.logo.size", MAX_LOGO_BYTES / 1024);
		}
		get(id);
		this.repository.updateLogo(id, content, type);
		this.auditLog.record("municipality.logo.changed", "municipality", id.toString(), id, type);
	}

	@Transactional
	public void removeLogo(UUID id) {
		get(id);
		this.repository.updateLogo(id, null, null);
		this.auditLog.record("municipality.logo.removed", "municipality", id.toString(), id, "");
	}

	public Optional<Logo> logo(UUID id) {
		return this.repository.findLogo(id).map((StoredLogo logo) -> new Logo(logo.content(), logo.contentType()));
	}

	/**
	 * Checks the details as {@link #create} and {@link #update} would, without saving
	 * them, so a page can show every problem at once.
	 * @throws InvalidInputException listing every problem
	 */
	public void check(MunicipalityDetails details) {
		validate(details);
	}

	/** Checks every field, in the order an admin page shows them. */
	private MunicipalityRow validate(MunicipalityDetails details) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (details.name().isBlank()) {
			problems.add("name", "municipality.name.required");
		}
		String slug = details.slug().trim().toLowerCase(Locale.ROOT);
		if (!SLUG.matcher(slug).matches()) {
			problems.add("slug", "municipality.slug.invalid");
		}
		Optional<State> state = State.fromCode(details.state().trim());
		String ags = details.ags().replace(" ", "");
		Optional<String> agsProblem = Ags.problem(ags);
		if (agsProblem.isPresent()) {
			problems.add("ags", agsProblem.get());
		}
		else if (state.isPresent() && !ags.startsWith(state.get().agsPrefix())) {
			problems.add("ags", "ags.invalid.stateMismatch", state.get().germanName(), state.get().agsPrefix());
		}
		if (state.isEmpty()) {
			problems.add("state", "municipality.state.required");
		}
		if (details.districtId() != null && district(details.districtId()).isEmpty()) {
			problems.add("districtId", "municipality.district.unknown");
		}
		String postcode = details.address().postcode().trim();
		if (!postcode.isEmpty() && !POSTCODE.matcher(postcode).matches()) {
			problems.add("postcode", "municipality.postcode.invalid");
		}
		String email = details.contact().email().trim();
		if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
			problems.add("email", "municipality.email.invalid");
		}
		String website = details.contact().website().trim();
		if (!website.isEmpty() && !WEBSITE.matcher(website).matches()) {
			problems.add("website", "municipality.website.invalid");
		}
		List<String> hostNames = details.hostNames()
			.stream()
			.map((host) -> host.trim().toLowerCase(Locale.ROOT))
			.filter((host) -> !host.isEmpty())
			.distinct()
			.toList();
		if (hostNames.stream().anyMatch((host) -> !HOST_NAME.matcher(host).matches())) {
			problems.add("hostNames", "municipality.hostNames.invalid");
		}
		List<String> postcodes = details.postcodes()
			.stream()
			.map(String::trim)
			.filter((code) -> !code.isEmpty())
			.distinct()
			.toList();
		if (postcodes.stream().anyMatch((code) -> !POSTCODE.matcher(code).matches())) {
			problems.add("postcodes", "municipality.postcodes.invalid");
		}
		if (overlapping(details.openingHours())) {
			problems.add("openingHours", "municipality.openingHours.overlap");
		}
		problems.throwIfAny();
		return new MunicipalityRow(slug, details.name().trim(), ags, state.orElseThrow(), details.districtId(),
				details.address().street().trim(), postcode, details.address().city().trim(),
				details.contact().phone().trim(), email, website, hostNames, postcodes);
	}

	/** Whether two periods of the same day overlap (touching is fine). */
	static boolean overlapping(List<OpeningPeriod> periods) {
		List<OpeningPeriod> sorted = periods.stream()
			.sorted(Comparator.comparing(OpeningPeriod::day).thenComparing(OpeningPeriod::opens))
			.toList();
		for (int i = 1; i < sorted.size(); i++) {
			OpeningPeriod before = sorted.get(i - 1);
			OpeningPeriod period = sorted.get(i);
			if (before.day() == period.day() && period.opens().isBefore(before.closes())) {
				return true;
			}
		}
		return false;
	}

	private static InvalidInputException duplicate(DuplicateKeyException ex) {
		String message = String.valueOf(ex.getMessage());
		if (message.contains("ags")) {
			return InvalidInputException.of("ags", "municipality.ags.taken");
		}
		return InvalidInputException.of("slug", "municipality.slug.taken");
	}

	/**
	 * A logo.
	 *
	 * @param content the image bytes
	 * @param contentType its media type
	 */
	public record Logo(byte[] content, String contentType) {
	}

}
