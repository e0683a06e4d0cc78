package de.amtsweg.platform;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amtlicher Gemeindeschlüssel: eight digits, state (2), administrative region (1),
 * district (2) and municipality (3).
 *
 * @param value the eight digits
 */
public record Ags(String value) {

	private static final Pattern DIGITS = Pattern.compile("[0-9]{8}");

	public Ags {
		Optional<String> problem = problem(value);
		if (problem.isPresent()) {
			throw new IllegalArgumentException(problem.get() + ": " + value);
		}
	}

	/** The state the key belongs to. */
	public State state() {
		return State.fromAgsPrefix(this.value.substring(0, 2)).orElseThrow();
	}

	/** The five digits of the district (Kreisschlüssel). */
	public String districtKey() {
		return this.value.substring(0, 5);
	}

	/**
	 * Why a text is not an AGS, as a message key of the platform bundle, or empty when it
	 * is one.
	 */
	public static Optional<String> problem(String value) {
		if (value == null || !DIGITS.matcher(value).matches()) {
			return Optional.of("ags.invalid.format");
		}
		if (State.fromAgsPrefix(value.substring(0, 2)).isEmpty()) {
			return Optional.of("ags.invalid.state");
		}
		return Optional.empty();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
