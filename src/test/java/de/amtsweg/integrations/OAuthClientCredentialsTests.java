package de.amtsweg.integrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A specialist system gets an access token with the OAuth2 client credentials grant over
 * real HTTP (client authentication by HTTP Basic or by form parameters) and works the API
 * with it; every RFC 6749 §5.2 error; expired and revoked tokens are refused.
 */
class OAuthClientCredentialsTests extends IntegrationTest {

	private static final String TOKEN = "/api/v1/oauth/token";

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

	private WebSession admin;

	private Registered system;

	private String secret;

	private UUID caseId;

	@BeforeEach
	void registerSystemWithClientSecret() {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		UUID ordnungsamt = SpecialistSystemFixtures.orgUnit(this.jdbc, musterstadt.id(), "ordnungsamt");
		this.admin = newSession().signInAsStaff(SpecialistSystemFixtures.ADMIN);
		this.system = SpecialistSystemFixtures.register(this.admin, "OAuth-Fachverfahren " + UUID.randomUUID(),
				ordnungsamt, null);
		this.secret = clientSecret(this.admin, this.system);
		Submission submission = SpecialistSystemFixtures.submitParkingPermit(this.filling, this.files, musterstadt,
				null, "Tokenfrau", "oauth-" + UUID.randomUUID() + "@example.org");
		this.caseId = CaseFixtures.awaitCase(this.jdbc, submission.id());
	}

	@Test
	void aSystemGetsATokenByBasicAuthenticationAndWorksTheApiWithIt() {
		HttpResponse<String> response = token(basic(this.system.id().toString(), this.secret),
				"grant_type=client_credentials");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asLong()).isEqualTo(900);
		assertThat(body.get("scope").asString()).isEqualTo("org-unit:ordnungsamt");
		String accessToken = body.get("access_token").asString();
		assertThat(accessToken).startsWith("awt_");
		assertThat(this.jdbc.sql("select count(*) from integration_access_token where hash = :t")
			.param("t", accessToken)
			.query(Long.class)
			.single()).as("only the hash is stored").isZero();

		HttpResponse<String> read = SpecialistSystemFixtures.api(baseUrl(), "GET",
				"/api/v1/fachverfahren/cases/" + this.caseId, accessToken, null);
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		assertThat(read.body()).contains("Tokenfrau");
		assertThat(SpecialistSystemFixtures
			.api(baseUrl(), "GET", "/api/v1/fachverfahren/cases?limit=100", accessToken, null)
			.statusCode()).isEqualTo(200);
	}

	@Test
	void aSystemGetsATokenWithFormParametersAndAScopeOfItsOwnOrgUnit() {
		HttpResponse<String> response = token(null, "grant_type=client_credentials&client_id=" + this.system.id()
				+ "&client_secret=" + this.secret + "&scope=org-unit%3Aordnungsamt");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String accessToken = JSON.readTree(response.body()).get("access_token").asString();
		assertThat(SpecialistSystemFixtures
			.api(baseUrl(), "GET", "/api/v1/fachverfahren/cases/" + this.caseId, accessToken, null)
			.statusCode()).isEqualTo(200);
	}

	@Test
	void eachWrongRequestGetsItsRfcError() {
		String id = this.system.id().toString();
		assertError(token(basic(id, this.secret + "x"), "grant_type=client_credentials"), 401, "invalid_client");
		HttpResponse<String> wrongSecret = token(null,
				"grant_type=client_credentials&client_id=" + id + "&client_secret=awcs_wrong");
		assertError(wrongSecret, 401, "invalid_client");
		assertThat(wrongSecret.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
		assertError(token(basic(UUID.randomUUID().toString(), this.secret), "grant_type=client_credentials"), 401,
				"invalid_client");
		assertError(token(null, "grant_type=client_credentials"), 401, "invalid_client");
		assertError(token(basic(id, this.secret), "grant_type=password&username=a&password=b"), 400,
				"unsupported_grant_type");
		assertError(token(basic(id, this.secret), "scope=org-unit%3Aordnungsamt"), 400, "invalid_request");
		assertError(token(basic(id, this.secret), "grant_type=client_credentials&client_secret=" + this.secret), 400,
				"invalid_request");
		assertError(token(basic(id, this.secret), "grant_type=client_credentials&scope=org-unit%3Astandesamt"), 400,
				"invalid_scope");
		assertError(token(basic(id, this.secret), "grant_type=client_credentials&scope=cases%3Aall"), 400,
				"invalid_scope");
		// an API key is no client secret
		assertError(token(basic(id, this.system.key()), "grant_type=client_credentials"), 401, "invalid_client");
	}

	@Test
	void anExpiredOrRevokedTokenIsRefused() {
		String first = accessToken();
		String path = "/api/v1/fachverfahren/cases/" + this.caseId;
		assertThat(SpecialistSystemFixtures.api(baseUrl(), "GET", path, first, null).statusCode()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(SpecialistSystemFixtures.api(baseUrl(), "GET", path, first, null).statusCode())
			.as("expired after 15 minutes")
			.isEqualTo(401);

		String second = accessToken();
		assertThat(SpecialistSystemFixtures.api(baseUrl(), "GET", path, second, null).statusCode()).isEqualTo(200);
		String revoke = this.admin.get(this.system.path())
			.document()
			.select("form[action*=/client-geheimnis/][action$=/widerrufen]")
			.attr("action");
		assertThat(this.admin.submit(revoke, Map.of()).status()).isEqualTo(302);
		assertThat(SpecialistSystemFixtures.api(baseUrl(), "GET", path, second, null).statusCode())
			.as("revoking the secret revokes its tokens")
			.isEqualTo(401);
		assertError(token(basic(this.system.id().toString(), this.secret), "grant_type=client_credentials"), 401,
				"invalid_client");
	}

	private String accessToken() {
		HttpResponse<String> response = token(basic(this.system.id().toString(), this.secret),
				"grant_type=client_credentials");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	private static void assertError(HttpResponse<String> response, int status, String error) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("error").asString()).isEqualTo(error);
		assertThat(body.get("error_description").asString()).isNotBlank();
		if (status == 401) {
			assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
		}
	}

	/** The client secret as the admin page shows it once. */
	static String clientSecret(WebSession admin, Registered system) {
		admin.get(system.path());
		assertThat(admin.submit(system.path() + "/client-geheimnis", Map.of()).status()).isEqualTo(302);
		WebSession.Page page = admin.get(system.path());
		assertThat(page.document().select("#client-id").text()).isEqualTo(system.id().toString());
		String secret = page.document().select("#new-client-secret").text();
		assertThat(secret).startsWith("awcs_");
		return secret;
	}

	private static String basic(String id, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> token(@Nullable String authorization, String form) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + TOKEN))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (authorization != null) {
			request.header("Authorization", authorization);
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
