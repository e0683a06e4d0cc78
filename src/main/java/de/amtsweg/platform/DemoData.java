package de.amtsweg.platform;

/**
 * Demo data: each module may seed its own when {@code amtsweg.demo-data.enabled} is true
 * (the default for the embedded quick start), after the modules it refers to. A seeder
 * checks whether its data is already there, so a second start adds nothing.
 */
public final class DemoData {

	/** The property that switches demo data on ({@code AMTSWEG_DEMO_DATA}). */
	public static final String ENABLED = "amtsweg.demo-data.enabled";

	/** The password of every demo account; documented in the README. */
	public static final String PASSWORD = "Amtsweg-Demo-2026";

	public static final int PLATFORM = 0;

	public static final int ACCOUNTS = 10;

	public static final int CATALOG = 20;

	public static final int FORMS = 30;

	public static final int CASES = 40;

	public static final int LATER_MODULES = 50;

	private DemoData() {
	}

}
