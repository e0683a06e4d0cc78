package de.amtsweg.support;

import java.util.concurrent.atomic.AtomicReference;

import de.amtsweg.platform.VirusScanner;
import de.amtsweg.platform.internal.ClamdVirusScanner;

/**
 * The virus scanner of the integration tests: none (every file clean), as the application
 * runs without clamd, until a test switches to the real clamd ({@link RealClamd}) for
 * itself; reset after the test.
 */
public class SwitchableVirusScanner implements VirusScanner {

	private static final VirusScanner NONE = (content) -> Verdict.ok();

	private final AtomicReference<VirusScanner> current = new AtomicReference<>(NONE);

	/** Scans with the real clamd until {@link #reset()}; skips the test without clamd. */
	public void useRealClamd() {
		RealClamd clamd = RealClamd.get();
		this.current.set(new ClamdVirusScanner(clamd.host(), clamd.port(), java.time.Duration.ofSeconds(10)));
	}

	public void reset() {
		this.current.set(NONE);
	}

	@Override
	public Verdict scan(byte[] content) {
		return this.current.get().scan(content);
	}

}
