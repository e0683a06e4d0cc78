package de.amtsweg.integrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import de.amtsweg.forms.internal.Answers;
import de.amtsweg.forms.internal.Applicant;
import de.amtsweg.forms.internal.Draft;
import de.amtsweg.forms.internal.DraftFiles;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.WebSession;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the specialist system tests need: a parking permit application with an uploaded
 * PDF (Ordnungsamt), a system registered on the admin pages, a webhook receiver and API
 * calls with a key.
 */
final class SpecialistSystemFixtures {

	static final String ADMIN = "admin@musterstadt.example";

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private SpecialistSystemFixtures() {
	}

	/** Submits "Bewohnerparkausweis" with the registration certificate as a PDF. */
	static Submission submitParkingPermit(FormFilling filling, DraftFiles files, Municipality municipality,
			@Nullable UUID accountId, String familyName, String email) {
		return SystemActor.call(() -> {
			String key = "bewohnerparkausweis";
			Draft draft = filling.start(municipality, key, accountId);
			Applicant applicant = new Applicant(accountId, Set.of(draft.id()), Set.of());
			FormFilling.Loaded loaded = filling.load(municipality, key, draft.id(), applicant);
			DraftFiles.Stored stored = files.store(loaded.draft(),
					loaded.version().definition().field("registration").orElseThrow(), "registration", "zulassung.pdf",
					PDF);
			assertThat(stored.problem()).as("upload refused").isNull();
			Answers answers = loaded.draft().answers();
			answers.put("givenName", "Erika");
			answers.put("familyName", familyName);
			answers.put("dateOfBirth", new LinkedHashMap<>(Map.of("day", "12", "month", "2", "year", "1980")));
			answers.put("address", new LinkedHashMap<>(
					Map.of("street", "Heidestraße", "houseNumber", "17", "postcode", "31999", "city", "Musterstadt")));
			answers.put("zone", "a");
			answers.put("plate", "MS-AB 123");
			answers.put("holder", "ich");
			answers.put("registration", List.of(stored.upload().id().toString()));
			answers.put("email", email);
			answers.put("truthful", "true");
			answers.put("privacy", "true");
			filling.save(loaded, answers);
			return filling.submit(municipality, key, draft.id(), draft.idempotencyKey(), applicant, Locale.GERMAN);
		});
	}

	static UUID orgUnit(JdbcClient jdbc, UUID municipalityId, String key) {
		return jdbc.sql("select id from org_unit where municipality_id = :m and key = :k")
			.param("m", municipalityId)
			.param("k", key)
			.query(UUID.class)
			.single();
	}

	/**
	 * A system registered by the admin through the pages, with a fresh key and (if a URL
	 * is given) a webhook and its secret, both read off the page that shows them once.
	 */
	static Registered register(WebSession admin, String name, UUID orgUnitId, @Nullable String webhookUrl) {
		admin.get("/intern/admin/schnittstellen/neu");
		WebSession.Page created = admin.submit("/intern/admin/schnittstellen/neu",
				Map.of("name", name, "orgUnitIds", orgUnitId.toString()));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String path = created.location().orElseThrow().replaceFirst("^https?://[^/]+", "");
		UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
		admin.get(path);
		admin.submit(path + "/schluessel", Map.of());
		String key = admin.get(path).document().select("#new-key").text();
		assertThat(key).startsWith("aw_");
		String secret = null;
		if (webhookUrl != null) {
			admin.submit(path + "/webhook", Map.of("webhookUrl", webhookUrl));
			secret = admin.get(path).document().select("#new-secret").text();
			assertThat(secret).startsWith("whsec_");
		}
		return new Registered(id, path, key, secret);
	}

	record Registered(UUID id, String path, String key, @Nullable String secret) {
	}

	static HttpResponse<String> api(String baseUrl, String method, String path, @Nullable String key,
			@Nullable String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json");
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
			request.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static HttpResponse<byte[]> download(String baseUrl, String path, String key) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-Api-Key", key).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The specialist system's end of the webhooks: a JDK HTTP server on a free port that
	 * records what arrives and answers 500 for the first failures, then 204.
	 */
	static final class Receiver implements AutoCloseable {

		final List<Received> received = new CopyOnWriteArrayList<>();

		final AtomicInteger failuresLeft;

		private final HttpServer server;

		Receiver(int failures) {
			this.failuresLeft = new AtomicInteger(failures);
			try {
				this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.server.createContext("/webhooks", (exchange) -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				this.received.add(new Received(exchange.getRequestHeaders().getFirst("Amtsweg-Event-Id"),
						exchange.getRequestHeaders().getFirst("Amtsweg-Event-Type"),
						exchange.getRequestHeaders().getFirst("Amtsweg-Timestamp"),
						exchange.getRequestHeaders().getFirst("Amtsweg-Signature"), body));
				int status = (this.failuresLeft.getAndDecrement() > 0) ? 500 : 204;
				exchange.sendResponseHeaders(status, -1);
				exchange.close();
			});
			this.server.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/webhooks";
		}

		List<Received> of(String eventType) {
			return this.received.stream().filter((r) -> eventType.equals(r.eventType())).toList();
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

	}

	record Received(String eventId, String eventType, String timestamp, String signature, String body) {
	}

}
