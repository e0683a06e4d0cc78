package de.amtsweg.platform;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the check of a signed PDF found.
 *
 * @param signed whether the file is a PDF with a signature at all
 * @param intact whether the signature matches the signed bytes (cryptographically valid)
 * @param unchanged whether the signature covers the whole file, so nothing was added
 * after signing
 * @param signerName the name in the signing certificate (common name), if signed
 * @param signedAt when it was signed (the time the signer claims), if signed
 * @param municipalityId the municipality whose portal certificate signed it, null when
 * the certificate is not one of the portal's
 * @param municipalityName that municipality's name
 */
public record SignatureCheck(boolean signed, boolean intact, boolean unchanged, @Nullable String signerName,
		@Nullable Instant signedAt, @Nullable UUID municipalityId, @Nullable String municipalityName) {

	public static SignatureCheck unsigned() {
		return new SignatureCheck(false, false, false, null, null, null, null);
	}

	/** Issued by a municipality of this portal with its known certificate. */
	public boolean issuedByPortal() {
		return this.municipalityId != null;
	}

	/** Everything holds: genuine, unchanged and from this portal. */
	public boolean verified() {
		return this.signed && this.intact && this.unchanged && issuedByPortal();
	}

}
