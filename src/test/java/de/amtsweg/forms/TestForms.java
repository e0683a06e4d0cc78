package de.amtsweg.forms;

import java.util.Locale;
import java.util.UUID;

import de.amtsweg.forms.internal.FormDefinitions;
import de.amtsweg.platform.SystemActor;

/** Forms the integration tests create for themselves, each under a fresh key. */
final class TestForms {

	/**
	 * A death certificate order: a person page with a cross-field rule, a repeatable
	 * group with a computed fee, a conditional page and an IBAN.
	 */
	static final String DEATH_CERTIFICATE = """
			{
			  "schemaVersion": 1,
			  "key": "KEY",
			  "title": {"de": "Sterbeurkunde beantragen", "en": "Apply for a death certificate"},
			  "summary": "Beantragen Sie eine Sterbeurkunde beim Standesamt.",
			  "beforeYouStart": ["Name und Lebensdaten der verstorbenen Person"],
			  "pages": [
			    {"id": "person", "title": {"de": "Verstorbene Person", "en": "Deceased person"}, "fields": [
			      {"id": "name", "type": "text", "label": {"de": "Name", "en": "Name"}, "maxLength": 80},
			      {"id": "born", "type": "date", "label": {"de": "Geburtsdatum", "en": "Date of birth"}, "maxDate": "today"},
			      {"id": "died", "type": "date", "label": {"de": "Sterbedatum", "en": "Date of death"}, "maxDate": "today"}
			    ]},
			    {"id": "urkunden", "title": "Urkunden", "fields": [
			      {"id": "certificates", "type": "group", "label": "Urkunden", "itemLabel": "Urkunde",
			       "minItems": 1, "maxItems": 3, "fields": [
			         {"id": "kind", "type": "choice", "label": "Art der Urkunde", "codeList": "kinds"},
			         {"id": "copies", "type": "number", "label": "Anzahl", "min": 1, "max": 10}
			       ]},
			      {"id": "abroad", "type": "yesNo", "label": "Wird die Urkunde im Ausland gebraucht?"}
			    ]},
			    {"id": "ausland", "title": "Verwendung im Ausland", "showIf": "abroad == true", "fields": [
			      {"id": "country", "type": "text", "label": "Staat"}
			    ]},
			    {"id": "kontakt", "title": "Kontakt und Zahlung", "fields": [
			      {"id": "email", "type": "email", "label": "E-Mail-Adresse", "prefill": "email"},
			      {"id": "iban", "type": "iban", "label": "IBAN für die Lastschrift"},
			      {"id": "consent", "type": "declaration", "label": "Ich versichere, dass meine Angaben richtig sind."}
			    ]}
			  ],
			  "codeLists": {"kinds": [{"code": "standard", "label": "Sterbeurkunde"},
			                          {"code": "international", "label": "Internationale Sterbeurkunde"}]},
			  "rules": [{"id": "diedAfterBirth", "check": "died >= born", "field": "died",
			             "message": {"de": "Das Sterbedatum muss am oder nach dem Geburtsdatum liegen.",
			                         "en": "The date of death must be on or after the date of birth."}}],
			  "parameters": [{"id": "feePerCopy", "label": "Gebühr je Urkunde", "type": "money", "default": "12.00"}],
			  "computed": [{"id": "fee", "label": "Gebühr", "type": "money",
			                "expression": "sum(certificates.copies) * feePerCopy"}],
			  "local": {"responsibleUnit": "standesamt", "afterSubmit": "Das Standesamt schickt die Urkunden per Post."}
			}
			""";

	/** A form with a file upload that takes PDFs only. */
	static final String WITH_UPLOAD = """
			{
			  "schemaVersion": 1,
			  "key": "KEY",
			  "title": "Nachweis einreichen",
			  "pages": [
			    {"id": "nachweis", "title": "Nachweis", "fields": [
			      {"id": "proof", "type": "file", "label": "Nachweis", "accept": ["pdf"], "maxFiles": 2, "maxSizeKb": 100}
			    ]}
			  ]
			}
			""";

	private TestForms() {
	}

	static String uniqueKey(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Creates and publishes the definition under a fresh key; returns the key. */
	static String publish(FormDefinitions definitions, UUID municipalityId, String template, String prefix) {
		String key = uniqueKey(prefix);
		SystemActor.run(() -> {
			definitions.save(municipalityId, template.replace("\"KEY\"", "\"" + key + "\""), "editor", Locale.GERMAN);
			definitions.publish(municipalityId, key);
		});
		return key;
	}

}
