package de.amtsweg.catalog;

/**
 * OZG maturity (Reifegrad): 0 nothing online, 1 information online, 2 form to download, 3
 * application online, 4 fully digital including the notice. Online means 3 or 4.
 */
public final class Maturity {

	public static final int MIN = 0;

	public static final int MAX = 4;

	public static final int ONLINE = 3;

	private Maturity() {
	}

	public static boolean isOnline(int maturity) {
		return maturity >= ONLINE;
	}

	public static boolean isValid(int maturity) {
		return maturity >= MIN && maturity <= MAX;
	}

}
