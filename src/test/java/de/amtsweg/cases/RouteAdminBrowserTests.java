package de.amtsweg.cases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import de.amtsweg.support.BrowserTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin's route pages in Chromium: upload through the file field, the diagram drawn
 * by the locally served bpmn-js viewer under the strict Content-Security-Policy, the
 * steps as a list without JavaScript, and axe-core finding no WCAG 2.1 AA violation.
 */
class RouteAdminBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void anUploadedRouteIsDrawnAsDiagramAndListedWithoutJavaScript() throws IOException {
		UUID caseType = this.jdbc.sql("""
				insert into case_type (municipality_id, form_key, version, name_de, name_en, processing_days)
				values ((select id from municipality where slug = 'musterstadt'), :key, 1, 'Zuschuss', 'Grant', 30)
				returning id""")
			.param("key", "laufweg-" + UUID.randomUUID().toString().substring(0, 8))
			.query(UUID.class)
			.single();
		Path file = Files.createTempFile("laufweg", ".bpmn");
		Files.writeString(file, RouteAdminTests.resource("escalation-route.bpmn"), StandardCharsets.UTF_8);

		signInAsStaff("admin@musterstadt.example");
		open("/intern/admin/verfahren");
		assertAccessibleOnDesktopAndPhone();
		open("/intern/admin/verfahren/" + caseType);
		assertAccessibleOnDesktopAndPhone();

		find("#datei").sendKeys(file.toAbsolutePath().toString());
		waitForNextPage(() -> click("form[action$='/hochladen'] button[type=submit]"));

		assertThat(path()).contains("/laufwege/");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "true".equals(find("#route-diagram").getAttribute("data-rendered")));
		assertThat(findAll("#route-diagram svg [data-element-id]")).hasSizeGreaterThan(20);
		assertThat(findAll("#route-diagram svg [data-element-id='decide']")).isNotEmpty();
		assertThat(find("#route-diagram").isDisplayed()).isTrue();
		assertAccessibleOnDesktopAndPhone();

		String routePage = path();
		openWithoutJavaScript(routePage);
		assertThat(find("#route-diagram").isDisplayed()).isFalse();
		assertThat(findAll("#route-diagram svg")).isEmpty();
		assertThat(findAll("ol.route-steps > li")).hasSizeGreaterThan(10);
		assertThat(mainText()).contains("Zweite Prüfung (hoher Betrag)", "Nach 5 Tagen eskalieren");
		assertAccessible();
		Files.deleteIfExists(file);
	}

}
