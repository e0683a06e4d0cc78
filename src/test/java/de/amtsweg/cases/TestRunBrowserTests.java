package de.amtsweg.cases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import de.amtsweg.support.BrowserTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Testbetrieb in Chromium: the admin uploads a draft, starts the Testbetrieb, creates a
 * test case, completes its tasks and promotes the version after the confirmation;
 * axe-core checks every page, the work view also at phone width.
 */
class TestRunBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAdminTriesADraftOnATestCaseAndPromotesIt() throws IOException {
		UUID caseType = this.jdbc.sql("""
				insert into case_type (municipality_id, form_key, version, name_de, name_en, processing_days)
				values ((select id from municipality where slug = 'musterstadt'), :key, 1, 'Zuschuss', 'Grant', 30)
				returning id""")
			.param("key", "testbetrieb-" + UUID.randomUUID().toString().substring(0, 8))
			.query(UUID.class)
			.single();
		Path file = Files.createTempFile("laufweg", ".bpmn");
		Files.writeString(file, RouteAdminTests.resource("escalation-route.bpmn"), StandardCharsets.UTF_8);

		signInAsStaff("admin@musterstadt.example");
		open("/intern/admin/verfahren/" + caseType);
		find("#datei").sendKeys(file.toAbsolutePath().toString());
		waitForNextPage(() -> click("form[action$='/hochladen'] button[type=submit]"));
		assertThat(path()).contains("/laufwege/");

		follow("#zum-testbetrieb");
		assertThat(path()).endsWith("/testbetrieb");
		assertAccessible();
		follow("#testbetrieb-starten");
		assertThat(mainText()).contains("Der Testbetrieb läuft");
		assertAccessible();

		type("#antragsteller", "Erika Test");
		type("#beispieldaten", "amount=50");
		follow("#testfall-anlegen");
		assertThat(path()).startsWith("/intern/testbetrieb/");
		assertThat(mainText()).contains("Testfall T-1", "Vollständigkeit prüfen");
		assertAccessibleOnDesktopAndPhone();

		follow("[data-task=check] button[type=submit]");
		assertThat(mainText()).contains("Entscheiden");
		click("#result");
		type("#reason", "Unterlagen vollständig");
		follow("[data-task=decide] button[type=submit]");
		assertThat(mainText()).contains("Bescheid erstellt (nicht versandt)",
				"Nachricht an die antragstellende Person (nicht versandt)", "Vorgang abschließen");
		assertAccessible();

		follow("main a[href$='/testbetrieb']");
		assertThat(find("#testfaelle").getText()).contains("T-1", "Erika Test", "Entschieden");
		follow("#version-freigeben");
		assertThat(mainText()).contains("freigeben?");
		assertAccessible();
		follow("#freigabe-bestaetigen");

		assertThat(path()).isEqualTo("/intern/admin/verfahren/" + caseType);
		assertThat(mainText()).contains("Version 1 ist freigegeben");
		assertAccessible();
		assertThat(this.jdbc.sql("select state from case_route where case_type_id = :t")
			.param("t", caseType)
			.query(String.class)
			.single()).isEqualTo("PUBLISHED");
		Files.deleteIfExists(file);
	}

}
