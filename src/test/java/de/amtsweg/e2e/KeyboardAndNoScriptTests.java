package de.amtsweg.e2e;

import de.amtsweg.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages work with the keyboard alone and without JavaScript. */
class KeyboardAndNoScriptTests extends BrowserTest {

	@Test
	void theSkipLinkIsTheFirstStopAndMovesFocusToTheContent() {
		open("/gemeinde/musterstadt");
		open("/kontakt");
		find("body").sendKeys(Keys.TAB);
		assertThat(script("return document.activeElement.className;")).isEqualTo("skip-link");
		assertThat(find(".skip-link").getRect().getX()).as("the focused skip link is on screen")
			.isGreaterThanOrEqualTo(0);
		browser().switchTo().activeElement().sendKeys(Keys.ENTER);
		assertThat(script("return document.activeElement.id;")).isEqualTo("inhalt");
		browser().switchTo().activeElement().sendKeys(Keys.TAB);
		assertThat(script("return document.activeElement.closest('main') !== null;"))
			.as("the next stop after the skip is inside the content")
			.isEqualTo(true);
	}

	@Test
	void aMunicipalityCanBeChosenWithoutJavaScript() {
		openWithoutJavaScript("/kontakt");
		assertThat(pageScriptsRan()).isFalse();
		assertThat(path()).startsWith("/gemeinde-waehlen");
		click("input[value=beispielheim]");
		submit("/gemeinde-waehlen");
		assertThat(path()).isEqualTo("/kontakt");
		assertThat(pageScriptsRan()).isFalse();
		assertThat(mainText()).contains("Gemeinde Beispielheim", "Lindenstraße 4");
		assertAccessible();
	}

	@Test
	void thePostcodeSearchWorksWithoutJavaScript() {
		openWithoutJavaScript("/gemeinde-waehlen?weiter=/impressum");
		type("#plz", "31999");
		submitFormWith("#plz");
		assertThat(find("input[value=musterstadt]").isSelected()).as("the only match is preselected").isTrue();
		submit("/gemeinde-waehlen");
		assertThat(path()).isEqualTo("/impressum");
		assertThat(mainText()).contains("Stadt Musterstadt");
	}

}
