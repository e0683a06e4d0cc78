package de.amtsweg.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import de.amtsweg.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks of {@link BrowserTest} do fail on a bad page. */
class BrowserTestSelfTests extends BrowserTest {

	@Test
	void anImageWithoutTextAndAFieldWithoutLabelFailTheAccessibilityCheck() {
		openHtml("""
				<!DOCTYPE html><html lang="de"><head><title>Schlecht</title></head>
				<body><main><h1>Schlecht</h1><img src="x.png"><input type="text"></main></body></html>
				""");
		assertThatThrownBy(this::assertAccessible).isInstanceOf(AssertionError.class)
			.hasMessageContaining("image-alt")
			.hasMessageContaining("label")
			.hasMessageContaining("https://dequeuniversity.com/rules/axe/");
	}

	@Test
	void aPageWiderThanAPhoneFailsThePhoneCheck() {
		openHtml("""
				<!DOCTYPE html><html lang="de"><head><title>Breit</title>
				<meta name="viewport" content="width=device-width, initial-scale=1"></head>
				<body><main><h1>Breit</h1><div id="breit" style="width: 600px">Text</div></main></body></html>
				""");
		assertThatThrownBy(this::assertFitsPhone).isInstanceOf(AssertionError.class)
			.hasMessageContaining("scrolls sideways")
			.hasMessageContaining("div#breit");
	}

	private void openHtml(String html) {
		open("data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
	}

}
