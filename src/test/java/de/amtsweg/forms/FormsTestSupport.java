package de.amtsweg.forms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/** Helpers for the forms module's unit tests (no application context). */
final class FormsTestSupport {

	private FormsTestSupport() {
	}

	static ReloadableResourceBundleMessageSource messages() {
		ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
		source.setBasenames("classpath:i18n/forms", "classpath:i18n/platform");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	static String read(String path) {
		try {
			return Files.readString(Path.of(path), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
