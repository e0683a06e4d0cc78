package de.amtsweg.mailroom.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads what routing needs from a letter's text (from a text layer or OCR). The
 * heuristics, deliberately conservative (a wrong case is worse than none: the item then
 * goes to a person):
 * <ul>
 * <li><b>Reference numbers</b> of cases ({@code VG-2026-000123}) and submissions
 * ({@code MUS-2026-000123}): two or three capital letters, a year from 2000, six digits,
 * joined by hyphens or dashes. OCR noise tolerated: spaces around the hyphens, and in the
 * digit groups only the letters O/o/D read for 0 and I/l/| read for 1.</li>
 * <li><b>Kassenzeichen</b>: digits (spaces allowed) after the word "Kassenzeichen" whose
 * ISO 7064 MOD 97-10 check holds, as the payments module issues them.</li>
 * <li><b>Subject</b>: the text after "Betreff:" / "Betr.:"; else the first line with at
 * least four words that is no salutation, no date line and no address line.</li>
 * <li><b>Sender</b>: the text after "Absender:"; else the return-address line above the
 * recipient's address in DIN 5008 letters ("Name · Straße 1 · 12345 Ort", the name before
 * the first separator); else the first line of the letterhead that has letters and no
 * postcode.</li>
 * </ul>
 */
public final class LetterReader {

	private static final String DIGITISH = "[0-9OoDIl|]";

	private static final Pattern REFERENCE = Pattern.compile("(?<![A-Za-z0-9])([A-Z]{2,3})\\s?[-\u2010-\u2015]\\s?(2"
			+ DIGITISH + "{3})\\s?[-\u2010-\u2015]\\s?(" + DIGITISH + "{6})(?![0-9])");

	private static final Pattern PAYMENT = Pattern.compile("Kassenzeichen\\s*:?\\s*([0-9][0-9 ]{6,40}[0-9])",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SUBJECT = Pattern.compile("^\\s*(?:Betreff|Betr\\.)\\s*:?\\s*(.+)$",
			Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

	private static final Pattern SENDER = Pattern.compile("^\\s*Absender\\s*:\\s*(.+)$",
			Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

	private static final Pattern POSTCODE = Pattern.compile("(?<![0-9])[0-9]{5}(?![0-9])");

	private static final Pattern DATE = Pattern.compile("[0-9]{1,2}\\.\\s?[0-9]{1,2}\\.\\s?[0-9]{2,4}");

	private static final Pattern RETURN_ADDRESS_SEPARATOR = Pattern.compile("\\s+[\u00b7\u2022*,|-]\\s+|,\\s*");

	private LetterReader() {
	}

	/** What was read. */
	public static Reading read(String text) {
		return new Reading(references(text), paymentReference(text), subject(text), sender(text));
	}

	/** The reference numbers in the text, normalised, in order of appearance. */
	static List<String> references(String text) {
		Set<String> found = new LinkedHashSet<>();
		Matcher matcher = REFERENCE.matcher(text);
		while (matcher.find()) {
			String year = digits(matcher.group(2));
			if (year.startsWith("20")) {
				found.add(matcher.group(1) + "-" + year + "-" + digits(matcher.group(3)));
			}
		}
		return List.copyOf(found);
	}

	private static String digits(String noisy) {
		StringBuilder digits = new StringBuilder(noisy.length());
		for (char c : noisy.toCharArray()) {
			digits.append(switch (c) {
				case 'O', 'o', 'D' -> '0';
				case 'I', 'l', '|' -> '1';
				default -> c;
			});
		}
		return digits.toString();
	}

	static @Nullable String paymentReference(String text) {
		Matcher matcher = PAYMENT.matcher(text);
		while (matcher.find()) {
			String digits = matcher.group(1).replace(" ", "");
			if (digits.length() >= 8 && digits.length() <= 34
					&& new BigInteger(digits).mod(BigInteger.valueOf(97)).equals(BigInteger.ONE)) {
				return digits;
			}
		}
		return null;
	}

	static @Nullable String subject(String text) {
		Matcher matcher = SUBJECT.matcher(text);
		if (matcher.find() && !matcher.group(1).isBlank()) {
			return limit(matcher.group(1));
		}
		for (String line : lines(text)) {
			String lower = line.toLowerCase(Locale.GERMAN);
			if (line.split("\\s+").length >= 4 && !lower.startsWith("sehr geehrte") && !lower.startsWith("hallo")
					&& !lower.startsWith("guten tag") && !DATE.matcher(line).find() && !POSTCODE.matcher(line).find()) {
				return limit(line);
			}
		}
		return null;
	}

	static @Nullable String sender(String text) {
		Matcher labelled = SENDER.matcher(text);
		if (labelled.find() && !labelled.group(1).isBlank()) {
			return limit(labelled.group(1));
		}
		List<String> lines = lines(text);
		for (String line : lines.subList(0, Math.min(lines.size(), 12))) {
			String[] parts = RETURN_ADDRESS_SEPARATOR.split(line);
			if (parts.length >= 3 && POSTCODE.matcher(line).find() && !POSTCODE.matcher(parts[0]).find()
					&& parts[0].chars().anyMatch(Character::isLetter)) {
				return limit(parts[0]);
			}
		}
		for (String line : lines.subList(0, Math.min(lines.size(), 3))) {
			if (line.chars().filter(Character::isLetter).count() >= 3 && !POSTCODE.matcher(line).find()
					&& !DATE.matcher(line).find()) {
				return limit(line);
			}
		}
		return null;
	}

	private static List<String> lines(String text) {
		List<String> lines = new ArrayList<>();
		for (String line : text.split("\\R")) {
			String stripped = line.strip().replaceAll("\\s+", " ");
			if (!stripped.isEmpty()) {
				lines.add(stripped);
			}
		}
		return lines;
	}

	private static String limit(String value) {
		String stripped = value.strip().replaceAll("\\s+", " ");
		return (stripped.length() > 300) ? stripped.substring(0, 300) : stripped;
	}

	/**
	 * @param references case or submission reference numbers, normalised
	 * @param paymentReference a Kassenzeichen with a valid check, if any
	 * @param subject the subject, if found
	 * @param sender the sender, if found
	 */
	public record Reading(List<String> references, @Nullable String paymentReference, @Nullable String subject,
			@Nullable String sender) {
	}

}
