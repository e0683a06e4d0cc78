package de.amtsweg.integrations;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.cases.CaseFixtures;
import de.amtsweg.forms.internal.DraftFiles;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.integrations.SpecialistSystemFixtures.Registered;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call the API for specialist systems: only a valid key, only for the cases of
 * its org units; a case of another org unit does not exist for it.
 */
class SpecialistSystemApiAuthTests extends IntegrationTest {

	@Autowired
	FormFilling filling;

	@Autowired
	DraftFiles files;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Test
	void withoutAKeyWithARevokedKeyOrForAnotherOrgUnitsCaseTheApiRefuses() {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		UUID ordnungsamt = SpecialistSystemFixtures.orgUnit(this.jdbc, musterstadt.id(), "ordnungsamt");
		UUID standesamt = SpecialistSystemFixtures.orgUnit(this.jdbc, musterstadt.id(), "standesamt");
		WebSession admin = newSession().signInAsStaff(SpecialistSystemFixtures.ADMIN);
		Registered own = SpecialistSystemFixtures.register(admin, "Auth-Fachverfahren " + UUID.randomUUID(),
				ordnungsamt, null);
		Registered other = SpecialistSystemFixtures.register(admin, "Auth-Fachverfahren " + UUID.randomUUID(),
				standesamt, null);
		Submission submission = SpecialistSystemFixtures.submitParkingPermit(this.filling, this.files, musterstadt,
				null, "Schlüsselmann", "auth-" + UUID.randomUUID() + "@example.org");
		UUID caseId = CaseFixtures.awaitCase(this.jdbc, submission.id());
		String path = "/api/v1/fachverfahren/cases/" + caseId;

		HttpResponse<String> anonymous = SpecialistSystemFixtures.api(baseUrl(), "GET", path, null, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer");
		assertThat(SpecialistSystemFixtures.api(baseUrl(), "GET", path, "aw_unknown0_nonsense", null).statusCode())
			.isEqualTo(401);

		assertThat(SpecialistSystemFixtures.api(baseUrl(), "GET", path, own.key(), null).statusCode()).isEqualTo(200);

		HttpResponse<String> foreign = SpecialistSystemFixtures.api(baseUrl(), "GET", path, other.key(), null);
		assertThat(foreign.statusCode()).as("another org unit's case does not exist for the key").isEqualTo(404);
		assertThat(foreign.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(SpecialistSystemFixtures.download(baseUrl(), path + "/attachments/" + UUID.randomUUID(), other.key())
			.statusCode()).isEqualTo(404);
		assertThat(SpecialistSystemFixtures
			.api(baseUrl(), "POST", path + "/status", other.key(), "{\"status\":\"IN_PROGRESS\"}")
			.statusCode()).isEqualTo(404);
		assertThat(
				SpecialistSystemFixtures.api(baseUrl(), "POST", path + "/messages", other.key(), "{\"text\":\"Hallo\"}")
					.statusCode())
			.isEqualTo(404);
		assertThat(SpecialistSystemFixtures
			.api(baseUrl(), "GET", "/api/v1/fachverfahren/cases?limit=100", other.key(), null)
			.body()).doesNotContain(caseId.toString());

		HttpResponse<String> badStatus = SpecialistSystemFixtures.api(baseUrl(), "POST", path + "/status", own.key(),
				"{\"status\":\"FINISHED\"}");
		assertThat(badStatus.statusCode()).isEqualTo(400);
		assertThat(badStatus.body()).contains("\"field\":\"status\"");
		HttpResponse<String> noDecision = SpecialistSystemFixtures.api(baseUrl(), "POST", path + "/status", own.key(),
				"{\"status\":\"DECIDED\"}");
		assertThat(noDecision.statusCode()).as(noDecision.body()).isEqualTo(400);
		assertThat(noDecision.body()).contains("\"field\":\"result\"");

		// the admin revokes the key: from now on it is refused
		WebSession.Page systemPage = admin.get(own.path());
		String revoke = systemPage.document().select("form[action*=/widerrufen]").attr("action");
		assertThat(admin.submit(revoke, Map.of()).status()).isEqualTo(302);
		assertThat(admin.get(own.path()).mainText()).contains("widerrufen am");
		assertThat(SpecialistSystemFixtures.api(baseUrl(), "GET", path, own.key(), null).statusCode()).isEqualTo(401);

		// a staff member's browser session is no credential for this API
		assertThat(admin.getJson(path).status()).isEqualTo(401);
	}

	@Test
	void theOpenApiDescriptionIsPublic() {
		HttpResponse<String> spec = SpecialistSystemFixtures.api(baseUrl(), "GET", "/api/v1/fachverfahren/openapi.yaml",
				null, null);
		assertThat(spec.statusCode()).isEqualTo(200);
		assertThat(spec.body()).startsWith("openapi: 3.1.0").contains("Amtsweg-Signature", "/cases/{caseId}/status");
	}

}
