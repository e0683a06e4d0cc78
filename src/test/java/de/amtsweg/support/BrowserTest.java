package de.amtsweg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the browser tests (in {@code de.amtsweg.e2e}): the running application seen
 * through one shared headless Chromium. Each test starts with no cookies, JavaScript on
 * and a desktop viewport (1280×900).
 *
 * <pre>
 * class ProfilePageTests extends BrowserTest {
 *     &#64;Test
 *     void aCitizenChangesTheirPhoneNumber() {
 *         signInAsCitizen("erika.mustermann@example.org");   // demo password
 *         open("/konto/profil");
 *         type("#telefon", "0511 123");
 *         submit("/konto/profil");          // the POST form with this action; waits for the next page
 *         assertThat(mainText()).contains("0511 123");
 *         assertAccessibleOnDesktopAndPhone();  // axe (WCAG 2.1 A/AA) on both widths, no sideways scrolling
 *     }
 * }
 * </pre>
 *
 * Pages: {@link #open}, {@link #openWithoutJavaScript}, {@link #submit} (POST form by
 * action), {@link #submitFormWith} (the form holding a field, e.g. a GET search),
 * {@link #follow} (a link). Checks: {@link #assertAccessible()} runs axe-core and fails
 * on any violation; {@link #assertFitsPhone()} switches to 375×812 and fails if the page
 * scrolls sideways; {@link #assertAccessibleOnDesktopAndPhone()} does both. Reading:
 * {@link #find}, {@link #mainText}, {@link #title}, {@link #path}, {@link #script}. Set
 * {@code -Damtsweg.screenshots=true} to keep a screenshot of every checked page in
 * {@code target/screenshots/}; a failed check always saves one there.
 */
@ExtendWith(BrowserTest.QuitAtEndOfRun.class)
public abstract class BrowserTest extends IntegrationTest {

	/** The password of every demo account. */
	protected static final String DEMO_PASSWORD = "Amtsweg-Demo-2026";

	protected static final int PHONE_WIDTH = 375;

	protected static final int PHONE_HEIGHT = 812;

	private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final boolean KEEP_SCREENSHOTS = Boolean.getBoolean("amtsweg.screenshots");

	private boolean phone;

	private boolean scriptsDisabled;

	@BeforeEach
	void freshBrowser() {
		Browser.cdp("Network.clearBrowserCookies", Map.of());
		enableJavaScript();
		desktop();
		browser().get("about:blank");
	}

	/** The driver, for anything the helpers here do not cover. */
	protected ChromeDriver browser() {
		return Browser.get();
	}

	/** Loads a path of the application (e.g. {@code "/kontakt?sprache=en"}). */
	protected void open(String path) {
		browser().get(path.startsWith("/") ? baseUrl() + path : path);
	}

	/**
	 * Loads a path with JavaScript switched off in the page, as for a person whose
	 * browser runs no scripts. Stays off until the next test or
	 * {@link #enableJavaScript()}.
	 */
	protected void openWithoutJavaScript(String path) {
		Browser.cdp("Emulation.setScriptExecutionDisabled", Map.of("value", true));
		this.scriptsDisabled = true;
		open(path);
	}

	/**
	 * Lets pages run scripts again, from the next page on; the one shown keeps running
	 * none.
	 */
	protected void enableJavaScript() {
		Browser.cdp("Emulation.setScriptExecutionDisabled", Map.of("value", false));
		this.scriptsDisabled = false;
	}

	/** Whether scripts of the page ran (false after {@link #openWithoutJavaScript}). */
	protected boolean pageScriptsRan() {
		return Boolean.TRUE.equals(script("return document.documentElement.hasAttribute('data-js');"));
	}

	/** From now on the viewport is a phone's: 375×812 CSS pixels. */
	protected void phone() {
		viewport(PHONE_WIDTH, PHONE_HEIGHT);
		this.phone = true;
	}

	/** From now on the viewport is a desktop's: 1280×900 CSS pixels. */
	protected void desktop() {
		viewport(1280, 900);
		this.phone = false;
	}

	private void viewport(int width, int height) {
		Browser.cdp("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
	}

	protected WebElement find(String cssSelector) {
		return browser().findElement(By.cssSelector(cssSelector));
	}

	protected List<WebElement> findAll(String cssSelector) {
		return browser().findElements(By.cssSelector(cssSelector));
	}

	/** Replaces the text of a field. */
	protected void type(String cssSelector, String text) {
		WebElement field = find(cssSelector);
		field.clear();
		field.sendKeys(text);
	}

	protected void click(String cssSelector) {
		find(cssSelector).click();
	}

	/**
	 * Clicks the (first) submit button of the POST form whose action is this path, and
	 * waits for the next page.
	 */
	protected void submit(String action) {
		WebElement form = findAll("form").stream()
			.filter((candidate) -> "post".equalsIgnoreCase(candidate.getDomAttribute("method"))
					&& URI.create(candidate.getDomProperty("action")).getPath().equals(action))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No POST form with action " + action + " on " + path()));
		clickAndWaitForNextPage(form.findElement(By.cssSelector("button[type=submit], input[type=submit]")));
	}

	/**
	 * Clicks the submit button of the form that holds this element (e.g. a GET search
	 * form), and waits for the next page.
	 */
	protected void submitFormWith(String cssSelector) {
		WebElement form = find(cssSelector).findElement(By.xpath("ancestor::form"));
		clickAndWaitForNextPage(form.findElement(By.cssSelector("button[type=submit], input[type=submit]")));
	}

	/** Follows a link (or presses a button) and waits for the next page. */
	protected void follow(String cssSelector) {
		clickAndWaitForNextPage(find(cssSelector));
	}

	private void clickAndWaitForNextPage(WebElement element) {
		waitForNextPage(element::click);
	}

	/**
	 * Runs something that loads another page (e.g. a script that sends a form) and waits
	 * until that page has loaded.
	 */
	protected void waitForNextPage(Runnable action) {
		script("window.amtswegPreviousPage = true;");
		action.run();
		new WebDriverWait(browser(), Duration.ofSeconds(15)).ignoring(WebDriverException.class)
			.withMessage("the next page did not load")
			.until((driver) -> Boolean.TRUE.equals(
					script("return window.amtswegPreviousPage === undefined && document.readyState === 'complete';")));
	}

	/** Signs in on {@code /anmelden} with the demo password. */
	protected void signInAsCitizen(String email) {
		signIn("/anmelden", email, DEMO_PASSWORD);
	}

	/** Signs in on {@code /intern/anmelden} with the demo password. */
	protected void signInAsStaff(String email) {
		signIn("/intern/anmelden", email, DEMO_PASSWORD);
	}

	protected void signIn(String page, String email, String password) {
		open(page);
		type("#email", email);
		type("#passwort", password);
		submit(page);
	}

	/** Path and query of the page shown, e.g. {@code /kontakt?sprache=en}. */
	protected String path() {
		URI uri = URI.create(browser().getCurrentUrl());
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	protected String title() {
		return browser().getTitle();
	}

	/** The visible text of the page's {@code <main>}. */
	protected String mainText() {
		return find("main").getText();
	}

	/**
	 * Runs a script in the page (also after {@link #openWithoutJavaScript}, which only
	 * stops the page's own scripts).
	 */
	protected Object script(String javaScript, Object... arguments) {
		return ((JavascriptExecutor) browser()).executeScript(javaScript, arguments);
	}

	/**
	 * Runs axe-core on the page as shown now and fails on any violation of WCAG 2.0/2.1
	 * level A or AA, listing rule, impact, elements and where to read more.
	 */
	protected void assertAccessible() {
		keepScreenshot();
		// axe waits for promises, which a page without scripts never settles; switching
		// scripts on does not run the page's own scripts, which were skipped at load.
		boolean restoreNoScripts = this.scriptsDisabled;
		if (restoreNoScripts) {
			enableJavaScript();
		}
		Results results = new AxeBuilder().withTags(WCAG_21_AA).setLegacyMode(true).analyze(browser());
		if (restoreNoScripts) {
			Browser.cdp("Emulation.setScriptExecutionDisabled", Map.of("value", true));
			this.scriptsDisabled = true;
		}
		if (results.isErrored()) {
			throw new AssertionError("axe-core could not check " + path() + ": " + results.getErrorMessage());
		}
		List<Rule> violations = results.getViolations();
		if (!violations.isEmpty()) {
			throw new AssertionError("Accessibility violations on " + path() + " (" + (this.phone ? "phone" : "desktop")
					+ ", screenshot " + screenshot("violation") + "):\n" + describe(violations));
		}
	}

	/**
	 * Switches to a phone's viewport (375×812) and fails if the page is wider than the
	 * screen, so that a person would have to scroll sideways. Stays on the phone
	 * viewport.
	 */
	protected void assertFitsPhone() {
		phone();
		keepScreenshot();
		Number scrollWidth = (Number) script("return document.documentElement.scrollWidth;");
		Number innerWidth = (Number) script("return window.innerWidth;");
		if (scrollWidth.intValue() > innerWidth.intValue()) {
			@SuppressWarnings("unchecked")
			List<String> wide = (List<String>) script(
					"""
							const limit = window.innerWidth;
							return Array.from(document.querySelectorAll('body *'))
								.filter(e => e.getBoundingClientRect().right > limit)
								.slice(0, 10)
								.map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
									+ (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
									+ ' (right edge ' + Math.round(e.getBoundingClientRect().right) + 'px)');
							""");
			throw new AssertionError("On a phone " + path() + " scrolls sideways: " + scrollWidth + "px wide for "
					+ innerWidth + "px of screen (screenshot " + screenshot("too-wide") + "). Too wide: "
					+ String.join(", ", wide));
		}
	}

	/**
	 * axe on a desktop, then the phone check and axe on the phone; back to desktop after.
	 */
	protected void assertAccessibleOnDesktopAndPhone() {
		desktop();
		assertAccessible();
		assertFitsPhone();
		assertAccessible();
		desktop();
	}

	/**
	 * Saves a PNG of the whole page as shown now under {@code target/screenshots/} and
	 * returns its path.
	 */
	protected Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			String file = (getClass().getSimpleName() + "-" + name + "-" + path() + "-"
					+ (this.phone ? "phone" : "desktop"))
				.replaceAll("[^A-Za-z0-9._-]+", "_");
			Path target = SCREENSHOTS.resolve(file + ".png");
			Files.write(target, browser().getScreenshotAs(OutputType.BYTES));
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void keepScreenshot() {
		if (KEEP_SCREENSHOTS) {
			screenshot("page");
		}
	}

	private static String describe(List<Rule> violations) {
		return violations.stream()
			.map((rule) -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n  "
					+ rule.getHelpUrl() + "\n"
					+ rule.getNodes().stream().map(BrowserTest::describe).collect(Collectors.joining("\n")))
			.collect(Collectors.joining("\n"));
	}

	private static String describe(CheckedNode node) {
		String summary = (node.getFailureSummary() != null) ? node.getFailureSummary().replace("\n", " ") : "";
		return "    at " + node.getTarget() + ": " + summary;
	}

	/**
	 * When the whole test run is over, closes the shared browser before the JVM exits, so
	 * an open connection does not hold up the server's graceful shutdown.
	 */
	static class QuitAtEndOfRun implements BeforeAllCallback {

		@Override
		public void beforeAll(ExtensionContext context) {
			context.getRoot()
				.getStore(ExtensionContext.Namespace.GLOBAL)
				.computeIfAbsent(QuitAtEndOfRun.class, (key) -> (AutoCloseable) Browser::quit);
		}

	}

}
