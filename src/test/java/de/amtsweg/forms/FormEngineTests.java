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
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormEngineTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	private final FormDefinition definition = new FormDefinitionReader(FormsTestSupport.messages())
		.read(FormDefinitionReaderTests.CERTIFICATE, Locale.GERMAN);

	private final FormEngine engine = new FormEngine(this.definition, TODAY);

	private final FormDefinition.Page person = this.definition.page("person").orElseThrow();

	private final FormDefinition.Page copies = this.definition.page("copies").orElseThrow();

	@Test
	void missingAnswersAreNamedWithHowToFixThem() {
		List<FieldError> errors = this.engine.validate(this.person, new Answers());
		assertThat(errors).extracting(FieldError::anchor).containsExactly("name", "born-day", "died-day");
		assertThat(errors).extracting(FieldError::messageKey)
			.containsExactly("forms.error.required.text", "forms.error.required.date", "forms.error.required.date");
	}

	@Test
	void aDateOfDeathBeforeTheDateOfBirthBreaksTheRule() {
		Answers answers = new Answers();
		answers.put("name", "Erika Muster");
		answers.put("born", parts("12", "8", "1964"));
		answers.put("died", parts("1", "1", "1960"));
		List<FieldError> errors = this.engine.validate(this.person, answers);
		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.anchor()).isEqualTo("died-day");
			assertThat(error.custom().german()).isEqualTo("Das Sterbedatum muss nach dem Geburtsdatum liegen.");
		});
		answers.put("died", parts("3", "2", "2026"));
		assertThat(this.engine.validate(this.person, answers)).isEmpty();
	}

	@Test
	void datesAreCheckedPartByPartAndAgainstToday() {
		Answers answers = new Answers();
		answers.put("name", "X");
		answers.put("born", parts("12", "", "1964"));
		answers.put("died", parts("30", "2", "2020"));
		assertThat(this.engine.validate(this.person, answers)).extracting(FieldError::messageKey)
			.containsExactly("forms.error.date.missing.month", "forms.error.date.invalid");
		answers.put("born", parts("1", "1", "2030"));
		answers.put("died", parts("1", "1", "2031"));
		assertThat(this.engine.validate(this.person, answers)).extracting(FieldError::messageKey)
			.containsExactly("forms.error.date.future", "forms.error.date.future");
	}

	@Test
	void theFeeIsComputedFromTheRepeatedCertificatesWithTheLocalPrice() {
		Answers answers = new Answers();
		answers.put("certificates", new ArrayList<>(List.of(item("standard", "2"), item("international", "1"))));
		assertThat(this.engine.validate(this.copies, answers)).isEmpty();
		assertThat(this.engine.computedValues(answers)).containsEntry("fee", new BigDecimal("39.00"));
	}

	@Test
	void aFieldShowsOnlyWhenItsConditionHolds() {
		Answers answers = new Answers();
		answers.put("certificates", new ArrayList<>(List.of(item("standard", "1"))));
		assertThat(this.engine.visibleFields(this.copies, answers)).extracting(FormDefinition.Field::id)
			.containsExactly("certificates");
		answers.put("purpose", "Rente");
		this.engine.prune(answers);
		assertThat(answers.has("purpose")).isFalse();
		answers.put("certificates", new ArrayList<>(List.of(item("international", "1"))));
		assertThat(this.engine.visibleFields(this.copies, answers)).extracting(FormDefinition.Field::id)
			.containsExactly("certificates", "purpose");
	}

	@Test
	void entriesOfAGroupAreValidatedEachWithTheirNumber() {
		Answers answers = new Answers();
		answers.put("certificates", new ArrayList<>(List.of(item("standard", "1"), item("", "0"))));
		List<FieldError> errors = this.engine.validate(this.copies, answers);
		assertThat(errors).extracting(FieldError::path).containsExactly("certificates.1.kind", "certificates.1.count");
		assertThat(errors).extracting(FieldError::anchor)
			.containsExactly("certificates-1-kind", "certificates-1-count");
		assertThat(errors.get(1).item().number()).isEqualTo(2);
		assertThat(errors).extracting(FieldError::messageKey)
			.containsExactly("forms.error.required.choice", "forms.error.number.min");
		assertThat(this.engine.validate(this.copies, new Answers())).extracting(FieldError::messageKey)
			.containsExactly("forms.error.group.min");
	}

	private static Map<String, Object> item(String kind, String count) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("kind", kind);
		item.put("count", count);
		return item;
	}

	private static Map<String, String> parts(String day, String month, String year) {
		return new LinkedHashMap<>(Map.of("day", day, "month", month, "year", year));
	}

}
