package de.amtsweg.forms;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text key of the form pages, fragments and mails exists, in German and in English.
 */
class FormsMessagesTests {

	private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9._-]*)");

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		assertThat(load("i18n/forms_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("i18n/forms.properties").stringPropertyNames());
	}

	@Test
	void everyKeyInTheTemplatesExists() throws IOException {
		Set<String> known = new HashSet<>();
		for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
			Properties properties = new Properties();
			try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
			known.addAll(properties.stringPropertyNames());
		}
		Set<String> used = new HashSet<>();
		for (Path path : new Path[] { Path.of("src/main/resources/templates/forms"),
				Path.of("src/main/resources/templates/mail/forms"),
				Path.of("src/main/resources/templates/fragments/form-fields.html") }) {
			try (Stream<Path> files = Files.walk(path).filter(Files::isRegularFile)) {
				for (Path file : files.toList()) {
					Matcher matcher = KEY.matcher(Files.readString(file));
					while (matcher.find()) {
						used.add(matcher.group(1));
					}
				}
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(known).containsAll(used);
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (var reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
