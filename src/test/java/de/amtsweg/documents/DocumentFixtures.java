package de.amtsweg.documents;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.support.WebSession;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Files and documents made through the staff pages, as a clerk would. */
final class DocumentFixtures {

	private DocumentFixtures() {
	}

	/** Opens a general file in the member's (only) org unit; returns its id. */
	static UUID createFile(WebSession session, String title) {
		WebSession.Page form = session.get("/intern/akten/neu");
		assertThat(form.status()).isEqualTo(200);
		String unit = form.document().select("select#orgUnitId option").first().attr("value");
		WebSession.Page created = session.submit("/intern/akten/neu", Map.of("orgUnitId", unit, "title", title));
		assertThat(created.status()).as(created.mainText()).isEqualTo(302);
		return UUID.fromString(created.location().orElseThrow().replaceAll(".*/intern/akten/", ""));
	}

	/** Uploads a document to the file; returns its id. */
	static UUID upload(WebSession session, UUID fileId, String type, String title, String date, String fileName,
			String contentType, byte[] content) {
		session.get("/intern/akten/" + fileId);
		HttpResponse<byte[]> response = session.postMultipart(
				"/intern/akten/" + fileId, Map.of("_csrf", session.csrfToken(), "type", type, "title", title,
						"correspondent", "Erika Mustermann", "documentDate", date),
				"content", fileName, contentType, content);
		assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(302);
		String location = response.headers().firstValue("Location").orElseThrow();
		return UUID.fromString(location.replaceAll(".*/intern/akten/dokumente/", ""));
	}

	/** Uploads a new version of the document. */
	static HttpResponse<byte[]> uploadVersion(WebSession session, UUID documentId, String fileName, String contentType,
			byte[] content) {
		session.get("/intern/akten/dokumente/" + documentId);
		return session.postMultipart("/intern/akten/dokumente/" + documentId, Map.of("_csrf", session.csrfToken()),
				"content", fileName, contentType, content);
	}

	/** Waits until the text of every version of the document is extracted. */
	static void awaitText(JdbcClient jdbc, UUID documentId) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> jdbc.sql("""
					select count(*) = 0 from document_version where document_id = :id and extracted_at is null""")
				.param("id", documentId)
				.query(Boolean.class)
				.single());
	}

}
