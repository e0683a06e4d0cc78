package de.amtsweg.platform.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import de.amtsweg.accounts.StaffRole;
import de.amtsweg.accounts.internal.StaffAccountRepository;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.MunicipalityDetails;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.TestMailServer;
import de.amtsweg.support.WebSession;
import org.jsoup.nodes.Element;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the admin tests share. They work on data of their own, so that they change nothing
 * the other tests see: a fresh municipality with an org unit, its admin and staff with
 * the demo password.
 */
public abstract class AdminTestSupport extends IntegrationTest {

	public static final String CLERK = "buergerbuero@musterstadt.example";

	public static final String MUSTERSTADT_ADMIN = "admin@musterstadt.example";

	public static final String PORTAL_ADMIN = "betrieb@musterkreis.example";

	private static String passwordHash;

	@Autowired
	protected AuditLog auditLog;

	@Autowired
	protected Municipalities municipalities;

	@Autowired
	protected OrgUnits orgUnits;

	@Autowired
	protected StaffAccountRepository staffRepository;

	@Autowired
	protected PasswordEncoder passwordEncoder;

	/** A new municipality in Lower Saxony with the org unit "Bürgerbüro". */
	protected Municipality newMunicipality() {
		while (true) {
			String digits = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
			MunicipalityDetails details = new MunicipalityDetails("testort-" + digits, "Gemeinde Testort " + digits,
					"037" + digits.substring(1), "NI", null, new Municipality.Address("Am Markt 1", "31990", "Testort"),
					new Municipality.Contact("05990 1-0", "rathaus@testort.example", "https://www.testort.example"),
					List.of(), List.of("31990"), List.of());
			try {
				UUID id = SystemActor.call(() -> this.municipalities.create(details));
				SystemActor.run(() -> this.orgUnits.create(id, "buergerbuero", "Bürgerbüro", "", ""));
				return this.municipalities.get(id);
			}
			catch (InvalidInputException taken) {
				// an earlier test's municipality has this key: draw again
			}
		}
	}

	/** A new admin of the municipality with the demo password; returns their address. */
	protected String newAdmin(UUID municipalityId) {
		String email = uniqueEmail("admin");
		UUID id = this.staffRepository.insert(municipalityId, email, "Ada", "Admin", passwordHash());
		this.staffRepository.grant(id, StaffRole.ADMIN, null);
		return email;
	}

	/** A new staff member with one role and the demo password; returns their address. */
	protected String newStaffMember(UUID municipalityId, StaffRole role, UUID orgUnitId) {
		String email = uniqueEmail("staff");
		UUID id = this.staffRepository.insert(municipalityId, email, "Sam", "Test", passwordHash());
		this.staffRepository.grant(id, role, orgUnitId);
		return email;
	}

	protected UUID staffId(String email) {
		return this.staffRepository.findByEmail(email).orElseThrow().staffId();
	}

	protected UUID orgUnit(Municipality municipality, String key) {
		return this.orgUnits.byKey(municipality.id(), key).orElseThrow().id();
	}

	protected Municipality musterstadt() {
		return this.municipalities.bySlug("musterstadt").orElseThrow();
	}

	/** A new session signed in as the staff member. */
	protected WebSession signedIn(String email) {
		WebSession session = newSession();
		WebSession.Page result = tryToSignIn(session, email, DemoData.PASSWORD);
		assertThat(result.location()).as("where the sign-in of %s leads", email)
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/intern"));
		return session;
	}

	public static String uniqueEmail(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
	}

	/** Submits the staff sign-in form and returns the answer, a redirect. */
	public static WebSession.Page tryToSignIn(WebSession session, String email, String password) {
		session.get("/intern/anmelden");
		return session.submit("/intern/anmelden", Map.of("email", email, "passwort", password));
	}

	/**
	 * Every field of the page's POST form with the action as a browser would send it:
	 * inputs with their values, the chosen option of each select, the ticked boxes.
	 */
	public static Map<String, String> fieldsOf(WebSession.Page page, String action) {
		Element form = page.document()
			.select("form[method=post]")
			.stream()
			.filter((candidate) -> action.equals(candidate.attr("action")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No form with action " + action));
		Map<String, String> fields = new LinkedHashMap<>();
		for (Element input : form.select("input[name]")) {
			String type = input.attr("type");
			if (("checkbox".equals(type) || "radio".equals(type)) && !input.hasAttr("checked")) {
				continue;
			}
			if (!"file".equals(type)) {
				fields.put(input.attr("name"), input.attr("value"));
			}
		}
		for (Element select : form.select("select[name]")) {
			Element chosen = select.selectFirst("option[selected]");
			fields.put(select.attr("name"), (chosen != null) ? chosen.attr("value") : "");
		}
		return fields;
	}

	/** Waits for the mail and returns its text. */
	public static String mailText(String to, String subjectContains) {
		return TestMailServer.awaitMail(to, subjectContains).body();
	}

	/** The first link in the latest such mail that starts with the address. */
	public static String linkInMail(String to, String subjectContains, String prefix) {
		return TestMailServer.awaitLatestMail(to, subjectContains).link(prefix);
	}

	/** The error summary's links as "target → text". */
	public static List<String> errorSummary(WebSession.Page page) {
		return page.document()
			.select(".error-summary a")
			.stream()
			.map((link) -> link.attr("href") + " → " + link.text())
			.toList();
	}

	private String passwordHash() {
		synchronized (AdminTestSupport.class) {
			if (passwordHash == null) {
				passwordHash = this.passwordEncoder.encode(DemoData.PASSWORD);
			}
			return passwordHash;
		}
	}

}
