package de.amtsweg.forms;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.forms.internal.FormDefinitions;
import de.amtsweg.forms.internal.FormVersion;
import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class FormAdminTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	FormDefinitions definitions;

	@Autowired
	Municipalities municipalities;

	@Test
	void theJsonEditorRefusesASchemaViolationReadablyPreviewsAndPublishes() {
		WebSession admin = staff("admin@musterstadt.example");
		assertThat(admin.get("/intern/admin/formulare").mainText()).contains("Formulare", "Neues Formular");
		admin.get("/intern/admin/formulare/neu");
		String key = TestForms.uniqueKey("editor");
		String json = TestForms.DEATH_CERTIFICATE.replace("\"KEY\"", "\"" + key + "\"");

		WebSession.Page refused = admin.submit("/intern/admin/formulare/neu",
				Map.of("definition", json.replace("\"type\": \"email\"", "\"type\": \"mail\""), "aktion", "speichern"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.title()).startsWith("Fehler: ");
		assertThat(refused.document().select(".error-summary li").text()).contains("/pages/3/fields/0/type",
				"hat keinen Wert in der Aufzählung");
		assertThat(refused.document().select("textarea#definition").text()).contains("\"type\": \"mail\"");

		WebSession.Page preview = admin.submit("/intern/admin/formulare/neu",
				Map.of("definition", json, "aktion", "vorschau"));
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.document().select("#vorschau").text()).contains("Verstorbene Person", "Geburtsdatum",
				"IBAN für die Lastschrift");
		assertThat(preview.document().select("#vorschau #born-day")).isNotEmpty();

		String saved = admin.submit("/intern/admin/formulare/neu", Map.of("definition", json, "aktion", "speichern"))
			.location()
			.orElseThrow();
		assertThat(saved).contains("/intern/admin/formulare/" + key);
		WebSession.Page editor = admin.get("/intern/admin/formulare/" + key);
		assertThat(editor.mainText()).contains("Entwurf");
		String published = admin.submit("/intern/admin/formulare/" + key + "/veroeffentlichen", Map.of())
			.location()
			.orElseThrow();
		WebSession.Page after = admin.get(published.replace(baseUrl(), ""));
		assertThat(after.mainText()).contains("Version 1 ist veröffentlicht", "ändert sich nie");
		assertThat(after.document().select("textarea#definition")).isEmpty();

		// the citizen side has it now
		WebSession citizen = newSession();
		citizen.get("/gemeinde/musterstadt");
		assertThat(citizen.get("/antrag/" + key).status()).isEqualTo(200);

		// a clerk is not an admin
		assertThat(staff("standesamt@musterstadt.example").get("/intern/admin/formulare").status()).isEqualTo(403);
	}

	@Test
	void aFormIsExportedAndTakenOverByAnotherMunicipalityWithItsOwnLocalDetails() {
		UUID musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow().id();
		UUID beispielheim = this.municipalities.bySlug("beispielheim").orElseThrow().id();
		String key = TestForms.publish(this.definitions, musterstadt, TestForms.DEATH_CERTIFICATE, "geteilt");
		WebSession musterAdmin = staff("admin@musterstadt.example");
		HttpResponse<byte[]> export = musterAdmin.download(baseUrl() + "/intern/admin/formulare/" + key + "/export");
		assertThat(export.statusCode()).isEqualTo(200);
		String file = new String(export.body(), StandardCharsets.UTF_8);
		JsonNode exported = JSON.readTree(file);
		assertThat(exported.path("format").asString()).isEqualTo("amtsweg-form");
		assertThat(exported.path("source").path("municipality").asString()).isEqualTo("Stadt Musterstadt");
		assertThat(exported.path("definition").has("local")).isFalse();
		assertThat(exported.path("local").path("responsibleUnit").asString()).isEqualTo("standesamt");

		WebSession beispielAdmin = staff("admin@beispielheim.example");
		beispielAdmin.get("/intern/admin/formulare/import");
		Document preview = upload(beispielAdmin, "/intern/admin/formulare/import", file);
		assertThat(preview.select("main").text()).contains("Exportiert von Stadt Musterstadt",
				"Ihre Gemeinde hat dieses Formular noch nicht");
		Map<String, String> local = new LinkedHashMap<>();
		preview.select("form[action$=/uebernehmen] input[type=hidden]")
			.forEach((input) -> local.put(input.attr("name"), input.attr("value")));
		local.put("responsibleUnit", "buergerbuero");
		local.put("parameter.feePerCopy", "10.00");
		local.put("intro", "In Beispielheim bearbeitet das Bürgerbüro auch Urkunden.");
		WebSession.Page taken = beispielAdmin.post("/intern/admin/formulare/import/uebernehmen", local);
		assertThat(taken.location()).hasValueSatisfying((to) -> assertThat(to).contains(key + "?importiert"));

		FormVersion theirs = this.definitions.draft(beispielheim, key).orElseThrow();
		FormVersion ours = this.definitions.published(musterstadt, key).orElseThrow();
		assertThat(theirs.origin()).isEqualTo("shared");
		assertThat(shared(theirs.json())).isEqualTo(shared(ours.json()));
		assertThat(theirs.definition().local().responsibleUnit()).isEqualTo("buergerbuero");
		assertThat(theirs.definition().parameterValue("feePerCopy")).isEqualTo("10.00");
		assertThat(theirs.definition().local().intro().german()).startsWith("In Beispielheim");
		assertThat(ours.definition().local().responsibleUnit()).isEqualTo("standesamt");

		// a newer version of the shared form: the import says what differs
		ObjectNode changed = (ObjectNode) JSON.readTree(file);
		((ObjectNode) changed.path("definition").path("pages").get(3)).withArray("fields")
			.insertObject(0)
			.put("id", "phone")
			.put("type", "phone")
			.put("label", "Telefon")
			.put("required", false);
		beispielAdmin.get("/intern/admin/formulare/import");
		Document differences = upload(beispielAdmin, "/intern/admin/formulare/import", changed.toString());
		assertThat(differences.select("#unterschiede li").eachText()).containsExactly("Neues Feld „phone“.");

		// malformed and incompatible files are refused with a reason
		beispielAdmin.get("/intern/admin/formulare/import");
		Document malformed = upload(beispielAdmin, "/intern/admin/formulare/import", "{\"format\": ");
		assertThat(malformed.select(".error-summary").text()).contains("Die Datei ist kein gültiges JSON");
		ObjectNode future = (ObjectNode) JSON.readTree(file);
		future.put("formatVersion", 99);
		beispielAdmin.get("/intern/admin/formulare/import");
		assertThat(upload(beispielAdmin, "/intern/admin/formulare/import", future.toString()).select(".error-summary")
			.text()).contains("Austauschformat Version 99; dieses Portal versteht Version 1");
	}

	@Test
	void aFimSchemaIsImportedAsADraftWithItsReport() {
		WebSession admin = staff("admin@beispielheim.example");
		admin.get("/intern/admin/formulare/fim");
		Map<String, String> fields = csrf(admin.get("/intern/admin/formulare/fim").document());
		HttpResponse<byte[]> result = admin.postMultipart(baseUrl() + "/intern/admin/formulare/fim", fields, "datei",
				"schema.xml", "application/xml", FimImportTests.fixture("flxbe_v2_select.xml"));
		Document page = Jsoup.parse(new String(result.body(), StandardCharsets.UTF_8));
		assertThat(result.statusCode()).isEqualTo(200);
		assertThat(page.select("main").text()).contains("XDatenfelder 2", "Als Entwurf");
		assertThat(page.select("#nicht-uebernommen li").text()).contains("Codeliste C123");

		HttpResponse<byte[]> broken = admin.postMultipart(baseUrl() + "/intern/admin/formulare/fim", fields, "datei",
				"kaputt.xml", "application/xml", "<xdf:x".getBytes(StandardCharsets.UTF_8));
		assertThat(broken.statusCode()).isEqualTo(400);
		assertThat(new String(broken.body(), StandardCharsets.UTF_8)).contains("kein wohlgeformtes XML");
	}

	private Document upload(WebSession session, String path, String file) {
		Map<String, String> fields = csrf(session.get(path).document());
		HttpResponse<byte[]> response = session.postMultipart(baseUrl() + path, fields, "datei", "formular.json",
				"application/json", file.getBytes(StandardCharsets.UTF_8));
		return Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8));
	}

	private static Map<String, String> csrf(Document page) {
		Map<String, String> fields = new LinkedHashMap<>();
		page.select("form[enctype] input[type=hidden]")
			.forEach((input) -> fields.put(input.attr("name"), input.attr("value")));
		return fields;
	}

	private static JsonNode shared(String json) {
		ObjectNode node = (ObjectNode) JSON.readTree(json);
		node.remove("local");
		return node;
	}

	private WebSession staff(String email) {
		WebSession session = newSession();
		session.get("/intern/anmelden");
		session.submit("/intern/anmelden", Map.of("email", email, "passwort", DemoData.PASSWORD));
		return session;
	}

}
