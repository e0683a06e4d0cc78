package de.amtsweg.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.forms.internal.FormDefinitions;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.WebSession;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the route tests share: a published one-page form with a case type of its own, and
 * the admin's upload and publication of a route through the real pages.
 */
final class RouteFixtures {

	static final String BASE = "/intern/admin/verfahren";

	private RouteFixtures() {
	}

	/**
	 * Publishes a form with a name, a number and an e-mail field and creates its case
	 * type (version 1, 30 days).
	 * @return the case type's id
	 */
	static UUID formWithCaseType(FormDefinitions definitions, JdbcClient jdbc, UUID municipalityId, String formKey,
			String titleDe, String titleEn, String numberField, String numberLabel) {
		String json = """
				{"schemaVersion": 1, "key": "%s", "title": {"de": "%s", "en": "%s"},
				 "pages": [{"id": "angaben", "title": "Angaben", "fields": [
				   {"id": "name", "type": "text", "label": "Name"},
				   {"id": "%s", "type": "number", "label": "%s"},
				   {"id": "email", "type": "email", "label": "E-Mail"}]}]}
				""".formatted(formKey, titleDe, titleEn, numberField, numberLabel);
		SystemActor.run(() -> {
			definitions.save(municipalityId, json, "editor", Locale.GERMAN);
			definitions.publish(municipalityId, formKey);
		});
		return jdbc.sql("""
				insert into case_type (municipality_id, form_key, version, name_de, name_en, processing_days)
				values (:m, :key, 1, :name, :nameEn, 30) returning id""")
			.param("m", municipalityId)
			.param("key", formKey)
			.param("name", titleDe + " " + formKey)
			.param("nameEn", titleEn)
			.query(UUID.class)
			.single();
	}

	/** Uploads a route as the admin and returns the path of its page. */
	static String upload(WebSession admin, UUID caseTypeId, String xml) {
		HttpResponse<byte[]> response = postUpload(admin, caseTypeId, xml);
		assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	static HttpResponse<byte[]> postUpload(WebSession admin, UUID caseTypeId, String xml) {
		admin.get(BASE + "/" + caseTypeId);
		return admin.postMultipart(BASE + "/" + caseTypeId + "/hochladen", Map.of("_csrf", admin.csrfToken()), "datei",
				"laufweg.bpmn", "application/xml", xml.getBytes(StandardCharsets.UTF_8));
	}

	static void publish(WebSession admin, String routePath) {
		admin.open(routePath);
		WebSession.Page published = admin.submit(routePath + "/veroeffentlichen", Map.of());
		assertThat(published.isRedirect()).as(published.mainText()).isTrue();
	}

	static String processInstanceOf(JdbcClient jdbc, UUID caseId) {
		return jdbc.sql("select process_instance_id from case_file where id = :id")
			.param("id", caseId)
			.query(String.class)
			.single();
	}

	static String referenceOf(JdbcClient jdbc, UUID caseId) {
		return jdbc.sql("select reference from case_file where id = :id")
			.param("id", caseId)
			.query(String.class)
			.single();
	}

	static String stateOf(JdbcClient jdbc, UUID caseTypeId, int version) {
		return jdbc.sql("select state from case_route where case_type_id = :t and version = :v")
			.param("t", caseTypeId)
			.param("v", version)
			.query(String.class)
			.single();
	}

	/** A BPMN file of the test resources' {@code routes} folder. */
	static String resource(String name) {
		try (InputStream in = RouteFixtures.class.getResourceAsStream("/routes/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
