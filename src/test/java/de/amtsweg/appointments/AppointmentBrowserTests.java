package de.amtsweg.appointments;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.appointments.internal.Calendars;
import de.amtsweg.appointments.internal.SlotFinder;
import de.amtsweg.catalog.Location;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.support.BrowserTest;
import de.amtsweg.support.TestMailServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen books in a real browser (the page's script solves the proof-of-work),
 * confirms by the mailed link, gets the .ics file and the check-in QR code, cancels by
 * the signed link and the slot is free again; without JavaScript the booking still works
 * (under the stricter limit for clients without proof). Staff and admin pages pass axe.
 */
class AppointmentBrowserTests extends BrowserTest {

	private static final DateTimeFormatter ICS_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	@Autowired
	Municipalities municipalities;

	@Autowired
	OrgUnits orgUnits;

	@Autowired
	ServiceCatalog catalog;

	@Autowired
	Calendars calendars;

	@Autowired
	SlotFinder slots;

	@Autowired
	JdbcClient jdbc;

	@Test
	void bookConfirmGetCalendarFileAndQrCodeThenCancelByTheLinkFreesTheSlot() {
		AppointmentsTestSupport.TestCalendar test = AppointmentsTestSupport.calendar(this.municipalities, this.orgUnits,
				this.catalog, this.calendars, this.slots, 1, 15);
		String email = "browser-termin-" + UUID.randomUUID() + "@example.org";
		open("/gemeinde/musterstadt");
		open("/termine");
		assertAccessibleOnDesktopAndPhone();
		String serviceBox = "input[name=dienst][value='" + test.serviceId() + "']";
		click(serviceBox);
		submitFormWith(serviceBox);
		assertThat(path()).startsWith("/termine/zeiten");
		assertAccessibleOnDesktopAndPhone();
		String slotLink = find("a.slot").getDomAttribute("href");
		String beginn = slotLink.substring(slotLink.indexOf("beginn=") + "beginn=".length());
		LocalDateTime start = LocalDateTime.parse(beginn);
		follow("a.slot");
		assertThat(path()).startsWith("/termine/angaben");
		assertAccessibleOnDesktopAndPhone();

		type("#name", "Erika Browser");
		type("#email", email);
		waitForNextPage(() -> click("form[data-proof-of-work] button[type=submit]"));
		assertThat(path()).isEqualTo("/termine/vorgemerkt");
		assertAccessibleOnDesktopAndPhone();
		assertThat(this.jdbc.sql("select count(*) from appointment where email = :e")
			.param("e", email)
			.query(Long.class)
			.single()).as("booked with the proof the page's script solved").isOne();

		open(TestMailServer.awaitMail(email, "bestätigen").link(baseUrl() + "/termine/bestaetigen/"));
		assertAccessibleOnDesktopAndPhone();
		submit(confirmAction());
		assertThat(path()).startsWith("/termine/verwalten/");
		assertAccessibleOnDesktopAndPhone();
		String code = find("#check-in-code").getText();
		assertThat(code).hasSize(6);
		assertThat(find("img.check-in-qr").getDomAttribute("alt")).contains(code);
		assertThat((Boolean) script("return arguments[0].complete && arguments[0].naturalWidth > 0;",
				find("img.check-in-qr")))
			.as("the QR code image loads")
			.isTrue();

		TestMailServer.ReceivedMail confirmation = TestMailServer.awaitMail(email, "Terminbestätigung");
		var attachments = TestMailServer.awaitAttachments(email, "Terminbestätigung");
		assertThat(attachments).anySatisfy((a) -> {
			assertThat(a.fileName()).endsWith(".png");
			assertThat(a.contentType()).isEqualTo("image/png");
		});
		String ics = attachments.stream()
			.filter((a) -> a.fileName().equals("termin.ics"))
			.findFirst()
			.orElseThrow()
			.text();
		Map<String, String> event = properties(ics);
		Location location = this.catalog.location(test.municipality().id(), test.calendar().locationId()).orElseThrow();
		var startsAt = start.atZone(ZoneId.of("Europe/Berlin")).toInstant();
		assertThat(event.get("DTSTART")).isEqualTo(ICS_TIME.format(startsAt));
		assertThat(event.get("DTEND")).isEqualTo(ICS_TIME.format(startsAt.plus(Duration.ofMinutes(15))));
		assertThat(event.get("LOCATION"))
			.isEqualTo((location.name() + ", " + location.street() + ", " + location.postcode() + " " + location.city())
				.replace(",", "\\,"));
		assertThat(event.get("STATUS")).isEqualTo("CONFIRMED");
		assertThat(confirmation.body()).contains(code);

		open(confirmation.link(baseUrl() + "/termine/verwalten/"));
		String manage = path();
		submit(manage.substring(0, manage.indexOf('?')) + "/absagen");
		assertThat(find("#termin-stand").getText()).isEqualTo("abgesagt");
		assertAccessible();
		TestMailServer.awaitMail(email, "abgesagt");
		open("/termine/zeiten?kalender=" + test.calendar().id() + "&dienst=" + test.serviceId() + "&personen=1&tag="
				+ start.toLocalDate());
		assertThat(findAll("a.slot")).as("the cancelled slot is offered again")
			.anySatisfy((a) -> assertThat(a.getDomAttribute("href")).endsWith("beginn=" + beginn));
	}

	@Test
	void withoutJavaScriptTheBookingIsSentWithoutProofAndStillHeld() {
		AppointmentsTestSupport.TestCalendar test = AppointmentsTestSupport.calendar(this.municipalities, this.orgUnits,
				this.catalog, this.calendars, this.slots, 1, 15);
		SlotFinder.Slot slot = test.firstDay().get(0);
		String email = "ohne-js-" + UUID.randomUUID() + "@example.org";
		open("/gemeinde/musterstadt");
		openWithoutJavaScript("/termine/angaben?kalender=" + test.calendar().id() + "&dienst=" + test.serviceId()
				+ "&personen=1&beginn=" + slot.local());
		assertThat(pageScriptsRan()).isFalse();
		assertAccessible();
		type("#name", "Otto Ohnescript");
		type("#email", email);
		submit("/termine/buchen");
		assertThat(path()).isEqualTo("/termine/vorgemerkt");
		assertThat(TestMailServer.awaitMail(email, "bestätigen").body()).contains("/termine/bestaetigen/");
	}

	@Test
	void theStaffAndAdminPagesOfAppointmentsAreAccessible() {
		AppointmentsTestSupport.TestCalendar test = AppointmentsTestSupport.calendar(this.municipalities, this.orgUnits,
				this.catalog, this.calendars, this.slots, 2, 15);
		String day = test.free().keySet().iterator().next().toString();
		signInAsStaff("admin@musterstadt.example");
		String admin = "/intern/admin/termine";
		String staff = "/intern/termine/" + test.calendar().id();
		for (String page : new String[] { admin, admin + "/neu", admin + "/" + test.calendar().id(),
				admin + "/" + test.calendar().id() + "/schalter/neu",
				admin + "/" + test.calendar().id() + "/dienste/neu",
				admin + "/" + test.calendar().id() + "/dienste/" + test.serviceId(),
				admin + "/" + test.calendar().id() + "/sperrzeiten/neu", "/intern/termine", staff + "?tag=" + day,
				staff + "/woche?tag=" + day, staff + "/buchen?tag=" + day, staff + "/sperren",
				staff + "/statistik?von=" + day + "&bis=" + day }) {
			open(page);
			assertThat(title()).as(page).doesNotContain("Fehler").doesNotContain("nicht gefunden");
			assertAccessibleOnDesktopAndPhone();
		}
	}

	/** The action path of the only POST form on the confirmation page. */
	private String confirmAction() {
		return java.net.URI.create(find("form[method=post]").getDomProperty("action")).getPath();
	}

	/** The properties of the first VEVENT, lines unfolded. */
	private static Map<String, String> properties(String ics) {
		String unfolded = ics.replace("\r\n ", "");
		String event = unfolded.substring(unfolded.indexOf("BEGIN:VEVENT"), unfolded.indexOf("END:VEVENT"));
		Map<String, String> properties = new HashMap<>();
		for (String line : event.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				properties.putIfAbsent(line.substring(0, colon), line.substring(colon + 1));
			}
		}
		return properties;
	}

}
