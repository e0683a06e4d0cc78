package de.amtsweg.platform.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.PdfSigner;

/**
 * Signers outside the application's own keys, e.g. for tools and for tests that need a
 * certificate the portal does not know.
 */
public final class PdfSigners {

	private PdfSigners() {
	}

	/**
	 * A signer with the keystores of this directory, creating a self-signed certificate
	 * for every municipality that has none there.
	 */
	public static PdfSigner withOwnCertificates(Path directory, Municipalities municipalities, Clock clock) {
		SigningProperties properties = new SigningProperties(directory, "", Map.of(), true,
				new SigningProperties.Verification(10240, 60, java.time.Duration.ofHours(1)));
		return new PadesSigner(new SigningKeys(properties, municipalities, clock), municipalities, clock);
	}

}
