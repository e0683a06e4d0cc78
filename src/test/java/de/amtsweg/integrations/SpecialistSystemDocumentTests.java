package de.amtsweg.integrations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import de.amtsweg.cases.CaseFixtures;
import de.amtsweg.documents.Documents;
import de.amtsweg.documents.FiledDocument;
import de.amtsweg.forms.internal.DraftFiles;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.integrations.SpecialistSystemFixtures.Registered;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.Sha256;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.RealClamd;
import de.amtsweg.support.WebSession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A specialist system files documents in a case's e-file over real HTTP: checked by their
 * bytes, audited under the system's name, exactly once per Idempotency-Key (also when two
 * retries race), only for cases of its org units, and a notice is not sent to the
 * applicant.
 */
class SpecialistSystemDocumentTests extends IntegrationTest {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	FormFilling filling;

	@Autowired
	DraftFiles files;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Documents documents;

	private Registered own;

	private Registered other;

	private UUID caseId;

	@BeforeEach
	void systemsAndACase() {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		WebSession admin = newSession().signInAsStaff(SpecialistSystemFixtures.ADMIN);
		this.own = SpecialistSystemFixtures.register(admin, "Dokument-Fachverfahren " + UUID.randomUUID(),
				SpecialistSystemFixtures.orgUnit(this.jdbc, musterstadt.id(), "ordnungsamt"), null);
		this.other = SpecialistSystemFixtures.register(admin, "Dokument-Fachverfahren " + UUID.randomUUID(),
				SpecialistSystemFixtures.orgUnit(this.jdbc, musterstadt.id(), "standesamt"), null);
		Submission submission = SpecialistSystemFixtures.submitParkingPermit(this.filling, this.files, musterstadt,
				null, "Aktenfrau", "docs-" + UUID.randomUUID() + "@example.org");
		this.caseId = CaseFixtures.awaitCase(this.jdbc, submission.id());
	}

	@Test
	void aRetriedPostWithTheSameIdempotencyKeyGivesTheSameDocument() throws Exception {
		String key = UUID.randomUUID().toString();
		Map<String, String> fields = Map.of("title", "Halterauskunft KBA", "type", "LETTER_IN", "date", "2026-11-20",
				"sender", "Kraftfahrt-Bundesamt");
		HttpResponse<String> first = upload(this.own.key(), this.caseId, fields, "auskunft.pdf",
				SpecialistSystemFixtures.PDF, key);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		JsonNode body = JSON.readTree(first.body());
		UUID documentId = UUID.fromString(body.get("id").asString());
		assertThat(body.get("sha256").asString()).isEqualTo(
				HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(SpecialistSystemFixtures.PDF)));
		assertThat(first.headers().firstValue("Location").orElse("")).endsWith("/documents/" + documentId);

		HttpResponse<String> retry = upload(this.own.key(), this.caseId, fields, "auskunft.pdf",
				SpecialistSystemFixtures.PDF, key);
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(JSON.readTree(retry.body()).get("id").asString()).isEqualTo(documentId.toString());
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");

		List<FiledDocument> filed = filed("Halterauskunft KBA");
		assertThat(filed).singleElement().satisfies((document) -> {
			assertThat(document.id()).isEqualTo(documentId);
			assertThat(document.type()).isEqualTo("LETTER_IN");
			assertThat(document.correspondent()).isEqualTo("Kraftfahrt-Bundesamt");
			assertThat(document.documentDate()).isEqualTo(LocalDate.of(2026, 11, 20));
		});
		assertThat(this.jdbc.sql("""
				select actor from audit_log where action = 'document.created' and record_id = :d""")
			.param("d", documentId.toString())
			.query(String.class)
			.list()).containsExactly("system:" + this.own.id());

		HttpResponse<String> otherRequest = upload(this.own.key(), this.caseId,
				Map.of("title", "Etwas anderes", "type", "LETTER_IN"), "auskunft.pdf", SpecialistSystemFixtures.PDF,
				key);
		assertThat(otherRequest.statusCode()).as("the key belongs to another request").isEqualTo(400);
		assertThat(otherRequest.body()).contains("Idempotency-Key");
	}

	@Test
	void twoRacingRetriesFileOneDocument() {
		String key = UUID.randomUUID().toString();
		Map<String, String> fields = Map.of("title", "Wettlauf", "type", "LETTER_IN");
		List<CompletableFuture<HttpResponse<String>>> racing = List.of(1, 2, 3)
			.stream()
			.map((i) -> CompletableFuture.supplyAsync(
					() -> upload(this.own.key(), this.caseId, fields, "a.pdf", SpecialistSystemFixtures.PDF, key)))
			.toList();
		List<String> ids = racing.stream().map(CompletableFuture::join).map((response) -> {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			return JSON.readTree(response.body()).get("id").asString();
		}).distinct().toList();
		assertThat(ids).hasSize(1);
		assertThat(filed("Wettlauf")).hasSize(1);
	}

	@Test
	void contentOtherCasesAndMissingPartsAreRefusedAndANoticeIsNotPublished() {
		HttpResponse<String> html = upload(this.own.key(), this.caseId, Map.of("title", "Seite", "type", "OTHER"),
				"harmlos.pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), null);
		assertThat(html.statusCode()).as(html.body()).isEqualTo(400);
		assertThat(html.body()).contains("\"field\":\"file\"");

		assertThat(upload(this.other.key(), this.caseId, Map.of("title", "Fremd", "type", "OTHER"), "a.pdf",
				SpecialistSystemFixtures.PDF, null)
			.statusCode()).as("another org unit's case does not exist for the system").isEqualTo(404);
		assertThat(upload(this.own.key(), UUID.randomUUID(), Map.of("title", "Nichts", "type", "OTHER"), "a.pdf",
				SpecialistSystemFixtures.PDF, null)
			.statusCode()).isEqualTo(404);
		HttpResponse<String> noType = upload(this.own.key(), this.caseId, Map.of("title", "Ohne Art"), "a.pdf",
				SpecialistSystemFixtures.PDF, null);
		assertThat(noType.statusCode()).isEqualTo(400);
		assertThat(noType.body()).contains("\"field\":\"type\"");
		assertThat(upload(null, this.caseId, Map.of("title", "Anonym", "type", "OTHER"), "a.pdf",
				SpecialistSystemFixtures.PDF, null)
			.statusCode()).isEqualTo(401);

		HttpResponse<String> notice = upload(this.own.key(), this.caseId,
				Map.of("title", "Bescheid aus dem Fachverfahren", "type", "NOTICE"), "bescheid.pdf",
				SpecialistSystemFixtures.PDF, null);
		assertThat(notice.statusCode()).isEqualTo(201);
		assertThat(JSON.readTree(notice.body()).get("publishedToApplicant").asBoolean()).isFalse();
		assertThat(filed("Bescheid aus dem Fachverfahren")).hasSize(1);
		assertThat(this.jdbc.sql("select notice_blob from case_file where id = :c")
			.param("c", this.caseId)
			.query(String.class)
			.optional()).as("the case has no notice for the applicant").isEmpty();
		assertThat(filed("Seite")).isEmpty();
	}

	@Test
	void anInfectedDocumentIsRefusedAndTheRefusalIsAudited() {
		this.virusScanner.useRealClamd();
		byte[] infected = ("%PDF-1.4\n% " + UUID.randomUUID() + "\n" + RealClamd.EICAR)
			.getBytes(StandardCharsets.US_ASCII);
		HttpResponse<String> response = upload(this.own.key(), this.caseId,
				Map.of("title", "Verseucht", "type", "LETTER_IN"), "virus.pdf", infected, UUID.randomUUID().toString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"file\"", "enthält Schadsoftware");
		assertThat(filed("Verseucht")).isEmpty();
		assertThat(this.jdbc.sql("select action from audit_log where record_type = 'upload' and record_id = :sha")
			.param("sha", Sha256.hex(infected))
			.query(String.class)
			.list()).containsExactly("upload.infected");
	}

	private List<FiledDocument> filed(String title) {
		return SystemActor.call(() -> this.documents.fileOfCase(this.caseId)
			.map((file) -> this.documents.list(file.id()))
			.orElse(List.of())
			.stream()
			.filter((document) -> document.title().equals(title))
			.toList());
	}

	private HttpResponse<String> upload(@Nullable String key, UUID caseId, Map<String, String> fields, String fileName,
			byte[] content, @Nullable String idempotencyKey) {
		String boundary = "----amtsweg" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(baseUrl() + "/api/v1/fachverfahren/cases/" + caseId + "/documents"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
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

}
