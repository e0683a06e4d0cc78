package de.amtsweg.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All visible text comes from the message bundles, in German and English: every key a
 * template or a validation uses exists in both languages, both languages have the same
 * keys, and no template shows text of its own. Reads the sources, so it needs no
 * application context.
 */
class MessageBundleTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path BUNDLES = Path.of("src/main/resources/i18n");

	private static final Path JAVA = Path.of("src/main/java");

	private static final Pattern TRANSLATION = Pattern.compile("(.+)_([a-z]{2})\\.properties");

	private static final Pattern STATIC_KEY = Pattern.compile("[A-Za-z0-9_.-]+");

	private static final Pattern STRING_LITERAL = Pattern.compile("'([^']*)'");

	/** Attributes whose content a person sees or hears. */
	private static final List<String> VISIBLE_ATTRIBUTES = List.of("alt", "title", "aria-label", "placeholder");

	/** Thymeleaf attributes that replace an element's content or the element itself. */
	private static final List<String> REPLACING_ATTRIBUTES = List.of("th:text", "th:utext", "th:replace", "th:insert");

	/** Calls that take a message key as a string literal, with the key in group 1. */
	private static final List<Pattern> KEY_CALLS = List.of(
			Pattern.compile("InvalidInputException\\.of\\(\\s*\"[^\"]*\"\\s*,\\s*\"([^\"]+)\""),
			Pattern.compile("new\\s+(?:InvalidInputException\\.)?FieldProblem\\(\\s*\"[^\"]*\"\\s*,\\s*\"([^\"]+)\""),
			Pattern.compile("\\.add\\(\\s*\"[^\"]*\"\\s*,\\s*\"([A-Za-z][\\w-]*(?:\\.[\\w-]+)+)\""),
			Pattern.compile("\\.rejectValue\\(\\s*\"[^\"]*\"\\s*,\\s*\"([A-Za-z][\\w-]*(?:\\.[\\w-]+)+)\""),
			Pattern.compile("\\.reject\\(\\s*\"([A-Za-z][\\w-]*(?:\\.[\\w-]+)+)\""));

	@Test
	void everyKeyATemplateUsesExistsInGermanAndEnglish() {
		Set<String> german = keys(null);
		Set<String> english = keys("en");
		Set<String> problems = new LinkedHashSet<>();
		for (Path template : templates()) {
			for (String expression : messageExpressions(read(template))) {
				String key = keyPart(expression);
				if (STATIC_KEY.matcher(key).matches()) {
					missing(template, key, german, english).forEach(problems::add);
				}
				else {
					Pattern pattern = dynamicKeyPattern(key);
					if (pattern != null) {
						missingExpansion(template, key, pattern, german, english).forEach(problems::add);
					}
				}
			}
		}
		assertThat(problems).as("message keys used in templates but missing in a bundle").isEmpty();
	}

	@Test
	void everyBundleHasTheSameKeysInGermanAndEnglish() {
		Set<String> problems = new LinkedHashSet<>();
		Map<String, Map<String, Path>> byBaseName = new TreeMap<>();
		for (Path bundle : bundles()) {
			String name = bundle.getFileName().toString();
			Matcher translation = TRANSLATION.matcher(name);
			String baseName = translation.matches() ? translation.group(1)
					: name.substring(0, name.length() - ".properties".length());
			String language = translation.matches() ? translation.group(2) : "de";
			byBaseName.computeIfAbsent(baseName, (key) -> new TreeMap<>()).put(language, bundle);
		}
		byBaseName.forEach((baseName, languages) -> {
			Path german = languages.get("de");
			Path english = languages.get("en");
			if (german == null) {
				problems.add(english + ": has no German bundle " + baseName + ".properties");
				return;
			}
			if (english == null) {
				problems.add(german + ": has no English bundle " + baseName + "_en.properties");
				return;
			}
			Set<String> germanKeys = load(german).stringPropertyNames();
			Set<String> englishKeys = load(english).stringPropertyNames();
			difference(germanKeys, englishKeys)
				.forEach((key) -> problems.add(english + ": missing key " + key + " (present in " + german + ")"));
			difference(englishKeys, germanKeys)
				.forEach((key) -> problems.add(german + ": missing key " + key + " (present in " + english + ")"));
		});
		assertThat(problems).as("keys that are not in both languages").isEmpty();
	}

	@Test
	void noTemplateShowsTextThatIsNotFromABundle() {
		Set<String> problems = new LinkedHashSet<>();
		for (Path template : templates()) {
			if (template.toString().endsWith(".html")) {
				literalTexts(read(template)).forEach((text) -> problems.add(template + ": " + text));
			}
		}
		assertThat(problems).as("literal text in templates; use th:text=\"#{...}\" with a key in both bundles")
			.isEmpty();
	}

	@Test
	void everyKeyOfAnInvalidInputExistsInGermanAndEnglish() {
		Set<String> german = keys(null);
		Set<String> english = keys("en");
		Set<String> problems = new LinkedHashSet<>();
		for (Path source : javaSources()) {
			for (String key : validationKeys(read(source))) {
				missing(source, key, german, english).forEach(problems::add);
			}
		}
		assertThat(problems).as("message keys of field problems missing in a bundle").isEmpty();
	}

	// The checks themselves must be able to fail: each is shown a bad example here.

	@Test
	void theChecksFindMissingKeysLiteralTextAndValidationKeys() {
		String template = """
				<html th:replace="~{fragments/layout :: page(~{::title}, ~{::section})}">
				<head><title th:text="#{a.title(${x})}">Titel</title></head>
				<section>
					<!--/* A comment with words */-->
					<h1 th:text="#{${'error.' + code + '.heading'}}">Ersetzt</h1>
					<p>Von Hand geschrieben</p>
					<p><span th:text="#{a.text}">Ersetzt</span> – 12</p>
					<div th:remove="all">Entwurf</div>
					<img src="x.png" alt="Wappen">
					<img src="y.png" alt="" th:alt="#{a.logo}">
				</section>
				</html>
				""";
		assertThat(messageExpressions(template)).containsExactly("a.title(${x})", "${'error.' + code + '.heading'}",
				"a.text", "a.logo");
		assertThat(keyPart("a.title(${x})")).isEqualTo("a.title");
		assertThat(dynamicKeyPattern(keyPart("${'error.' + code + '.heading'}")).pattern())
			.isEqualTo("^\\Qerror.\\E.+\\Q.heading\\E$");
		assertThat(dynamicKeyPattern("${choiceError}")).isNull();
		assertThat(literalTexts(template)).containsExactly("<p> \"Von Hand geschrieben\"", "<img alt=\"Wappen\">");
		assertThat(missing(Path.of("t.html"), "a.text", Set.of("a.text"), Set.of()))
			.containsExactly("t.html: key a.text is missing in the English bundles");
		assertThat(validationKeys("""
				throw InvalidInputException.of("email", "accounts.email.taken");
				problems.add("name", "accounts.name.required").add("", "accounts.form.incomplete", 3);
				headers.add("Content-Type", "text/html");
				""")).containsExactly("accounts.email.taken", "accounts.name.required", "accounts.form.incomplete");
	}

	/** The content of every {@code #{...}} in a template, braces balanced. */
	static List<String> messageExpressions(String template) {
		List<String> expressions = new ArrayList<>();
		int start = template.indexOf("#{");
		while (start >= 0) {
			int depth = 1;
			int end = start + 2;
			while (end < template.length() && depth > 0) {
				char c = template.charAt(end);
				if (c == '{') {
					depth++;
				}
				else if (c == '}') {
					depth--;
				}
				end++;
			}
			expressions.add(template.substring(start + 2, end - 1).trim());
			// from just after the opening, to find messages nested in this one's
			// arguments
			start = template.indexOf("#{", start + 2);
		}
		return expressions;
	}

	/** The key of a message expression, without its arguments. */
	static String keyPart(String expression) {
		int depth = 0;
		for (int i = 0; i < expression.length(); i++) {
			char c = expression.charAt(i);
			if (c == '{') {
				depth++;
			}
			else if (c == '}') {
				depth--;
			}
			else if (c == '\'') {
				i = expression.indexOf('\'', i + 1);
			}
			else if (c == '(' && depth == 0 && i > 0 && expression.charAt(i - 1) != '$') {
				return expression.substring(0, i).trim();
			}
		}
		return expression.trim();
	}

	/**
	 * For a key built at run time ({@code 'day.' + ${d}}), a pattern of the keys it can
	 * become; null if it has no fixed part to check ({@code ${code}}).
	 */
	static Pattern dynamicKeyPattern(String keyExpression) {
		String expression = keyExpression.trim();
		if (expression.startsWith("${") && expression.endsWith("}")) {
			expression = expression.substring(2, expression.length() - 1).trim();
		}
		List<String> literals = new ArrayList<>();
		Matcher literal = STRING_LITERAL.matcher(expression);
		while (literal.find()) {
			literals.add(literal.group(1));
		}
		if (literals.stream().allMatch(String::isBlank)) {
			return null;
		}
		String pattern = literals.stream().map(Pattern::quote).collect(Collectors.joining(".+"));
		return Pattern.compile("^" + (expression.startsWith("'") ? "" : ".+") + pattern
				+ (expression.endsWith("'") ? "" : ".+") + "$");
	}

	/**
	 * Text a person would see that no Thymeleaf attribute replaces, as
	 * {@code <element> "text"}.
	 */
	static List<String> literalTexts(String template) {
		Document document = Jsoup.parse(template, "", Parser.htmlParser().setTrackErrors(0));
		List<String> texts = new ArrayList<>();
		for (Element element : document.getAllElements()) {
			if (replaced(element)) {
				continue;
			}
			for (TextNode text : element.textNodes()) {
				String visible = text.text().replaceAll("\\[\\[.*?\\]\\]", "").replaceAll("\\[\\(.*?\\)\\]", "").trim();
				if (visible.codePoints().anyMatch(Character::isLetter)) {
					texts.add("<" + element.tagName() + "> \"" + text.text().trim() + "\"");
				}
			}
			for (String attribute : VISIBLE_ATTRIBUTES) {
				String value = element.attr(attribute);
				boolean fromBundle = element.hasAttr("th:" + attribute) || element.attr("th:attr").contains(attribute);
				if (!fromBundle && value.codePoints().anyMatch(Character::isLetter)) {
					texts.add("<" + element.tagName() + " " + attribute + "=\"" + value + "\">");
				}
			}
		}
		return texts;
	}

	/**
	 * Whether Thymeleaf replaces the element's content (it or an ancestor has th:text,
	 * th:replace, ... or removes it). The root element is left out: a page's
	 * {@code <html th:replace="~{layout :: page(...)}">} hands its parts to the layout.
	 */
	private static boolean replaced(Element element) {
		for (Element current = element; current != null && !"html".equals(current.tagName())
				&& !"#root".equals(current.tagName()); current = current.parent()) {
			for (String attribute : REPLACING_ATTRIBUTES) {
				if (current.hasAttr(attribute)) {
					return true;
				}
			}
			String remove = current.attr("th:remove");
			if (!remove.isEmpty() && !"tag".equals(remove) && !"none".equals(remove)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Message keys passed as string literals to validation calls in a Java source, in the
	 * order they appear.
	 */
	static List<String> validationKeys(String source) {
		Map<Integer, String> found = new TreeMap<>();
		for (Pattern call : KEY_CALLS) {
			Matcher matcher = call.matcher(source);
			while (matcher.find()) {
				found.put(matcher.start(1), matcher.group(1));
			}
		}
		return List.copyOf(found.values());
	}

	private static List<String> missing(Path file, String key, Set<String> german, Set<String> english) {
		List<String> problems = new ArrayList<>();
		if (!german.contains(key)) {
			problems.add(file + ": key " + key + " is missing in the German bundles");
		}
		if (!english.contains(key)) {
			problems.add(file + ": key " + key + " is missing in the English bundles");
		}
		return problems;
	}

	private static List<String> missingExpansion(Path file, String expression, Pattern pattern, Set<String> german,
			Set<String> english) {
		List<String> problems = new ArrayList<>();
		if (german.stream().noneMatch((key) -> pattern.matcher(key).matches())) {
			problems.add(file + ": no German key fits #{" + expression + "} (" + pattern + ")");
		}
		if (english.stream().noneMatch((key) -> pattern.matcher(key).matches())) {
			problems.add(file + ": no English key fits #{" + expression + "} (" + pattern + ")");
		}
		return problems;
	}

	/** All keys of the German (language null) or the given language's bundles. */
	private static Set<String> keys(String language) {
		Set<String> keys = new TreeSet<>();
		for (Path bundle : bundles()) {
			Matcher translation = TRANSLATION.matcher(bundle.getFileName().toString());
			boolean wanted = (language == null) ? !translation.matches()
					: translation.matches() && translation.group(2).equals(language);
			if (wanted) {
				keys.addAll(load(bundle).stringPropertyNames());
			}
		}
		return keys;
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> difference = new TreeSet<>(a);
		difference.removeAll(b);
		return difference;
	}

	private static Properties load(Path bundle) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	private static List<Path> bundles() {
		return files(BUNDLES, ".properties");
	}

	/** HTML pages and fragments, and the text templates of mails. */
	private static List<Path> templates() {
		return files(TEMPLATES, ".html", ".txt");
	}

	private static List<Path> javaSources() {
		return files(JAVA, ".java");
	}

	private static List<Path> files(Path root, String... suffixes) {
		try (Stream<Path> paths = Files.walk(root)) {
			List<Path> files = paths.filter((path) -> Stream.of(suffixes).anyMatch(path.toString()::endsWith))
				.sorted()
				.toList();
			assertThat(files).as("files under %s (run the tests from the project folder)", root).isNotEmpty();
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
