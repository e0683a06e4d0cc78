package de.amtsweg.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.amtsweg.forms.internal.Answers;
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
			"wohnberechtigungsschein", "wohngeld", "bauantrag" })
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

	private FormDefinition definition(String key) {
		return this.reader.read(FormsTestSupport.read("src/main/resources/forms/demo/" + key + ".json"), Locale.GERMAN);
	}

	private static Map<String, Object> item(Map<String, Object> values) {
		return new LinkedHashMap<>(values);
	}

}
