package de.amtsweg.forms;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.forms.internal.FormDefinitions;
import de.amtsweg.platform.BlobStore;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class UploadTests extends IntegrationTest {

	static final byte[] SMALL_PDF = """
			%PDF-1.4
			1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
			2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
			trailer << /Root 1 0 R >>
			%%EOF
			""".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	FormDefinitions definitions;

	@Autowired
	Municipalities municipalities;

	@Autowired
	BlobStore blobs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFileIsJudgedByItsContentNotItsNameAndCanBeRemovedAgain() {
		UUID musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow().id();
		String key = TestForms.publish(this.definitions, musterstadt, TestForms.WITH_UPLOAD, "upload");
		WebSession guest = newSession();
		guest.get("/gemeinde/musterstadt");
		guest.get("/antrag/" + key);
		String page = guest.submit("/antrag/" + key, Map.of()).location().orElseThrow().replace(baseUrl(), "");
		WebSession.Page form = guest.get(page);
		assertThat(form.document().select("form[enctype=multipart/form-data]")).isNotEmpty();
		assertThat(form.document().select("input[type=file]#proof").attr("accept")).isEqualTo("application/pdf");

		// a text file named .pdf is refused with a message that says what to do
		HttpResponse<byte[]> fake = upload(guest, page, form.document(), "nachweis.pdf",
				"Das ist kein PDF, nur Text.".getBytes(StandardCharsets.UTF_8));
		assertThat(fake.statusCode()).isEqualTo(400);
		Document refused = Jsoup.parse(new String(fake.body(), StandardCharsets.UTF_8));
		assertThat(refused.select(".error-summary a[href=#proof]").text()).startsWith(
				"Die Datei bei „Nachweis“ ist keine Datei der erlaubten Art (PDF). Der Dateiname allein reicht nicht");
		assertThat(refused.select("#proof-error").text()).contains("keine Datei der erlaubten Art");

		// a PNG is a real image but this field takes PDFs only
		HttpResponse<byte[]> png = upload(guest, page, form.document(), "foto.png",
				new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0 });
		assertThat(png.statusCode()).isEqualTo(400);

		// a real PDF is kept, listed by its name, and stored by its hash
		HttpResponse<byte[]> real = upload(guest, page, form.document(), "Meldebescheinigung.pdf", SMALL_PDF);
		assertThat(real.statusCode()).isEqualTo(302);
		WebSession.Page withFile = guest.get(page);
		assertThat(withFile.document().select(".file-list__item").text()).contains("Meldebescheinigung.pdf");
		String address = this.jdbc
			.sql("select blob_address from form_upload where file_name = 'Meldebescheinigung.pdf' "
					+ "and draft_id = :draft")
			.param("draft", UUID.fromString(page.split("/")[3]))
			.query(String.class)
			.single();
		assertThat(this.blobs.get(address)).isEqualTo(SMALL_PDF);

		// too large for the field's 100 KB
		byte[] large = new byte[150 * 1024];
		System.arraycopy(SMALL_PDF, 0, large, 0, SMALL_PDF.length);
		HttpResponse<byte[]> tooLarge = upload(guest, page, withFile.document(), "gross.pdf", large);
		assertThat(new String(tooLarge.body(), StandardCharsets.UTF_8)).contains("ist zu groß. Sie darf höchstens");

		// remove it again, without JavaScript
		String remove = withFile.document().select("button[value^=datei-entfernen:proof:]").attr("value");
		guest.get(page);
		guest.submit(page, Map.of("aktion", remove));
		assertThat(guest.get(page).document().select(".file-list__item")).isEmpty();

		// continue without a file: it is required
		WebSession.Page missing = guest.submit(page, Map.of("aktion", "weiter"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.document().select(".error-summary a").text())
			.isEqualTo("Laden Sie bei „Nachweis“ eine Datei hoch.");
	}

	@Test
	void eachEntryOfAGroupTakesItsOwnFiles() {
		WebSession guest = newSession();
		guest.get("/gemeinde/musterstadt");
		guest.get("/antrag/hundesteuer-abmeldung");
		String first = guest.submit("/antrag/hundesteuer-abmeldung", Map.of()).location().orElseThrow();
		String page = first.replace(baseUrl(), "").replace("/person", "/hunde");
		guest.get(page);
		guest.submit(page, Map.of("aktion", "hinzufuegen:dogs"));
		guest.get(page);
		guest.submit(page, Map.of("dogs.count", "1", "dogs.0.name", "Bello", "aktion", "hinzufuegen:dogs"));
		WebSession.Page form = guest.get(page);
		assertThat(form.document().select("form[enctype=multipart/form-data]")).isNotEmpty();
		assertThat(form.document().select("input[type=file]")).extracting((input) -> input.attr("name"))
			.containsExactly("datei.dogs.0.proof", "datei.dogs.1.proof");

		Map<String, String> fields = new LinkedHashMap<>();
		form.document()
			.select("form[enctype] input[type=hidden]")
			.forEach((input) -> fields.put(input.attr("name"), input.attr("value")));
		fields.put("dogs.0.name", "Bello");
		fields.put("dogs.1.name", "Rex");
		fields.put("aktion", "hochladen:dogs.1.proof");
		HttpResponse<byte[]> uploaded = guest.postMultipart(baseUrl() + page, fields, "datei.dogs.1.proof",
				"Tierarzt.pdf", "application/pdf", SMALL_PDF);
		assertThat(uploaded.statusCode()).isEqualTo(302);
		assertThat(uploaded.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("#dogs-1-proof"));

		WebSession.Page withFile = guest.get(page);
		assertThat(withFile.document().select("#dogs-1-name").attr("value")).isEqualTo("Rex");
		assertThat(withFile.document().select(".file-list__item")).singleElement()
			.satisfies((item) -> assertThat(item.text()).contains("Tierarzt.pdf"));
		assertThat(withFile.document().select("button[value^=datei-entfernen:dogs.1.proof:]")).hasSize(1);
		assertThat(this.jdbc.sql("select field_id from form_upload where draft_id = :draft")
			.param("draft", UUID.fromString(page.split("/")[3]))
			.query(String.class)
			.list()).containsExactly("dogs.1.proof");

		String remove = withFile.document().select("button[value^=datei-entfernen:dogs.1.proof:]").attr("value");
		guest.submit(page, Map.of("dogs.count", "2", "dogs.0.name", "Bello", "dogs.1.name", "Rex", "aktion", remove));
		assertThat(guest.get(page).document().select(".file-list__item")).isEmpty();
	}

	private HttpResponse<byte[]> upload(WebSession session, String page, Document form, String name, byte[] content) {
		Map<String, String> fields = new LinkedHashMap<>();
		form.select("form[enctype] input[type=hidden]")
			.forEach((input) -> fields.put(input.attr("name"), input.attr("value")));
		fields.put("aktion", "hochladen:proof");
		return session.postMultipart(baseUrl() + page, fields, "datei.proof", name, "application/pdf", content);
	}

}
