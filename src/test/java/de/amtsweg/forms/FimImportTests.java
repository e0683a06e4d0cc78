package de.amtsweg.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import de.amtsweg.forms.internal.definition.FieldType;
import de.amtsweg.forms.internal.definition.FormDefinition;
import de.amtsweg.forms.internal.definition.FormDefinitionReader;
import de.amtsweg.forms.internal.fim.FimImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Imports the XDatenfelder 2 and 3 test schemas (src/test/resources/fim, EUPL-1.2). */
class FimImportTests {

	private final FimImporter importer = new FimImporter(FormsTestSupport.messages());

	private final FormDefinitionReader reader = new FormDefinitionReader(FormsTestSupport.messages());

	@Test
	void aVersion2SchemaWithAGroupBecomesAPageWithItsFieldAndConstraints() {
		FimImporter.Result result = this.importer.importXml(fixture("flxbe_v2_simple.xml"), Locale.GERMAN);
		assertThat(result.xdatenfelderVersion()).isEqualTo("2");
		assertThat(result.fimId()).isEqualTo("T1234");
		FormDefinition definition = this.reader.read(result.definitionJson(), Locale.GERMAN);
		assertThat(definition.key()).isEqualTo("fim-t1234");
		assertThat(definition.pages()).singleElement().satisfies((page) -> {
			assertThat(page.title().german()).isEqualTo("Natürliche Person");
			assertThat(page.fields()).singleElement().satisfies((field) -> {
				assertThat(field.id()).isEqualTo("F60000227");
				assertThat(field.type()).isEqualTo(FieldType.TEXT);
				assertThat(field.label().german()).isEqualTo("Familienname");
				assertThat(field.hint().german()).isEqualTo("Hilfe Eingabe");
				assertThat(field.minLength()).isEqualTo(1);
				assertThat(field.maxLength()).isEqualTo(120);
				assertThat(field.required()).isTrue();
			});
		});
		assertThat(result.notMapped()).singleElement()
			.satisfies((note) -> assertThat(note).startsWith("Die Regel R60000037 „MindestEineAngabe“ (an T1234)"));
	}

	@Test
	void aSelectFieldBecomesAChoiceAndTheMissingCodeListIsReported() {
		FimImporter.Result result = this.importer.importXml(fixture("flxbe_v2_select.xml"), Locale.GERMAN);
		FormDefinition definition = this.reader.read(result.definitionJson(), Locale.GERMAN);
		FormDefinition.Field field = definition.field("F123").orElseThrow();
		assertThat(field.type()).isEqualTo(FieldType.CHOICE);
		assertThat(field.codeList()).isEqualTo("C123");
		assertThat(definition.codeLists()).containsKey("C123");
		assertThat(result.notMapped()).singleElement()
			.satisfies((note) -> assertThat(note).contains("Codeliste C123 (urn:de:example)", "Ergänzen Sie"));
	}

	@Test
	void aSchemaWithOnlyARuleGivesNoFormButSaysWhy() {
		FimImporter.Result result = this.importer.importXml(fixture("flxbe_v2_rule.xml"), Locale.GERMAN);
		assertThat(result.definitionJson()).isNull();
		assertThat(result.notMapped()).hasSize(2)
			.anySatisfy((note) -> assertThat(note).contains("R60000037", "function script() {}"))
			.anySatisfy((note) -> assertThat(note)
				.isEqualTo("Das Schema T1234 enthält keine Datenfelder; daraus lässt sich kein Formular bilden."));
	}

	@Test
	void aVersion3GroupWithNestedGroupsAndFreeTextRulesIsImported() {
		FimImporter.Result result = this.importer.importXml(fixture("flxbe_v3_simple.xml"), Locale.GERMAN);
		assertThat(result.xdatenfelderVersion()).isEqualTo("3");
		FormDefinition definition = this.reader.read(result.definitionJson(), Locale.GERMAN);
		assertThat(definition.title().german()).isEqualTo("Anschrift in Deutschland");
		assertThat(definition.pages()).singleElement().satisfies((page) -> {
			assertThat(page.title().german()).isEqualTo("Straßenanschrift");
			assertThat(page.hint().german()).startsWith("Geben Sie die Anschrift mit Straße");
		});
		FormDefinition.Field street = definition.field("F60000000243").orElseThrow();
		assertThat(street.maxLength()).isEqualTo(55);
		assertThat(street.hint().german()).isEqualTo("Geben Sie an, wie die Straße heißt.");
		assertThat(result.notMapped()).hasSize(2)
			.allSatisfy((note) -> assertThat(note).startsWith("Die Regel R60000000019")
				.contains("Es muss entweder Feldgruppe G60000086"));
	}

	@Test
	void aVersion3InputGroupIsImportedWithItsOddsReported() {
		FimImporter.Result result = this.importer.importXml(fixture("flxbe_v3_input.xml"), Locale.GERMAN);
		FormDefinition definition = this.reader.read(result.definitionJson(), Locale.GERMAN);
		FormDefinition.Field field = definition.fields().get(0);
		assertThat(field.type()).isEqualTo(FieldType.CHOICE);
		// the group may be left out (0:1), so its fields are optional
		assertThat(field.required()).isFalse();
		assertThat(result.notMapped()).anySatisfy((note) -> assertThat(note).contains("verweist auf die Codeliste"))
			.anySatisfy((note) -> assertThat(note).contains("Präzisierung", "minValue"));
	}

	@Test
	void malformedAndForeignFilesAreRefusedWithAClearMessage() {
		assertThatThrownBy(() -> this.importer.importXml(
				"<xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf=\"urn:xoev-de:fim:standard:xdatenfelder_2\"><xdf:header>"
					.getBytes(StandardCharsets.UTF_8),
				Locale.GERMAN))
			.isInstanceOf(FimImporter.FimImportException.class)
			.hasMessageStartingWith("Die Datei ist kein wohlgeformtes XML (Zeile 1");
		assertThatThrownBy(() -> this.importer.importXml("<rechnung/>".getBytes(StandardCharsets.UTF_8), Locale.GERMAN))
			.hasMessageStartingWith("Die Datei ist keine XDatenfelder-Nachricht (Wurzelelement „rechnung“)");
		assertThatThrownBy(() -> this.importer
			.importXml("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
				.getBytes(StandardCharsets.UTF_8), Locale.GERMAN))
			.isInstanceOf(FimImporter.FimImportException.class);
	}

	static byte[] fixture(String name) {
		try (InputStream in = FimImportTests.class.getResourceAsStream("/fim/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
