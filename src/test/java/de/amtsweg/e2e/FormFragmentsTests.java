package de.amtsweg.e2e;

import de.amtsweg.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form fragment library ({@code fragments/form.html}) that every page's form is built
 * from: accessible with and without errors, and the error summary leads to the fields.
 * Uses the test-only {@link FormFragmentsPage}.
 */
class FormFragmentsTests extends BrowserTest {

	@Test
	void everyFormFragmentIsAccessible() {
		open(FormFragmentsPage.PATH);
		assertThat(find("#email").getDomAttribute("aria-describedby")).isEqualTo("email-hint");
		assertThat(find("#name").getDomAttribute("aria-describedby")).as("no empty reference").isNull();
		assertThat(find("#name").getDomAttribute("aria-invalid")).isNull();
		assertThat(find("label[for=email]").getText()).isEqualTo("E-Mail-Adresse (optional)");
		assertAccessibleOnDesktopAndPhone();
	}

	@Test
	void everyFormFragmentShowsItsErrorAccessibly() {
		open(FormFragmentsPage.PATH);
		type("#name", "Erika");
		submit(FormFragmentsPage.PATH);
		assertThat(title()).startsWith("Fehler: ");
		assertThat(find("#name").getDomProperty("value")).as("input is kept").isEqualTo("Erika");
		assertThat(script("return document.activeElement.classList.contains('error-summary');")).isEqualTo(true);
		assertThat(findAll(".error-summary a")).hasSize(7);
		for (String field : new String[] { "name", "email", "notes", "choice", "state", "consent" }) {
			assertThat(find(".error-summary a[href='#" + field + "']").getText())
				.isEqualTo(find("#" + field + "-error").getText().replaceFirst("^Fehler:\\s*", ""));
			assertThat(find("#" + field + ", #" + field + " ~ *").isDisplayed()).isTrue();
		}
		assertThat(find("#email").getDomAttribute("aria-describedby")).isEqualTo("email-hint email-error");
		assertThat(find("#email").getDomAttribute("aria-invalid")).isEqualTo("true");
		click(".error-summary a[href='#email']");
		assertThat(script("return document.activeElement.id;")).isEqualTo("email");
		assertAccessibleOnDesktopAndPhone();
	}

}
