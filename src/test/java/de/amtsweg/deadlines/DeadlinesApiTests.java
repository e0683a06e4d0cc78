package de.amtsweg.deadlines;

import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The public deadline and holiday API, over real HTTP without signing in. */
class DeadlinesApiTests extends IntegrationTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aMonthFromThe31stOfJanuaryEndsOnTheMondayAfterTheEndOfFebruary() {
		WebSession.Page page = newSession().getJson("/api/v1/deadlines?state=NI&from=2026-01-31&period=P1M");

		assertThat(page.status()).isEqualTo(200);
		JsonNode body = this.json.readTree(page.body());
		assertThat(body.get("state").asString()).isEqualTo("NI");
		assertThat(body.get("from").asString()).isEqualTo("2026-01-31");
		assertThat(body.get("period").asString()).isEqualTo("P1M");
		assertThat(body.get("end").asString()).isEqualTo("2026-03-02");
		assertThat(body.get("shiftedBecause")).extracting(JsonNode::asString)
			.containsExactly("2026-02-28 Samstag", "2026-03-01 Sonntag");
	}

	@Test
	void holidaysAreNamedAndEnglishIsOffered() {
		JsonNode shifted = this.json
			.readTree(newSession().getJson("/api/v1/deadlines?state=NI&from=2026-03-05&period=P1M&sprache=en").body());
		assertThat(shifted.get("shiftedBecause")).extracting(JsonNode::asString)
			.containsExactly("2026-04-05 Sunday", "2026-04-06 Easter Monday");

		JsonNode holidays = this.json.readTree(newSession().getJson("/api/v1/holidays?state=BY&year=2026").body());
		assertThat(holidays.get("state").asString()).isEqualTo("BY");
		assertThat(holidays.get("holidays")).hasSize(12);
		assertThat(holidays.get("holidays").get(1).get("date").asString()).isEqualTo("2026-01-06");
		assertThat(holidays.get("holidays").get(1).get("name").asString()).isEqualTo("Heilige Drei Könige");
	}

	@Test
	void aPeriodFromTheBeginningOfADayCountsThatDay() {
		JsonNode body = this.json
			.readTree(newSession().getJson("/api/v1/deadlines?state=NI&from=2026-03-01&period=P1M&start=day").body());

		assertThat(body.get("end").asString()).isEqualTo("2026-03-31");
	}

	@Test
	void badParametersAreExplainedAsProblems() {
		assertProblem("/api/v1/deadlines?state=XX&from=2026-01-31&period=P1M", "state", "„XX“ ist kein Bundesland");
		assertProblem("/api/v1/deadlines?state=NI&from=2026-02-30&period=P1M", "from", "kein gültiges Datum");
		assertProblem("/api/v1/deadlines?state=NI&from=2026-01-31&period=1M", "period", "keine gültige Frist");
		assertProblem("/api/v1/deadlines?state=NI&from=2026-01-31&period=P-1M", "period", "mindestens einen Tag");
		assertProblem("/api/v1/deadlines?state=NI&from=2026-01-31", "period", "Geben Sie die Frist an");
		assertProblem("/api/v1/deadlines?state=NI&from=2026-01-31&period=P500Y", "period", "reicht zu weit");
		assertProblem("/api/v1/holidays?state=BY&year=1800", "year", "zwischen 1991 und 2199");
		assertProblem("/api/v1/holidays?state=BY&year=zwei", "year", "zwischen 1991 und 2199");
	}

	private void assertProblem(String path, String field, String message) {
		WebSession.Page page = newSession().getJson(path);
		assertThat(page.status()).as(path).isEqualTo(400);
		assertThat(page.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode errors = this.json.readTree(page.body()).get("errors");
		assertThat(errors).as(path).anySatisfy((error) -> {
			assertThat(error.get("field").asString()).isEqualTo(field);
			assertThat(error.get("message").asString()).contains(message);
		});
	}

}
