package de.amtsweg.deadlines;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period of whole days, weeks, months or years, written in ISO 8601 ({@code P10D},
 * {@code P2W}, {@code P1M}, {@code P1Y}). Mixed periods ({@code P1M10D}) are not
 * supported: the BGB counts each unit differently, and legal deadlines name one.
 *
 * @param amount how many units, at least 1
 * @param unit the unit
 */
public record DeadlinePeriod(int amount, Unit unit) {

	/**
	 * The largest amount accepted (a hundred years in days is far beyond any deadline).
	 */
	public static final int MAX_AMOUNT = 36600;

	private static final Pattern ISO = Pattern.compile("P(\\d{1,6})([DWMY])");

	public DeadlinePeriod {
		if (amount < 1 || amount > MAX_AMOUNT) {
			throw new IllegalArgumentException("A period needs 1 to " + MAX_AMOUNT + " units, not " + amount);
		}
	}

	/** The period written as {@code P<n><D|W|M|Y>}, if it is one. */
	public static Optional<DeadlinePeriod> parse(String text) {
		Matcher matcher = ISO.matcher(text.strip().toUpperCase(Locale.ROOT));
		if (!matcher.matches()) {
			return Optional.empty();
		}
		int amount = Integer.parseInt(matcher.group(1));
		if (amount < 1 || amount > MAX_AMOUNT) {
			return Optional.empty();
		}
		return Optional.of(new DeadlinePeriod(amount, Unit.valueOf(matcher.group(2))));
	}

	public static DeadlinePeriod days(int amount) {
		return new DeadlinePeriod(amount, Unit.D);
	}

	public static DeadlinePeriod weeks(int amount) {
		return new DeadlinePeriod(amount, Unit.W);
	}

	public static DeadlinePeriod months(int amount) {
		return new DeadlinePeriod(amount, Unit.M);
	}

	public static DeadlinePeriod years(int amount) {
		return new DeadlinePeriod(amount, Unit.Y);
	}

	@Override
	public String toString() {
		return "P" + this.amount + this.unit.name();
	}

	/** The units of a period: days, weeks, months, years. */
	public enum Unit {

		D, W, M, Y

	}

}
