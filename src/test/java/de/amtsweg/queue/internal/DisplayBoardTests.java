package de.amtsweg.queue.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import de.amtsweg.catalog.CatalogAdministration;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.queue.QueueFixtures;
import de.amtsweg.queue.QueueFixtures.Office;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The display board: its page, the live stream of calls (Server-Sent Events over real
 * HTTP, fed through PostgreSQL LISTEN/NOTIFY), the reconnect of the listener, the gong.
 */
class DisplayBoardTests extends IntegrationTest {

	@Autowired
	Municipalities municipalities;

	@Autowired
	CatalogAdministration catalog;

	@Autowired
	QueueSetup setup;

	@Autowired
	CounterDesk desk;

	@Autowired
	CallListener listener;

	private Office office;

	private final HttpClient http = HttpClient.newHttpClient();

	private InputStream stream;

	@BeforeEach
	void office() {
		this.office = QueueFixtures.office(this.municipalities, this.catalog, this.setup);
	}

	@AfterEach
	void closeStream() throws IOException {
		if (this.stream != null) {
			this.stream.close();
		}
	}

	@Test
	void theBoardShowsTheLastCallsWithNumberAndCounterOnly() {
		QueueFixtures.draw(newSession(), this.office, this.office.ids());
		QueueFixtures.draw(newSession(), this.office, this.office.registration());
		call(this.office.counter1(), 2);
		WebSession.Page board = newSession().get(this.office.boardPath());
		assertThat(board.status()).isEqualTo(200);
		assertThat(board.document().select("#calls tr td.board__number").eachText()).containsExactly("M001", "A001");
		assertThat(board.document().select("#calls tr td.board__counter").eachText()).containsOnly("Schalter 1");
		// without JavaScript it reloads itself
		assertThat(board.body()).contains("<noscript><meta http-equiv=\"refresh\" content=\"15\"></noscript>");
	}

	@Test
	void aCallReachesTheBoardsEventStream() throws Exception {
		BlockingQueue<String> lines = connect(this.office.boardPath() + "/ereignisse");
		QueueFixtures.draw(newSession(), this.office, this.office.ids());
		WebSession clerk = QueueFixtures.staff(newSession(), QueueFixtures.CLERK);
		String deskPath = "/intern/aufruf/schalter/" + this.office.counter2();
		try {
			clerk.get("/intern/aufruf");
			clerk.submit(deskPath + "/oeffnen", Map.of());
			clerk.get(deskPath);
			clerk.submit(deskPath + "/naechste", Map.of());
			String data = awaitCall(lines);
			assertThat(data).contains("\"number\":\"A001\"").contains("\"counter\":\"Schalter 2\"");
		}
		finally {
			clerk.get(deskPath);
			clerk.submit(deskPath + "/schliessen", Map.of());
		}
	}

	@Test
	void boardsOfOtherLocationsHearNothing() throws Exception {
		Office elsewhere = QueueFixtures.office(this.municipalities, this.catalog, this.setup);
		BlockingQueue<String> other = connect(elsewhere.boardPath() + "/ereignisse");
		BlockingQueue<String> mine = connect(this.office.boardPath() + "/ereignisse");
		QueueFixtures.draw(newSession(), this.office, this.office.ids());
		call(this.office.counter2(), 1);
		assertThat(awaitCall(mine)).contains("A001");
		assertThat(other).noneMatch((line) -> line.startsWith("data:") && line.contains("A001"));
	}

	@Test
	void afterTheListeningConnectionBreaksBoardsReloadAndCallsArriveAgain() throws Exception {
		BlockingQueue<String> lines = connect(this.office.boardPath() + "/ereignisse");
		this.listener.dropConnection();
		assertThat(awaitLine(lines, "event:reload")).isNotNull();
		QueueFixtures.draw(newSession(), this.office, this.office.ids());
		call(this.office.counter2(), 1);
		assertThat(awaitCall(lines)).contains("A001");
	}

	@Test
	void theGongIsServedAsWave() {
		HttpResponse<byte[]> gong = newSession().download("/aufruf/gong.wav");
		assertThat(gong.statusCode()).isEqualTo(200);
		assertThat(gong.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("audio/wav"));
		assertThat(gong.body()).isEqualTo(GongSound.wav());
	}

	private BlockingQueue<String> connect(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Accept", "text/event-stream")
			.GET()
			.build();
		HttpResponse<Stream<String>> response = this.http.send(request, HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> {
			try {
				response.body().forEach(lines::add);
			}
			catch (RuntimeException ex) {
				// the stream ends when the test closes it
			}
		});
		reader.setDaemon(true);
		reader.start();
		// the comment every new stream starts with: the board is registered
		assertThat(awaitLine(lines, ":verbunden")).isNotNull();
		return lines;
	}

	private static String awaitCall(BlockingQueue<String> lines) throws InterruptedException {
		assertThat(awaitLine(lines, "event:call")).isNotNull();
		String data = awaitLine(lines, "data:");
		assertThat(data).as("data of the call event").isNotNull();
		return data;
	}

	private static String awaitLine(BlockingQueue<String> lines, String prefix) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (line != null && line.startsWith(prefix)) {
				return line;
			}
		}
		return null;
	}

	private Counter counter(UUID id) {
		return this.setup.counter(this.office.municipalityId(), id).orElseThrow();
	}

	/** Opens the counter for a clerk and calls the next tickets. */
	private void call(UUID counterId, int times) {
		Counter counter = counter(counterId);
		UUID clerk = UUID.randomUUID();
		assertThat(this.desk.open(counter, clerk, false)).isTrue();
		for (int i = 0; i < times; i++) {
			assertThat(this.desk.callNext(counter, clerk)).isPresent();
		}
	}

}
