package de.amtsweg.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.amtsweg.forms.internal.Answers;
import de.amtsweg.forms.internal.FieldError;
import de.amtsweg.forms.internal.FormEngine;
import de.amtsweg.forms.internal.definition.FormDefinition;
import de.amtsweg.forms.internal.definition.FormDefinitionReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo forms are valid definitions and compute what they promise. */
class DemoFormsTests {

	private final FormDefinitionReader reader = new FormDefinitionReader(FormsTestSupport.messages());

	@ParameterizedTest
	@ValueSource(strings = { "geburtsurkunde", "meldebescheinigung", "briefwahl", "hundesteuer-anmeldung",
			"bewohnerparkausweis", "gewerbeanmeldung", "veranstaltung-anzeige", "kita-anmeldung",
			"wohnberechtigungsschein", "wohngeld", "bauantrag", "urkundenanforderung", "hundesteuer-abmeldung",
			"gewerbeummeldung", "gewerbeabmeldung", "versammlung-anzeige", "kontakt" })
	void everyDemoFormIsAValidDefinitionWithEnglishTitles(String key) {
		FormDefinition definition = definition(key);
		assertThat(definition.key()).isEqualTo(key);
		assertThat(definition.title().translations()).containsKeys("de", "en");
		assertThat(definition.local().responsibleUnit()).isNotBlank();
		assertThat(definition.pages()).hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void theBirthCertificateCostsTwelveEurosPerCopy() {
		FormEngine engine = new FormEngine(definition("geburtsurkunde"), LocalDate.of(2026, 11, 23));
		Answers answers = new Answers();
		answers.put("certificates", new ArrayList<>(List.of(item(Map.of("kind", "geburtsurkunde", "copies", "2")),
				item(Map.of("kind", "international", "copies", "1")))));
		assertThat(engine.computedValues(answers)).containsEntry("fee", new BigDecimal("36.00"));
	}

	@Test
	void theDogTaxCountsEveryDogAndDangerousDogsMore() {
		FormEngine engine = new FormEngine(definition("hundesteuer-anmeldung"), LocalDate.of(2026, 11, 23));
		Answers answers = new Answers();
		answers.put("dogs", new ArrayList<>(List.of(item(Map.of("name", "Bello", "dangerous", "no")),
				item(Map.of("name", "Rex", "dangerous", "yes")))));
		assertThat(engine.computedValues(answers)).containsEntry("annualTax", new BigDecimal("696.00"));
	}

	@Test
	void aDeathCertificateNeedsADateOfDeathOnOrAfterTheBirthAndIsNeverAboutTheApplicant() {
		FormDefinition definition = definition("urkundenanforderung");
		FormEngine engine = new FormEngine(definition, LocalDate.of(2026, 11, 23));
		Answers answers = new Answers();
		answers.put("kind", "sterbe");
		answers.put("relation", "selbst");
		assertThat(engine.validate(definition.page("urkunde").orElseThrow(), answers))
			.extracting((error) -> error.custom().german())
			.containsExactly("Eine Sterbeurkunde gibt es nicht über Sie selbst. "
					+ "Wählen Sie, wer die verstorbene Person für Sie war.");
		answers.put("relation", "nachkomme");
		assertThat(engine.visiblePages(answers)).extracting(FormDefinition.Page::id)
			.contains("sterbefall")
			.doesNotContain("geburt", "ehe");
		FormDefinition.Page death = definition.page("sterbefall").orElseThrow();
		answers.put("deceasedName", "Gertrud Beispiel");
		answers.put("deathPlace", "Musterstadt");
		answers.put("deceasedBorn", date("12", "2", "1940"));
		answers.put("died", date("1", "1", "1939"));
		assertThat(engine.validate(death, answers)).extracting((error) -> error.custom().german())
			.containsExactly("Das Sterbedatum muss am oder nach dem Geburtsdatum liegen.");
		answers.put("died", date("3", "11", "2026"));
		assertThat(engine.validate(death, answers)).isEmpty();
		answers.put("copies", "3");
		assertThat(engine.computedValues(answers)).containsEntry("fee", new BigDecimal("36.00"));
	}

	@Test
	void anAssemblyEndsAfterItStartsAndLargeOnesNeedOneStewardPerFifty() {
		FormDefinition definition = definition("versammlung-anzeige");
		FormEngine engine = new FormEngine(definition, LocalDate.of(2026, 11, 23));
		Answers answers = new Answers();
		answers.put("topic", "Mehr Radwege");
		answers.put("kind", "kundgebung");
		answers.put("date", date("5", "12", "2026"));
		answers.put("startTime", "14:00");
		answers.put("endTime", "13:30");
		assertThat(engine.validate(definition.page("versammlung").orElseThrow(), answers))
			.extracting(FieldError::anchor)
			.containsExactly("endTime");
		answers.put("endTime", "2 Uhr");
		assertThat(engine.validate(definition.page("versammlung").orElseThrow(), answers))
			.extracting((error) -> error.custom().german())
			.containsExactly("Geben Sie die Uhrzeit als Stunden und Minuten an, zum Beispiel 16:30.");
		answers.put("participants", "400");
		answers.put("stewards", "4");
		FormDefinition.Page stewards = definition.page("ordner").orElseThrow();
		assertThat(engine.validate(stewards, answers)).extracting(FieldError::anchor).containsExactly("stewards");
		answers.put("stewards", "8");
		assertThat(engine.validate(stewards, answers)).isEmpty();
	}

	@Test
	void aDogMovedAwayAsksForTheNewAddress() {
		FormDefinition definition = definition("hundesteuer-abmeldung");
		FormEngine engine = new FormEngine(definition, LocalDate.of(2026, 11, 23));
		Answers answers = new Answers();
		answers.put("dogs", new ArrayList<>(List.of(item(Map.of("name", "Bello", "reason", "tod")))));
		assertThat(engine.visiblePages(answers)).extracting(FormDefinition.Page::id).doesNotContain("wegzug");
		answers.put("dogs", new ArrayList<>(List.of(item(Map.of("name", "Bello", "reason", "tod")),
				item(Map.of("name", "Rex", "reason", "wegzug")))));
		assertThat(engine.visiblePages(answers)).extracting(FormDefinition.Page::id).contains("wegzug");
	}

	private static Map<String, String> date(String day, String month, String year) {
		return new LinkedHashMap<>(Map.of("day", day, "month", month, "year", year));
	}

	private FormDefinition definition(String key) {
		return this.reader.read(FormsTestSupport.read("src/main/resources/forms/demo/" + key + ".json"), Locale.GERMAN);
	}

	private static Map<String, Object> item(Map<String, Object> values) {
		return new LinkedHashMap<>(values);
	}

}
