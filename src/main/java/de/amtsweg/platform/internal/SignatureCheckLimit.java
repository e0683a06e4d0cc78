package de.amtsweg.platform.internal;

import de.amtsweg.platform.RateLimits;

import org.springframework.stereotype.Component;

/**
 * How many documents one client may check per window on the public verification page and
 * API (the platform's {@link RateLimits}), so nobody uses the portal as a free PDF
 * parsing service. Keys are hashed, so no addresses are stored.
 */
@Component
public class SignatureCheckLimit {

	private final RateLimits rateLimits;

	private final SigningProperties properties;

	SignatureCheckLimit(RateLimits rateLimits, SigningProperties properties) {
		this.rateLimits = rateLimits;
		this.properties = properties;
	}

	/** Counts one check; false when the client has used up the window's checks. */
	public boolean tryCheck(String client) {
		return this.rateLimits
			.attempt("signature-check", client, this.properties.verification().perClientPerHour(),
					this.properties.verification().window())
			.allowed();
	}

	/** The largest file that is checked, in bytes. */
	public long maxFileSize() {
		return this.properties.verification().maxFileSizeKb() * 1024L;
	}

}
