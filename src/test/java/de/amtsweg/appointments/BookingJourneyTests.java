package de.amtsweg.appointments;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.appointments.internal.Calendars;
import de.amtsweg.appointments.internal.SlotFinder;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.ProofOfWork;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.TestMailServer;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen books over real HTTP with a solved proof-of-work, confirms by the mail link,
 * gets the .ics file, and cancels by the link: the slot is free again.
 */
class BookingJourneyTests extends IntegrationTest {

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

	@Test
	void bookConfirmByMailGetCalendarFileAndCancelByLinkFreesTheSlot() throws Exception {
		AppointmentsTestSupport.TestCalendar test = AppointmentsTestSupport.calendar(this.municipalities, this.orgUnits,
				this.catalog, this.calendars, this.slots, 1, 15);
		SlotFinder.Slot slot = test.firstDay().get(0);
		String email = "termin-" + UUID.randomUUID() + "@example.org";
		WebSession session = newSession();
		session.open("/gemeinde/musterstadt");
		String query = "?kalender=" + test.calendar().id() + "&dienst=" + test.serviceId() + "&personen=1";
		WebSession.Page times = session.open("/termine/zeiten" + query + "&tag=" + slot.local().toLocalDate());
		assertThat(times.status()).isEqualTo(200);
		assertThat(times.body()).contains("beginn=" + slot.local());
		WebSession.Page details = session.open("/termine/angaben" + query + "&beginn=" + slot.local());
		assertThat(details.status()).isEqualTo(200);
		String challenge = details.document().selectFirst("input[name=powChallenge]").attr("value");
		int difficulty = Integer
			.parseInt(details.document().selectFirst("form[data-proof-of-work]").attr("data-proof-of-work"));
		String solution = ProofOfWork.solve(new ProofOfWork.Challenge(challenge, difficulty));
		WebSession.Page held = session.submit("/termine/buchen",
				Map.of("name", "Erika Mustermann", "email", email, "powSolution", solution));
		assertThat(held.location().orElseThrow()).endsWith("/termine/vorgemerkt");
		// the same form sent again (double click) books nothing new
		WebSession.Page again = session.post("/termine/buchen",
				Map.of("_csrf", session.csrfToken(), "kalender", test.calendar().id().toString(), "dienst",
						test.serviceId().toString(), "personen", "1", "beginn", slot.local().toString(), "name",
						"Erika Mustermann", "email", email, "schluessel",
						details.document().selectFirst("input[name=schluessel]").attr("value")));
		assertThat(again.location().orElseThrow()).endsWith("/termine/vorgemerkt");

		String confirmLink = TestMailServer.awaitMail(email, "bestätigen").link(baseUrl() + "/termine/bestaetigen/");
		WebSession.Page confirmPage = session.open(confirmLink);
		assertThat(confirmPage.status()).isEqualTo(200);
		WebSession.Page confirmed = session.submit(confirmPage.document().selectFirst("form").attr("action"), Map.of());
		assertThat(confirmed.location()).hasValueSatisfying((l) -> assertThat(l).contains("/termine/verwalten/"));

		TestMailServer.ReceivedMail confirmation = TestMailServer.awaitMail(email, "Terminbestätigung");
		TestMailServer.Attachment file = TestMailServer.awaitAttachments(email, "Terminbestätigung")
			.stream()
			.filter((a) -> a.fileName().equals("termin.ics"))
			.findFirst()
			.orElseThrow();
		assertThat(file.contentType()).isEqualTo("text/calendar");
		String ics = file.text();
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("BEGIN:VEVENT").contains("END:VCALENDAR");
		assertThat(ics).contains("DTSTART:" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
			.withZone(java.time.ZoneOffset.UTC)
			.format(slot.start()));
		String manageLink = confirmation.link(baseUrl() + "/termine/verwalten/");
		WebSession.Page manage = session.open(manageLink);
		assertThat(manage.document().selectFirst("#check-in-code").text()).hasSize(6);
		assertThat(session.open("/termine/zeiten" + query + "&tag=" + slot.local().toLocalDate()).body())
			.doesNotContain("beginn=" + slot.local() + "\"");

		manage = session.open(manageLink);
		WebSession.Page cancelled = session.submit(manage.document().select("form").last().attr("action"), Map.of());
		assertThat(cancelled.isRedirect()).isTrue();
		assertThat(session.open(manageLink).document().selectFirst("#termin-stand").text()).isEqualTo("abgesagt");
		assertThat(session.open("/termine/zeiten" + query + "&tag=" + slot.local().toLocalDate()).body())
			.contains("beginn=" + slot.local());
		TestMailServer.awaitMail(email, "abgesagt");
	}

	@Test
	void aManageLinkWithAWrongSignatureShowsNothing() {
		WebSession session = newSession();
		assertThat(session.get("/termine/verwalten/" + UUID.randomUUID() + "?s=forged").status()).isEqualTo(404);
	}

}
