package de.amtsweg.catalog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The public catalogue API, called without signing in. */
class CatalogApiTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonNode json(String path, int expectedStatus) {
		WebSession.Page page = newSession().getJson(path);
		assertThat(page.status()).as(path).isEqualTo(expectedStatus);
		return JSON.readTree(page.body());
	}

	@Test
	void theFinderRanksServicesOfTheMunicipalityByItsKey() {
		JsonNode answer = json("/api/v1/finder?q=Hunde&municipality=03499001", 200);
		JsonNode first = answer.get("results").get(0);
		assertThat(first.get("name").asString()).isEqualTo("Hundesteuer");
		assertThat(first.get("leikaKey").asString()).isEqualTo("99102013000000");
		assertThat(first.get("orgUnit").asString()).isEqualTo("Steueramt");
		assertThat(first.get("onlineUrl").asString()).isEqualTo("/antrag/hundesteuer-anmeldung");
		assertThat(answer.get("results")).anySatisfy((hit) -> assertThat(hit.get("onlineUrl").isNull()).isTrue());
	}

	@Test
	void anEmptyOrOverlongQueryIsABadRequestWithAMessage() {
		JsonNode empty = json("/api/v1/finder?q=&municipality=03499001", 400);
		assertThat(empty.at("/errors/0/field").asString()).isEqualTo("q");
		assertThat(empty.at("/errors/0/message").asString())
			.isEqualTo("Geben Sie ein, was Sie erledigen möchten, zum Beispiel Personalausweis.");
		JsonNode overlong = json("/api/v1/finder?q=" + "x".repeat(101) + "&municipality=03499001", 400);
		assertThat(overlong.at("/errors/0/message").asString())
			.isEqualTo("Der Suchbegriff darf höchstens 100 Zeichen lang sein.");
		JsonNode unknown = json("/api/v1/finder?q=Hund&municipality=99999999", 400);
		assertThat(unknown.at("/errors/0/field").asString()).isEqualTo("municipality");
	}

	@Test
	void aServiceByLeikaKeyShowsEachMunicipalitysResponsibility() {
		JsonNode both = json("/api/v1/services/99102013000000", 200);
		assertThat(both.get("name").asString()).isEqualTo("Hundesteuer");
		assertThat(both.get("responsibilities")).hasSize(2);
		JsonNode one = json("/api/v1/services/99102013000000?municipality=beispielheim", 200);
		assertThat(one.get("responsibilities")).hasSize(1);
		JsonNode responsibility = one.get("responsibilities").get(0);
		assertThat(responsibility.get("municipality").asString()).isEqualTo("03499002");
		assertThat(responsibility.at("/localFees/0/amount").decimalValue()).isEqualByComparingTo("72.00");
		assertThat(responsibility.at("/locations/0/name").asString()).isEqualTo("Gemeindebüro Beispielheim");
		json("/api/v1/services/99999999999999", 404);
	}

	@Test
	void theServiceListSearchesAndFiltersByMunicipality() {
		JsonNode perso = json("/api/v1/services?q=Perso&municipality=03499002", 200);
		assertThat(perso.get(0).get("slug").asString()).isEqualTo("personalausweis");
		assertThat(perso.get(0).get("municipality").asString()).isEqualTo("03499002");
		JsonNode online = json("/api/v1/services?municipality=musterstadt&online=true", 200);
		assertThat(online).isNotEmpty().allSatisfy((hit) -> assertThat(hit.get("online").asBoolean()).isTrue());
		JsonNode english = json("/api/v1/services?q=dog&municipality=musterstadt&sprache=en", 200);
		assertThat(english.get(0).get("name").asString()).isEqualTo("Dog tax");
	}

	@Test
	void answersCarryAnEtagAndAreNotSentAgainWhenUnchanged() throws Exception {
		HttpResponse<String> first = get("/api/v1/finder?q=Perso&municipality=03499001", "de");
		assertThat(first.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("max-age=300", "public"));
		String etag = first.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> second = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/finder?q=Perso&municipality=03499001"))
				.header("Accept", "application/json")
				.header("If-None-Match", etag)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(second.statusCode()).isEqualTo(304);
	}

	@Test
	void lifeSituationsAndTheOpenApiDescriptionArePublic() {
		JsonNode situations = json("/api/v1/life-situations", 200);
		assertThat(situations.get(0).get("slug").asString()).isEqualTo("umzug");
		WebSession.Page openApi = newSession().get("/api/v1/catalog/openapi.yaml");
		assertThat(openApi.status()).isEqualTo(200);
		assertThat(openApi.body()).contains("openapi: 3.1.0", "/finder:", "/services/{leikaKey}:");
	}

	private HttpResponse<String> get(String path, String language) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
					.header("Accept", "application/json")
					.header("Accept-Language", language)
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
