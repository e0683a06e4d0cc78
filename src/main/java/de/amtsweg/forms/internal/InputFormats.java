package de.amtsweg.forms.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How the portal reads typed input the way people write it in Germany: amounts with a
 * decimal comma, dates in three boxes, IBANs with spaces.
 */
public final class InputFormats {

	private static final Pattern GERMAN_THOUSANDS = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?");

	private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+([.,]\\d+)?");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()/-]{4,24}");

	private static final Pattern POSTCODE = Pattern.compile("[0-9]{5}");

	private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

	/** IBAN lengths of the countries people here pay from most often. */
	private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(Map.entry("DE", 22), Map.entry("AT", 20),
			Map.entry("CH", 21), Map.entry("NL", 18), Map.entry("BE", 16), Map.entry("FR", 27), Map.entry("LU", 20),
			Map.entry("DK", 18), Map.entry("PL", 28), Map.entry("CZ", 24), Map.entry("IT", 27), Map.entry("ES", 24));

	private InputFormats() {
	}

	/** A number as written in German ("1.234,50", "12,5") or plainly ("12.5"). */
	public static @Nullable BigDecimal number(String input) {
		String text = input.replace("€", "").replace("EUR", "").replace('\u00a0', ' ').replace(" ", "").trim();
		if (text.isEmpty()) {
			return null;
		}
		if (GERMAN_THOUSANDS.matcher(text).matches()) {
			return new BigDecimal(text.replace(".", "").replace(',', '.'));
		}
		if (PLAIN_NUMBER.matcher(text).matches()) {
			return new BigDecimal(text.replace(',', '.'));
		}
		return null;
	}

	/** A date from its day, month and year boxes; null when it is not a real date. */
	public static @Nullable LocalDate date(Map<String, String> parts) {
		String day = parts.getOrDefault("day", "").trim();
		String month = parts.getOrDefault("month", "").trim();
		String year = parts.getOrDefault("year", "").trim();
		if (!day.matches("\\d{1,2}") || !month.matches("\\d{1,2}") || !year.matches("\\d{4}")) {
			return null;
		}
		try {
			return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	public static Map<String, String> dateParts(LocalDate date) {
		return Map.of("day", String.valueOf(date.getDayOfMonth()), "month", String.valueOf(date.getMonthValue()),
				"year", String.valueOf(date.getYear()));
	}

	public static boolean isEmail(String text) {
		return EMAIL.matcher(text).matches() && text.length() <= 254;
	}

	public static boolean isPhone(String text) {
		return PHONE.matcher(text).matches();
	}

	public static boolean isPostcode(String text) {
		return POSTCODE.matcher(text).matches();
	}

	/** The IBAN without spaces, in capitals. */
	public static String compactIban(String input) {
		return input.replaceAll("[\\s\\u00a0]", "").toUpperCase(Locale.ROOT);
	}

	/**
	 * What is wrong with an IBAN: {@code format}, {@code length} or {@code checksum};
	 * null when it is valid (ISO 13616 mod-97).
	 */
	public static @Nullable String ibanProblem(String input) {
		String iban = compactIban(input);
		if (!IBAN_SHAPE.matcher(iban).matches()) {
			return "format";
		}
		Integer length = IBAN_LENGTHS.get(iban.substring(0, 2));
		if (length != null && iban.length() != length) {
			return "length";
		}
		String rearranged = iban.substring(4) + iban.substring(0, 4);
		StringBuilder digits = new StringBuilder();
		for (char c : rearranged.toCharArray()) {
			digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
		}
		return (new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1) ? null : "checksum";
	}

	/** An IBAN in groups of four, as printed on cards and statements. */
	public static String formatIban(String input) {
		String iban = compactIban(input);
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < iban.length(); i++) {
			if (i > 0 && i % 4 == 0) {
				grouped.append(' ');
			}
			grouped.append(iban.charAt(i));
		}
		return grouped.toString();
	}

}
