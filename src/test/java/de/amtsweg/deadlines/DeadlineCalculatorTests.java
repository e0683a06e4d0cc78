package de.amtsweg.deadlines;

import de.amtsweg.support.BrowserTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The public calculator page: the result in words, errors by field, accessible. */
class DeadlineCalculatorTests extends BrowserTest {

	@Test
	void theCalculatorExplainsTheEndAndTheDaysItMovedOver() {
		WebSession.Page page = newSession().get("/fristenrechner?state=NI&from=2026-01-31&amount=1&unit=M");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select("#ergebnis").text()).contains("Die Frist endet am Montag, 2. März 2026.",
				"Samstag, 31. Januar 2026", "1 Monat später ist der Samstag, 28. Februar 2026",
				"Samstag, 28. Februar 2026: Samstag", "Sonntag, 1. März 2026: Sonntag", "§ 193 BGB");
	}

	@Test
	void badInputIsExplainedNextToTheFields() {
		WebSession.Page page = newSession().get("/fristenrechner?state=NI&from=31.2.2026&amount=0&unit=M");

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.title()).startsWith("Fehler: ");
		assertThat(page.document().select(".error-summary a").eachAttr("href")).containsExactly("#from", "#amount");
	}

	@Test
	void theCalculatorIsAccessibleOnDesktopAndPhone() {
		open("/fristenrechner");
		assertAccessibleOnDesktopAndPhone();

		open("/fristenrechner?state=HE&from=2026-03-05&amount=1&unit=M");
		assertThat(mainText()).contains("Ostersonntag", "Ostermontag", "Dienstag, 7. April 2026");
		assertAccessibleOnDesktopAndPhone();

		open("/fristenrechner?state=HE&from=&amount=&unit=M");
		assertThat(title()).startsWith("Fehler: ");
		assertAccessible();

		open("/fristenrechner?sprache=en&state=NI&from=2026-01-31&amount=1&unit=M");
		assertThat(mainText()).contains("The deadline ends on Monday, 2 March 2026.");
		assertAccessible();
	}

}
