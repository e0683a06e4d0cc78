package de.amtsweg.accounts.internal.oidc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import de.amtsweg.accounts.TrustLevel;
import org.jspecify.annotations.Nullable;

/**
 * Reads the trust level from the level-of-assurance claim of a sign-in. A provider's own
 * values come first; then the built-in ones that state identity services and eIDAS use.
 * Anything unknown is LOW: a sign-in never gains more trust than it proves.
 */
public final class TrustLevelMapping {

	/**
	 * Well-known claim values as they are usually spelt; matched without regard to case.
	 */
	public static final Map<String, TrustLevel> BUILT_IN = builtIn();

	private static final Map<String, TrustLevel> BUILT_IN_NORMALISED = BUILT_IN.entrySet()
		.stream()
		.collect(Collectors.toUnmodifiableMap((entry) -> normalise(entry.getKey()), Map.Entry::getValue));

	private final Map<String, TrustLevel> own;

	public TrustLevelMapping(Map<String, TrustLevel> own) {
		Map<String, TrustLevel> normalised = new LinkedHashMap<>();
		own.forEach((value, level) -> normalised.put(normalise(value), level));
		this.own = Map.copyOf(normalised);
	}

	/**
	 * The level a claim value stands for; for a list of values (some providers send
	 * several) the highest.
	 */
	public TrustLevel levelOf(@Nullable Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(this::levelOf).max(Enum::compareTo).orElse(TrustLevel.LOW);
		}
		if (claim == null) {
			return TrustLevel.LOW;
		}
		String value = normalise(claim.toString());
		TrustLevel level = this.own.get(value);
		return (level != null) ? level : BUILT_IN_NORMALISED.getOrDefault(value, TrustLevel.LOW);
	}

	/**
	 * Reads a provider's own values, one per line as {@code value = LEVEL}.
	 * @param text the lines
	 * @return the values, or the number of the first line that is not of that form
	 */
	public static Parsed parse(String text) {
		Map<String, TrustLevel> values = new LinkedHashMap<>();
		String[] lines = text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].trim();
			if (line.isEmpty()) {
				continue;
			}
			// Claim values may be URIs with '=' inside; the level is what follows the
			// last one.
			int separator = line.lastIndexOf('=');
			Optional<TrustLevel> level = (separator > 0) ? level(line.substring(separator + 1)) : Optional.empty();
			String value = (separator > 0) ? line.substring(0, separator).trim() : "";
			if (level.isEmpty() || value.isEmpty()) {
				return new Parsed(Map.of(), i + 1);
			}
			values.put(value, level.get());
		}
		return new Parsed(values, 0);
	}

	/** The lines {@link #parse(String)} reads back. */
	public static String format(Map<String, TrustLevel> values) {
		return values.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " = " + entry.getValue().name())
			.collect(Collectors.joining("\n"));
	}

	private static Optional<TrustLevel> level(String text) {
		try {
			return Optional.of(TrustLevel.valueOf(text.trim().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static String normalise(String value) {
		return value.trim().toLowerCase(Locale.ROOT);
	}

	private static Map<String, TrustLevel> builtIn() {
		Map<String, TrustLevel> values = new LinkedHashMap<>();
		// eIDAS levels of assurance, notified and not notified schemes
		for (String prefix : List.of("http://eidas.europa.eu/LoA/", "http://eidas.europa.eu/LoA/NotNotified/")) {
			values.put(prefix + "low", TrustLevel.LOW);
			values.put(prefix + "substantial", TrustLevel.SUBSTANTIAL);
			values.put(prefix + "high", TrustLevel.HIGH);
		}
		// STORK QAA levels as still sent by state service accounts: 3 is substantial
		// (e.g. a software certificate), 4 is high (the online ID card)
		values.put("STORK-QAA-Level-1", TrustLevel.LOW);
		values.put("STORK-QAA-Level-2", TrustLevel.LOW);
		values.put("STORK-QAA-Level-3", TrustLevel.SUBSTANTIAL);
		values.put("STORK-QAA-Level-4", TrustLevel.HIGH);
		for (String word : List.of("low", "niedrig", "normal", "basis")) {
			values.put(word, TrustLevel.LOW);
		}
		for (String word : List.of("substantial", "substanziell", "substantiell")) {
			values.put(word, TrustLevel.SUBSTANTIAL);
		}
		for (String word : List.of("high", "hoch", "eID")) {
			values.put(word, TrustLevel.HIGH);
		}
		return java.util.Collections.unmodifiableMap(values);
	}

	/** The well-known values as lines, for showing them next to a provider's own. */
	public static List<String> builtInLines() {
		List<String> lines = new ArrayList<>();
		BUILT_IN.forEach((value, level) -> lines.add(value + " = " + level.name()));
		return lines;
	}

	/**
	 * The result of {@link #parse(String)}.
	 *
	 * @param values the values read
	 * @param badLine number of the first line not of the form {@code value = LEVEL}, or 0
	 */
	public record Parsed(Map<String, TrustLevel> values, int badLine) {

		public boolean valid() {
			return this.badLine == 0;
		}

	}

}
