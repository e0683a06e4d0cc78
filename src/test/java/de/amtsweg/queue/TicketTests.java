package de.amtsweg.queue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.amtsweg.catalog.CatalogAdministration;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.queue.QueueFixtures.Office;
import de.amtsweg.queue.internal.QueueSetup;
import de.amtsweg.queue.internal.Ticket;
import de.amtsweg.queue.internal.TicketLine;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.TestMailServer;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drawing tickets at the kiosk, checking in with an appointment, the ticket page and the
 * "nearly your turn" e-mail.
 */
class TicketTests extends IntegrationTest {

	@Autowired
	Municipalities municipalities;

	@Autowired
	CatalogAdministration catalog;

	@Autowired
	QueueSetup setup;

	@Autowired
	TicketLine line;

	@Autowired
	JdbcClient jdbc;

	private Office office;

	@BeforeEach
	void office() {
		this.office = QueueFixtures.office(this.municipalities, this.catalog, this.setup);
	}

	@Test
	void theKioskOffersTheGroupsOfItsLocationWithoutSignIn() {
		WebSession.Page kiosk = newSession().get(this.office.kioskPath());
		assertThat(kiosk.status()).isEqualTo(200);
		assertThat(kiosk.document().select("button[name=group]").eachText()).containsExactly("A Ausweise und Pässe",
				"M Meldewesen");
	}

	@Test
	void anUnknownKioskOrBoardTokenIsNotFound() {
		WebSession visitor = newSession();
		assertThat(visitor.get("/aufruf/kiosk/nichts-dergleichen-0123456789").status()).isEqualTo(404);
		assertThat(visitor.get("/aufruf/anzeige/nichts-dergleichen-0123456789").status()).isEqualTo(404);
		// a board's token does not open a kiosk
		assertThat(visitor.get("/aufruf/kiosk/" + this.office.board().token()).status()).isEqualTo(404);
		assertThat(visitor.get("/aufruf/wartemarke/nichts-dergleichen-0123456789").status()).isEqualTo(404);
	}

	@Test
	void ticketsAreNumberedPerGroupWithTheGroupsPrefix() {
		WebSession visitor = newSession();
		String first = QueueFixtures.draw(visitor, this.office, this.office.ids());
		String second = QueueFixtures.draw(visitor, this.office, this.office.ids());
		String other = QueueFixtures.draw(visitor, this.office, this.office.registration());
		assertThat(visitor.get(first).document().select(".ticket__number").text()).isEqualTo("A001");
		assertThat(visitor.get(second).document().select(".ticket__number").text()).isEqualTo("A002");
		assertThat(visitor.get(other).document().select(".ticket__number").text()).isEqualTo("M001");
	}

	@Test
	void aResubmittedKioskFormNeverIssuesASecondTicket() {
		WebSession visitor = newSession();
		visitor.get(this.office.kioskPath());
		Map<String, String> choice = Map.of("group", this.office.ids().toString());
		WebSession.Page first = visitor.submit(this.office.kioskPath(), choice);
		WebSession.Page again = visitor.submit(this.office.kioskPath(), choice);
		assertThat(first.location()).isPresent();
		assertThat(again.location()).isEqualTo(first.location());
		assertThat(ticketsAt(this.office)).isEqualTo(1);
	}

	@Test
	void aDoubleClickSentTwentyTimesAtOnceIssuesOneTicket() throws Exception {
		WebSession visitor = newSession();
		visitor.get(this.office.kioskPath());
		String csrf = visitor.csrfToken();
		String requestKey = visitor.get(this.office.kioskPath()).document().select("input[name=requestKey]").val();
		Map<String, String> fields = Map.of("_csrf", visitor.csrfToken(), "requestKey", requestKey, "group",
				this.office.ids().toString());
		assertThat(csrf).isNotEmpty();
		List<Callable<String>> clicks = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		for (int i = 0; i < 20; i++) {
			clicks.add(() -> {
				start.await();
				return visitor.post(this.office.kioskPath(), fields).location().orElse("none");
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Future<String>> results = new ArrayList<>();
			for (Callable<String> click : clicks) {
				results.add(pool.submit(click));
			}
			start.countDown();
			List<String> locations = new ArrayList<>();
			for (Future<String> result : results) {
				locations.add(result.get());
			}
			assertThat(locations).allMatch((location) -> location.contains("/wartemarke/"));
			assertThat(locations.stream().distinct()).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(ticketsAt(this.office)).isEqualTo(1);
	}

	@Test
	void theTicketPageShowsThePlaceAndTheEstimatedWait() {
		WebSession visitor = newSession();
		for (int i = 0; i < 3; i++) {
			QueueFixtures.draw(newSession(), this.office, this.office.ids());
		}
		String kioskTicket = QueueFixtures.draw(visitor, this.office, this.office.ids());
		String phonePath = visitor.get(kioskTicket).document().select(".kiosk__url a").attr("href");
		assertThat(phonePath).startsWith("/aufruf/wartemarke/");
		WebSession.Page page = newSession().get(phonePath);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select(".ticket__number").text()).isEqualTo("A004");
		// three ahead, 10 minutes assumed, no counter open: 4 × 10 minutes
		assertThat(page.mainText()).contains("Vor Ihnen: 3.").contains("etwa 40 Minuten");
	}

	@Test
	void theKioskTicketShowsAQrCodeOfTheTicketPageForThePhone() {
		WebSession visitor = newSession();
		String kioskTicket = QueueFixtures.draw(visitor, this.office, this.office.ids());
		WebSession.Page page = visitor.get(kioskTicket);
		String phonePath = page.document().select(".kiosk__url a").attr("href");
		String qrPath = page.document().select("img.ticket__qr").attr("src");
		assertThat(qrPath).endsWith("/qr.svg");
		assertThat(kioskTicket).endsWith(qrPath.substring(0, qrPath.length() - "/qr.svg".length()));
		assertThat(page.document().select("img.ticket__qr").attr("alt")).isNotBlank();
		HttpResponse<byte[]> qr = visitor.download(qrPath);
		assertThat(qr.statusCode()).isEqualTo(200);
		assertThat(qr.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
		assertThat(new String(qr.body(), StandardCharsets.UTF_8)).contains("<svg", "<path d=\"M");
		assertThat(phonePath).startsWith("/aufruf/wartemarke/");
		String otherTicket = phonePath.substring(phonePath.lastIndexOf('/') + 1);
		assertThat(visitor.download(this.office.kioskPath() + "/wartemarke/" + otherTicket + "x/qr.svg").statusCode())
			.isEqualTo(404);
	}

	@Test
	void theNearlyYourTurnMailGoesOutOnceWhenTheLineMoves() {
		String email = "wartend-" + UUID.randomUUID() + "@example.org";
		for (int i = 0; i < 4; i++) {
			QueueFixtures.draw(newSession(), this.office, this.office.registration());
		}
		WebSession visitor = newSession();
		String phonePath = visitor.get(QueueFixtures.draw(visitor, this.office, this.office.registration()))
			.document()
			.select(".kiosk__url a")
			.attr("href");
		visitor.get(phonePath);
		WebSession.Page saved = visitor.submit(phonePath + "/email", Map.of("email", email));
		assertThat(saved.isRedirect()).isTrue();
		assertThat(visitor.get(phonePath).mainText()).contains("Wir schreiben Ihnen");

		WebSession clerk = QueueFixtures.staff(newSession(), QueueFixtures.CLERK);
		String desk = "/intern/aufruf/schalter/" + this.office.counter3();
		clerk.get("/intern/aufruf");
		clerk.submit(desk + "/oeffnen", Map.of());
		try {
			clerk.get(desk);
			// four ahead: after two calls two are ahead, which is near enough
			clerk.submit(desk + "/naechste", Map.of());
			clerk.get(desk);
			clerk.submit(desk + "/naechste", Map.of());
			TestMailServer.ReceivedMail mail = TestMailServer.awaitMail(email, "bald an der Reihe");
			assertThat(mail.body()).contains("M005").contains(phonePath);
			clerk.get(desk);
			clerk.submit(desk + "/naechste", Map.of());
			clerk.get(desk);
			clerk.submit(desk + "/naechste", Map.of());
			TestMailServer.awaitMailCount(email, "bald an der Reihe", 1);
		}
		finally {
			clerk.get(desk);
			clerk.submit(desk + "/schliessen", Map.of());
		}
	}

	@Test
	void aWrongEmailAddressIsExplainedAndKept() {
		WebSession visitor = newSession();
		String phonePath = visitor.get(QueueFixtures.draw(visitor, this.office, this.office.ids()))
			.document()
			.select(".kiosk__url a")
			.attr("href");
		visitor.get(phonePath);
		WebSession.Page page = visitor.submit(phonePath + "/email", Map.of("email", "kein-at-zeichen"));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.title()).startsWith("Fehler: ");
		assertThat(page.document().select(".error-summary a").text())
			.isEqualTo("Geben Sie eine E-Mail-Adresse im Format name@beispiel.de ein.");
		assertThat(page.document().select("#email").val()).isEqualTo("kein-at-zeichen");
	}

	@Test
	void anAppointmentHolderChecksInOnceAndGoesFirstAtTheirTime() {
		Book book = new Book();
		TicketLine withAppointments = this.line.withAppointments(List.of(book));
		QueueFixtures.draw(newSession(), this.office, this.office.ids());
		LocalDateTime due = LocalDateTime.now(this.clock).minusMinutes(1);
		UUID appointment = book.add("T-" + UUID.randomUUID(), this.office.locationId(), "Personalausweis beantragen",
				due);
		String code = book.codeOf(appointment);

		TicketLine.CheckIn first = withAppointments.checkIn(this.office.kiosk(), code, UUID.randomUUID().toString());
		TicketLine.CheckIn second = withAppointments.checkIn(this.office.kiosk(), code, UUID.randomUUID().toString());

		assertThat(first).isInstanceOfSatisfying(TicketLine.CheckedIn.class, (checkedIn) -> {
			assertThat(checkedIn.ticket().displayNumber()).isEqualTo("A002");
			assertThat(checkedIn.ticket().appointmentId()).isEqualTo(appointment);
			// the walk-in came first, but the appointment is due
			TicketLine.Place place = this.line.place(checkedIn.ticket());
			assertThat(place.ahead()).isZero();
		});
		assertThat(second).isInstanceOfSatisfying(TicketLine.CheckedIn.class,
				(checkedIn) -> assertThat(checkedIn.ticket().id())
					.isEqualTo(((TicketLine.CheckedIn) first).ticket().id()));
		assertThat(book.arrived).containsExactly(appointment);
		assertThat(ticketsAt(this.office)).isEqualTo(2);
	}

	@Test
	void anEarlyAppointmentHolderWaitsBehindWalkInsUntilTheirTime() {
		Book book = new Book();
		UUID appointment = book.add("E-" + UUID.randomUUID(), this.office.locationId(), "Reisepass",
				LocalDateTime.now(this.clock).plusHours(2));
		QueueFixtures.draw(newSession(), this.office, this.office.ids());
		Ticket ticket = ((TicketLine.CheckedIn) this.line.withAppointments(List.of(book))
			.checkIn(this.office.kiosk(), book.codeOf(appointment), UUID.randomUUID().toString())).ticket();
		assertThat(this.line.place(ticket).ahead()).isEqualTo(1);
	}

	@Test
	void theKioskRefusesAnUnknownAppointmentCodeWithAReason() {
		WebSession visitor = newSession();
		visitor.get(this.office.kioskPath() + "/termin");
		WebSession.Page page = visitor.submit(this.office.kioskPath() + "/termin", Map.of("code", "GIBT-ES-NICHT"));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.title()).startsWith("Fehler: ");
		assertThat(page.document().select(".error-summary a").text()).contains("keinen Termin");
		assertThat(page.document().select("#code").val()).isEqualTo("GIBT-ES-NICHT");
	}

	private int ticketsAt(Office office) {
		return this.jdbc.sql("select count(*) from queue_ticket where location_id = :l")
			.param("l", office.locationId())
			.query(Integer.class)
			.single();
	}

	/** A small appointment book standing in for the appointments module. */
	static final class Book implements AppointmentCheckIns {

		private final Map<String, ScheduledVisit> visits = new HashMap<>();

		final List<UUID> arrived = new ArrayList<>();

		UUID add(String code, UUID locationId, String service, LocalDateTime start) {
			ScheduledVisit visit = new ScheduledVisit(UUID.randomUUID(), locationId, List.of(service), start, 1);
			this.visits.put(code, visit);
			return visit.appointmentId();
		}

		String codeOf(UUID appointmentId) {
			return this.visits.entrySet()
				.stream()
				.filter((entry) -> entry.getValue().appointmentId().equals(appointmentId))
				.findFirst()
				.orElseThrow()
				.getKey();
		}

		@Override
		public Optional<ScheduledVisit> find(UUID municipalityId, String code) {
			return Optional.ofNullable(this.visits.get(code));
		}

		@Override
		public void markArrived(UUID appointmentId) {
			this.arrived.add(appointmentId);
		}

	}

}
