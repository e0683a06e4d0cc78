package de.amtsweg.queue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.amtsweg.catalog.CatalogAdministration;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.queue.QueueFixtures.Office;
import de.amtsweg.queue.internal.Counter;
import de.amtsweg.queue.internal.CounterDesk;
import de.amtsweg.queue.internal.QueueSetup;
import de.amtsweg.queue.internal.Ticket;
import de.amtsweg.queue.internal.TicketLine;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clerk's counter: calling, recalling, finishing, transferring, and calling at once.
 */
class CounterTests extends IntegrationTest {

	@Autowired
	Municipalities municipalities;

	@Autowired
	CatalogAdministration catalog;

	@Autowired
	QueueSetup setup;

	@Autowired
	CounterDesk desk;

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
	void twoCountersCallingAtTheSameMomentNeverGetTheSameTicket() throws Exception {
		int tickets = 60;
		for (int i = 0; i < tickets; i++) {
			this.line.draw(this.office.kiosk(), this.office.ids(), UUID.randomUUID().toString());
		}
		UUID clerkOne = UUID.randomUUID();
		UUID clerkTwo = UUID.randomUUID();
		Counter one = counter(this.office.counter1());
		Counter two = counter(this.office.counter2());
		assertThat(this.desk.open(one, clerkOne, false)).isTrue();
		assertThat(this.desk.open(two, clerkTwo, false)).isTrue();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<List<UUID>> first = pool.submit(() -> callUntilEmpty(one, clerkOne, start));
			Future<List<UUID>> second = pool.submit(() -> callUntilEmpty(two, clerkTwo, start));
			start.countDown();
			List<UUID> calledByOne = first.get();
			List<UUID> calledByTwo = second.get();
			Set<UUID> all = new HashSet<>(calledByOne);
			all.addAll(calledByTwo);
			assertThat(calledByOne.size() + calledByTwo.size()).isEqualTo(tickets);
			assertThat(all).hasSize(tickets);
			// both really took part
			assertThat(calledByOne).isNotEmpty();
			assertThat(calledByTwo).isNotEmpty();
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.sql("select count(*) from queue_call where location_id = :l")
			.param("l", this.office.locationId())
			.query(Integer.class)
			.single()).isEqualTo(tickets);
	}

	private List<UUID> callUntilEmpty(Counter counter, UUID clerk, CountDownLatch start) throws InterruptedException {
		start.await();
		List<UUID> called = new ArrayList<>();
		Optional<Ticket> ticket;
		while ((ticket = this.desk.callNext(counter, clerk)).isPresent()) {
			called.add(ticket.get().id());
		}
		return called;
	}

	@Test
	void aClerkCallsRecallsAndFinishesTicketsAtTheirCounter() {
		QueueFixtures.draw(newSession(), this.office, this.office.ids());
		QueueFixtures.draw(newSession(), this.office, this.office.registration());
		QueueFixtures.draw(newSession(), this.office, this.office.ids());
		WebSession clerk = QueueFixtures.staff(newSession(), QueueFixtures.CLERK);
		String desk = "/intern/aufruf/schalter/" + this.office.counter1();
		try {
			clerk.get("/intern/aufruf");
			WebSession.Page opened = clerk.submit(desk + "/oeffnen", Map.of());
			assertThat(opened.location().orElseThrow()).endsWith(desk);
			WebSession.Page page = clerk.get(desk);
			assertThat(page.document().select("tbody th span:first-child").eachText()).containsExactly("A001", "M001",
					"A002");

			clerk.submit(desk + "/naechste", Map.of());
			page = clerk.get(desk);
			assertThat(page.document().select("#current-number").text()).isEqualTo("A001");

			clerk.submit(desk + "/erneut", Map.of());
			assertThat(callsOf("A001")).isEqualTo(2);

			// "call next" finishes the current ticket as done
			clerk.get(desk);
			clerk.submit(desk + "/naechste", Map.of());
			assertThat(statusOf("A001")).isEqualTo("DONE");
			assertThat(clerk.get(desk).document().select("#current-number").text()).isEqualTo("M001");

			clerk.submit(desk + "/nicht-erschienen", Map.of());
			assertThat(statusOf("M001")).isEqualTo("NO_SHOW");
			assertThat(clerk.get(desk).document().select("#current-number")).isEmpty();
		}
		finally {
			clerk.get(desk);
			clerk.submit(desk + "/schliessen", Map.of());
		}
	}

	@Test
	void aClerkCallsAChosenTicketOutOfTurn() {
		QueueFixtures.draw(newSession(), this.office, this.office.ids());
		QueueFixtures.draw(newSession(), this.office, this.office.ids());
		WebSession clerk = QueueFixtures.staff(newSession(), QueueFixtures.CLERK);
		String desk = "/intern/aufruf/schalter/" + this.office.counter2();
		try {
			clerk.get("/intern/aufruf");
			clerk.submit(desk + "/oeffnen", Map.of());
			WebSession.Page page = clerk.get(desk);
			String second = page.document().select("form[action*=/aufrufen/]").get(1).attr("action");
			clerk.submit(second, Map.of());
			assertThat(clerk.get(desk).document().select("#current-number").text()).isEqualTo("A002");
		}
		finally {
			clerk.get(desk);
			clerk.submit(desk + "/schliessen", Map.of());
		}
	}

	@Test
	void aTransferredTicketWaitsForTheOtherCounterOnly() {
		QueueFixtures.draw(newSession(), this.office, this.office.ids());
		QueueFixtures.draw(newSession(), this.office, this.office.registration());
		UUID clerk = UUID.randomUUID();
		UUID colleague = UUID.randomUUID();
		Counter first = counter(this.office.counter2());
		Counter third = counter(this.office.counter3());
		this.desk.open(first, clerk, false);
		this.desk.open(third, colleague, false);
		Ticket a001 = this.desk.callNext(first, clerk).orElseThrow();
		this.desk.transfer(first, clerk, "schalter:" + third.id());
		// counter 3 serves only M, but the transferred A001 goes before M001
		assertThat(this.desk.callNext(third, colleague))
			.hasValueSatisfying((ticket) -> assertThat(ticket.id()).isEqualTo(a001.id()));
		assertThat(this.desk.callNext(third, colleague))
			.hasValueSatisfying((ticket) -> assertThat(ticket.displayNumber()).isEqualTo("M001"));
	}

	@Test
	void aTicketTransferredToAnotherGroupJoinsThatLine() {
		QueueFixtures.draw(newSession(), this.office, this.office.ids());
		UUID clerk = UUID.randomUUID();
		Counter second = counter(this.office.counter2());
		Counter third = counter(this.office.counter3());
		this.desk.open(second, clerk, false);
		this.desk.open(third, UUID.randomUUID(), false);
		Ticket a001 = this.desk.callNext(second, clerk).orElseThrow();
		this.desk.transfer(second, clerk, "gruppe:" + this.office.registration());
		assertThat(this.desk.callNext(second, clerk)).isEmpty();
		assertThat(this.desk.view(third).waiting()).extracting(Ticket::id).containsExactly(a001.id());
	}

	@Test
	void someoneElsesOpenCounterIsTakenOverOnlyWhenAskedTo() {
		Counter counter = counter(this.office.counter1());
		UUID clerk = UUID.randomUUID();
		UUID colleague = UUID.randomUUID();
		assertThat(this.desk.open(counter, clerk, false)).isTrue();
		assertThat(this.desk.open(counter, colleague, false)).isFalse();
		assertThat(this.desk.open(counter, colleague, true)).isTrue();
		assertThat(counter(counter.id()).openedBy()).isEqualTo(colleague);
	}

	@Test
	void aClerkWhoLeftTheCounterCannotCallFromIt() {
		QueueFixtures.draw(newSession(), this.office, this.office.ids());
		WebSession clerk = QueueFixtures.staff(newSession(), QueueFixtures.CLERK);
		String desk = "/intern/aufruf/schalter/" + this.office.counter1();
		clerk.get("/intern/aufruf");
		clerk.submit(desk + "/oeffnen", Map.of());
		clerk.get(desk);
		clerk.submit(desk + "/schliessen", Map.of());
		clerk.get("/intern/aufruf");
		WebSession.Page refused = clerk.post(desk + "/naechste", Map.of("_csrf", clerk.csrfToken()));
		assertThat(refused.location().orElseThrow()).endsWith(desk);
		assertThat(clerk.get(desk).mainText()).contains("Sie arbeiten nicht an diesem Schalter.");
		assertThat(statusOf("A001")).isEqualTo("WAITING");
	}

	@Test
	void staffOfAnotherMunicipalityFindNoCounter() {
		WebSession stranger = QueueFixtures.staff(newSession(), "buergerbuero@beispielheim.example");
		assertThat(stranger.get("/intern/aufruf/schalter/" + this.office.counter1()).status()).isEqualTo(404);
		assertThat(stranger.get("/intern/aufruf/uebersicht/" + this.office.locationId()).status()).isEqualTo(404);
	}

	private Counter counter(UUID id) {
		return this.setup.counter(this.office.municipalityId(), id).orElseThrow();
	}

	private String statusOf(String number) {
		return this.jdbc.sql("select status from queue_ticket where location_id = :l and display_number = :n")
			.param("l", this.office.locationId())
			.param("n", number)
			.query(String.class)
			.single();
	}

	private int callsOf(String number) {
		return this.jdbc.sql("select call_count from queue_ticket where location_id = :l and display_number = :n")
			.param("l", this.office.locationId())
			.param("n", number)
			.query(Integer.class)
			.single();
	}

}
