package de.amtsweg.accounts.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: at least ten characters, and not one of the passwords that
 * attackers try first. Length beats composition rules (NIST SP 800-63B, BSI
 * IT-Grundschutz ORP.4), so there are no rules about digits or special characters.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	/** Argon2 hashes any length, but nobody needs more, and hashing costs time. */
	public static final int MAX_LENGTH = 200;

	private final Set<String> common;

	public PasswordPolicy() {
		this.common = load("accounts/common-passwords.txt");
	}

	/**
	 * Why the password may not be used, as a message key, or empty if it may. The key
	 * takes {@link #MIN_LENGTH} or {@link #MAX_LENGTH} as argument where it names one.
	 */
	public Optional<String> problem(String password, String email) {
		if (password.isEmpty()) {
			return Optional.of("password.required");
		}
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("password.tooShort");
		}
		if (password.length() > MAX_LENGTH) {
			return Optional.of("password.tooLong");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		// "password123" or "!!sunshine!!" is as easy to guess as the word itself.
		String core = lower.replaceAll("^[\\d\\W_]+|[\\d\\W_]+$", "");
		if (this.common.contains(lower) || (core.length() >= 3 && this.common.contains(core))
				|| lower.chars().distinct().count() == 1 || lower.equals(email.trim().toLowerCase(Locale.ROOT))) {
			return Optional.of("password.common");
		}
		return Optional.empty();
	}

	private static Set<String> load(String path) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
			return reader.lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.map((line) -> line.trim().toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
