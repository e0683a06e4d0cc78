package de.amtsweg.catalog;

import java.time.Duration;

import de.amtsweg.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The finder in a real browser: search, results, a service's page, browsing, the
 * dashboards and the admin pages; axe-core finds no WCAG 2.1 A/AA violation on a desktop
 * or a phone, and the pages work without JavaScript.
 */
class CatalogBrowserTests extends BrowserTest {

	@ParameterizedTest
	@ValueSource(strings = { "de", "en" })
	void aCitizenSearchesAndOpensTheServicePage(String language) {
		open("/gemeinde/musterstadt");
		open("/leistungen?sprache=" + language);
		assertAccessibleOnDesktopAndPhone();
		type("#q", "Hunde");
		// with JavaScript, htmx puts the results into the page instead of loading a new
		// one
		click("form[role=search] button[type=submit]");
		new WebDriverWait(browser(), Duration.ofSeconds(15))
			.until((driver) -> !driver.findElements(By.cssSelector("#ergebnisse li h2 a")).isEmpty());
		assertThat(path()).startsWith("/leistungen?q=Hunde");
		assertThat(find("#ergebnisse [role=status]").getText()).endsWith(language.equals("de") ? "gefunden" : "found");
		assertThat(find("#ergebnisse li h2 a").getText()).isEqualTo(language.equals("de") ? "Hundesteuer" : "Dog tax");
		assertAccessibleOnDesktopAndPhone();
		follow("#ergebnisse li h2 a");
		assertThat(path()).isEqualTo("/leistungen/hundesteuer");
		assertThat(find("main .panel").getText()).contains("Steueramt");
		assertThat(find("script[type='application/ld+json']").getDomProperty("text")).contains("GovernmentService");
		assertAccessibleOnDesktopAndPhone();
	}

	@Test
	void theSearchWorksWithoutJavaScript() {
		open("/gemeinde/beispielheim");
		openWithoutJavaScript("/leistungen");
		type("#q", "Geburtsurkunfe");
		submitFormWith("#q");
		assertThat(mainText()).contains("Wir haben nach „geburtsurkunde“ gesucht.");
		follow("#ergebnisse li h2 a");
		assertThat(path()).isEqualTo("/leistungen/geburtsurkunde");
	}

	@Test
	void aMisspeltOrOverlongQueryIsAccessibleToo() {
		open("/gemeinde/musterstadt");
		open("/leistungen?q=" + "a".repeat(101));
		assertThat(title()).startsWith("Fehler: ");
		assertAccessibleOnDesktopAndPhone();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/leistungen/a-z", "/leistungen/a-z?buchstabe=w", "/lebenslagen/umzug",
			"/leistungen/wohngeld", "/leistungen/fundtiere-und-tierheime", "/digitale-verwaltung" })
	void browsingPagesAreAccessible(String page) {
		open("/gemeinde/musterstadt");
		open(page);
		assertAccessibleOnDesktopAndPhone();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/intern/admin/katalog", "/intern/admin/katalog/kreis", "/intern/admin/katalog/standorte",
			"/intern/admin/katalog/standorte/neu", "/intern/admin/katalog/leistungen/neu",
			"/intern/admin/katalog/austausch", "/intern/ozg-dashboard" })
	void theAdminPagesAreAccessible(String page) {
		signInAsStaff("admin@musterstadt.example");
		open(page);
		assertThat(title()).doesNotStartWith("Fehler");
		assertAccessibleOnDesktopAndPhone();
	}

	@Test
	void aResponsibilityWithAnErrorIsAccessible() {
		signInAsStaff("admin@beispielheim.example");
		open("/intern/admin/katalog");
		follow("main tbody th a");
		assertAccessibleOnDesktopAndPhone();
		type("#onlineUrl", "nicht-gueltig");
		submit(path());
		assertThat(title()).startsWith("Fehler: ");
		assertAccessibleOnDesktopAndPhone();
	}

}
