package de.amtsweg.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The one headless Chromium of the test run, started on first use and closed when the JVM
 * ends. It is Debian's {@code /usr/bin/chromium} driven by Debian's
 * {@code /usr/bin/chromedriver}; both paths are given explicitly so that Selenium Manager
 * never tries to download anything (other paths: {@code -Damtsweg.chromium=...},
 * {@code -Damtsweg.chromedriver=...}). Use it through {@link BrowserTest}.
 */
final class Browser {

	static final Path CHROMIUM = Path.of(System.getProperty("amtsweg.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("amtsweg.chromedriver", "/usr/bin/chromedriver"));

	// Kept here: java.util.logging holds loggers weakly, and a collected logger forgets
	// its level.
	private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

	private static ChromeDriver driver;

	private static Path profile;

	private static RuntimeException startFailure;

	private Browser() {
	}

	static synchronized ChromeDriver get() {
		if (startFailure != null) {
			throw startFailure;
		}
		if (driver == null) {
			try {
				driver = start();
			}
			catch (RuntimeException ex) {
				startFailure = ex;
				throw ex;
			}
		}
		return driver;
	}

	private static ChromeDriver start() {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver (" + CHROMIUM
					+ ", " + CHROMEDRIVER + "), and at least one is missing. Run ./test.sh, which installs them "
					+ "(or: apt-get install chromium chromium-driver).");
		}
		// Selenium warns that it has no CDP classes for this Chromium; the raw CDP
		// commands
		// used here do not need them.
		SELENIUM_LOG.setLevel(Level.SEVERE);
		profile = temporaryProfile();
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withLogOutput(new java.io.OutputStream() {
				@Override
				public void write(int b) {
					// chromedriver's own chatter is of no use in test output
				}
			})
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// Without the networking flags Chromium keeps calling Google's hosts, which this
		// closed network refuses; the rest make a quiet, stateless headless browser.
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--hide-scrollbars", "--lang=de-DE", "--window-size=1280,900",
				"--user-data-dir=" + profile);
		ChromeDriver started = new ChromeDriver(service, options);
		started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		started.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		Runtime.getRuntime().addShutdownHook(new Thread(Browser::quit, "browser-quit"));
		return started;
	}

	/**
	 * Closes the browser. Called when the test run ends (see {@link BrowserTest}), before
	 * the application stops: an open browser would hold the server's graceful shutdown.
	 */
	static synchronized void quit() {
		if (driver != null) {
			try {
				driver.quit();
			}
			finally {
				driver = null;
				deleteQuietly(profile);
			}
		}
	}

	static void cdp(String command, Map<String, Object> parameters) {
		get().executeCdpCommand(command, parameters);
	}

	private static Path temporaryProfile() {
		try {
			return Files.createTempDirectory("amtsweg-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteQuietly(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// a temporary directory left behind is harmless
		}
	}

}
