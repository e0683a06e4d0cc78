package de.amtsweg.forms;

import java.util.Locale;

import de.amtsweg.forms.internal.definition.FieldType;
import de.amtsweg.forms.internal.definition.FormDefinition;
import de.amtsweg.forms.internal.definition.FormDefinitionReader;
import de.amtsweg.forms.internal.definition.InvalidDefinitionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormDefinitionReaderTests {

	private final FormDefinitionReader reader = new FormDefinitionReader(FormsTestSupport.messages());

	static final String CERTIFICATE = """
			{
			  "schemaVersion": 1,
			  "key": "sterbeurkunde",
			  "title": {"de": "Sterbeurkunde beantragen", "en": "Apply for a death certificate"},
			  "pages": [
			    {"id": "person", "title": "Verstorbene Person", "fields": [
			      {"id": "name", "type": "text", "label": "Name", "maxLength": 80},
			      {"id": "born", "type": "date", "label": "Geburtsdatum", "maxDate": "today"},
			      {"id": "died", "type": "date", "label": "Sterbedatum", "maxDate": "today"}
			    ]},
			    {"id": "copies", "title": "Urkunden", "fields": [
			      {"id": "certificates", "type": "group", "label": "Urkunden", "minItems": 1, "maxItems": 5,
			       "fields": [
			         {"id": "kind", "type": "choice", "label": "Art", "codeList": "kinds"},
			         {"id": "count", "type": "number", "label": "Anzahl", "min": 1, "max": 10}
			       ]},
			      {"id": "purpose", "type": "text", "label": "Zweck", "required": false,
			       "showIf": "contains(certificates.kind, 'international')"}
			    ]}
			  ],
			  "codeLists": {"kinds": [{"code": "standard", "label": "Standard"},
			                          {"code": "international", "label": "Mehrsprachig"}]},
			  "rules": [{"id": "diedAfterBirth", "check": "died >= born", "field": "died",
			             "message": "Das Sterbedatum muss nach dem Geburtsdatum liegen."}],
			  "parameters": [{"id": "feePerCopy", "label": "Gebühr je Urkunde", "type": "money", "default": "12.00"}],
			  "computed": [{"id": "fee", "label": "Gebühr", "type": "money",
			                "expression": "sum(certificates.count) * feePerCopy"}],
			  "local": {"responsibleUnit": "standesamt", "parameters": {"feePerCopy": "13.00"}}
			}
			""";

	@Test
	void aValidDefinitionIsReadIntoTheModel() {
		FormDefinition definition = this.reader.read(CERTIFICATE, Locale.GERMAN);
		assertThat(definition.key()).isEqualTo("sterbeurkunde");
		assertThat(definition.title().in(Locale.ENGLISH)).isEqualTo("Apply for a death certificate");
		assertThat(definition.pages()).extracting(FormDefinition.Page::id).containsExactly("person", "copies");
		assertThat(definition.field("certificates")).hasValueSatisfying((group) -> {
			assertThat(group.type()).isEqualTo(FieldType.GROUP);
			assertThat(group.fields()).hasSize(2);
		});
		assertThat(definition.field("purpose").orElseThrow().required()).isFalse();
		assertThat(definition.parameterValue("feePerCopy")).isEqualTo("13.00");
		assertThat(definition.local().responsibleUnit()).isEqualTo("standesamt");
	}

	@Test
	void aSchemaViolationIsReportedWithItsLocationInPlainWords() {
		String broken = CERTIFICATE.replace("\"type\": \"text\", \"label\": \"Name\"",
				"\"type\": \"freetext\", \"label\": \"Name\"");
		assertThatThrownBy(() -> this.reader.read(broken, Locale.GERMAN))
			.isInstanceOfSatisfying(InvalidDefinitionException.class, (ex) -> {
				assertThat(ex.problems()).anySatisfy((problem) -> {
					assertThat(problem.location()).isEqualTo("/pages/0/fields/0/type");
					assertThat(problem.message()).contains("Aufzählung");
				});
			});
	}

	@Test
	void brokenJsonSaysWhere() {
		assertThatThrownBy(() -> this.reader.read("{\"key\": \"x\",,}", Locale.GERMAN))
			.isInstanceOfSatisfying(InvalidDefinitionException.class, (ex) -> assertThat(ex.problems().get(0).message())
				.startsWith("Die Definition ist kein gültiges JSON (Zeile 1, Spalte"));
	}

	@Test
	void theFormsOwnLogicIsChecked() {
		String broken = CERTIFICATE.replace("\"codeList\": \"kinds\"", "\"codeList\": \"sorts\"")
			.replace("\"check\": \"died >= born\"", "\"check\": \"died >= birthday\"")
			.replace("\"id\": \"born\"", "\"id\": \"name\"");
		assertThatThrownBy(() -> this.reader.read(broken, Locale.GERMAN))
			.isInstanceOfSatisfying(InvalidDefinitionException.class, (ex) -> assertThat(ex.problems())
				.extracting(Object::toString)
				.contains(
						"/pages/0/fields/1/id: Die Feld-ID „name“ kommt mehrmals vor. Jedes Feld braucht eine eigene ID.",
						"/pages/1/fields/0/fields/0/codeList: Die Codeliste „sorts“ gibt es nicht. Legen Sie sie unter „codeLists“ an oder korrigieren Sie den Namen.")
				.anySatisfy(
						(problem) -> assertThat(problem).startsWith("/rules/0/check: Der Ausdruck nennt „birthday“")));
	}

	@Test
	void aPageConditionMayOnlyNameEarlierAnswers() {
		String broken = CERTIFICATE.replace("\"title\": \"Verstorbene Person\",",
				"\"title\": \"Verstorbene Person\", \"showIf\": \"count(certificates) > 0\",");
		assertThatThrownBy(() -> this.reader.read(broken, Locale.GERMAN)).isInstanceOfSatisfying(
				InvalidDefinitionException.class,
				(ex) -> assertThat(ex.problems()).extracting(Object::toString)
					.anySatisfy((problem) -> assertThat(problem)
						.startsWith("/pages/0/showIf: Der Ausdruck nennt „certificates“")));
	}

	@Test
	void messagesAreAvailableInEnglish() {
		assertThatThrownBy(() -> this.reader.read(CERTIFICATE.replace("\"kinds\": [", "\"kinds2\": ["), Locale.ENGLISH))
			.isInstanceOfSatisfying(InvalidDefinitionException.class, (ex) -> assertThat(ex.problems())
				.extracting(Object::toString)
				.contains(
						"/pages/1/fields/0/fields/0/codeList: There is no code list \"kinds\". Add it under \"codeLists\" or correct the name."));
	}

	@Test
	void thePublishedSchemaIsTheOneTheApplicationUses() {
		assertThat(FormsTestSupport.read("docs/forms/form-definition.schema.json"))
			.isEqualTo(FormsTestSupport.read("src/main/resources" + FormDefinitionReader.SCHEMA_RESOURCE));
	}

}
