package de.amtsweg.e2e;

import java.util.UUID;

import de.amtsweg.support.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public page, in German and English, on a desktop and a phone: axe-core finds no
 * WCAG 2.1 A/AA violation and nothing scrolls sideways.
 */
class PublicPagesTests extends BrowserTest {

	@ParameterizedTest
	@ValueSource(strings = { "de", "en" })
	void theHomePageWithoutAMunicipalityAsksForOne(String language) {
		open("/?sprache=" + language);
		assertThat(find("html").getDomAttribute("lang")).isEqualTo(language);
		assertThat(find("main .panel a.button").getDomAttribute("href")).isEqualTo("/gemeinde-waehlen");
		assertAccessibleOnDesktopAndPhone();
	}

	@ParameterizedTest
	@ValueSource(strings = { "de", "en" })
	void theChooserListsTheMunicipalities(String language) {
		open("/gemeinde-waehlen?sprache=" + language);
		assertThat(mainText()).contains("Stadt Musterstadt", "Gemeinde Beispielheim");
		assertAccessibleOnDesktopAndPhone();
	}

	@ParameterizedTest
	@ValueSource(strings = { "de", "en" })
	void choosingNothingShowsAFocusedErrorSummary(String language) {
		open("/gemeinde-waehlen?sprache=" + language);
		submit("/gemeinde-waehlen");
		assertThat(title()).startsWith(language.equals("de") ? "Fehler: " : "Error: ");
		assertThat(script("return document.activeElement.classList.contains('error-summary');")).isEqualTo(true);
		click(".error-summary a");
		assertThat(script("return document.activeElement.id;")).isEqualTo("gemeinde");
		assertAccessibleOnDesktopAndPhone();
	}

	@ParameterizedTest
	@ValueSource(strings = { "de", "en" })
	void thePostcodeSearchOffersTheMunicipalitiesOfThatPostcode(String language) {
		open("/gemeinde-waehlen?sprache=" + language);
		type("#plz", "31998");
		submitFormWith("#plz");
		assertThat(findAll("input[name=gemeinde]")).extracting((radio) -> radio.getDomAttribute("value"))
			.containsExactly("beispielheim");
		assertAccessibleOnDesktopAndPhone();
	}

	@ParameterizedTest
	@ValueSource(strings = { "de", "en" })
	void aWrongPostcodeIsExplainedInAnErrorSummary(String language) {
		open("/gemeinde-waehlen?sprache=" + language + "&plz=3199");
		assertThat(title()).startsWith(language.equals("de") ? "Fehler: " : "Error: ");
		assertThat(find(".error-summary a").getText())
			.isEqualTo(find("#plz-error").getText().replaceFirst("^(Fehler|Error):\\s*", ""));
		click(".error-summary a");
		assertThat(script("return document.activeElement.id;")).isEqualTo("plz");
		assertAccessibleOnDesktopAndPhone();
	}

	@ParameterizedTest
	@ValueSource(strings = { "de", "en" })
	void theHomePageOfAChosenMunicipalityShowsItsName(String language) {
		open("/gemeinde/musterstadt");
		open("/?sprache=" + language);
		assertThat(find(".site-header__name").getText()).isEqualTo("Stadt Musterstadt");
		assertThat(find(".municipality-bar").getText()).contains("Stadt Musterstadt");
		assertAccessibleOnDesktopAndPhone();
	}

	@ParameterizedTest(name = "{0} in {1}")
	@CsvSource({ "/kontakt, de", "/kontakt, en", "/impressum, de", "/impressum, en", "/datenschutz, de",
			"/datenschutz, en", "/barrierefreiheit, de", "/barrierefreiheit, en" })
	void theInformationPagesOfAMunicipalityAreAccessible(String path, String language) {
		open("/gemeinde/beispielheim");
		open(path + "?sprache=" + language);
		assertThat(path()).startsWith(path);
		assertThat(mainText()).contains("Gemeinde Beispielheim");
		assertAccessibleOnDesktopAndPhone();
	}

	@ParameterizedTest
	@ValueSource(strings = { "de", "en" })
	void anUnknownAddressShowsAHelpfulNotFoundPage(String language) {
		open("/gibt-es-nicht?sprache=" + language);
		assertThat(find("h1").getText()).isEqualTo(language.equals("de") ? "Seite nicht gefunden" : "Page not found");
		assertThat(findAll("main a")).extracting((link) -> link.getDomAttribute("href")).contains("/", "/kontakt");
		assertAccessibleOnDesktopAndPhone();
	}

	@ParameterizedTest
	@ValueSource(strings = { "de", "en" })
	void aFormSentWithoutItsTokenIsRefusedWithAHelpfulPage(String language) {
		open("/gemeinde-waehlen?sprache=" + language);
		// a form like the page's own, but without the CSRF token, as a forged one would
		// be
		waitForNextPage(() -> script("""
				const form = document.createElement('form');
				form.method = 'post';
				form.action = '/gemeinde-waehlen';
				form.innerHTML = '<input type="hidden" name="gemeinde" value="musterstadt">';
				document.body.append(form);
				form.submit();
				"""));
		assertThat(find("h1").getText()).isEqualTo(language.equals("de") ? "Kein Zugriff" : "No access");
		assertThat(findAll("main a")).extracting((link) -> link.getDomAttribute("href")).contains("/", "/kontakt");
		assertAccessibleOnDesktopAndPhone();
	}

	@ParameterizedTest
	@ValueSource(strings = { "de", "en" })
	void theCitizenSignInPageIsAccessible(String language) {
		open("/anmelden?sprache=" + language);
		assertThat(findAll("input#email, input#passwort")).hasSize(2);
		assertAccessibleOnDesktopAndPhone();
	}

	@ParameterizedTest
	@ValueSource(strings = { "de", "en" })
	void aWrongPasswordIsExplainedInAnErrorSummary(String language) {
		open("/anmelden?sprache=" + language);
		// an address no account has, so the throttle of the demo accounts stays untouched
		String email = "niemand-" + UUID.randomUUID() + "@example.org";
		signIn("/anmelden", email, "falsch");
		assertThat(path()).startsWith("/anmelden");
		assertThat(title()).startsWith(language.equals("de") ? "Fehler: " : "Error: ");
		assertThat(find("#email").getDomProperty("value")).isEqualTo(email);
		assertThat(script("return document.activeElement.classList.contains('error-summary');")).isEqualTo(true);
		assertAccessibleOnDesktopAndPhone();
	}

	@ParameterizedTest
	@ValueSource(strings = { "de", "en" })
	void theStaffSignInPageIsAccessible(String language) {
		open("/intern/anmelden?sprache=" + language);
		assertThat(findAll("input#email, input#passwort")).hasSize(2);
		assertAccessibleOnDesktopAndPhone();
	}

}
