package de.amtsweg.platform;

import java.util.UUID;

/**
 * Signs documents (notices, receipts, certificates) with the municipality's certificate
 * as an advanced electronic signature (PAdES baseline B: a detached CMS signature with
 * the signing certificate attribute) and checks signed documents anyone brings back.
 */
public interface PdfSigner {

	/**
	 * Signs the PDF with the certificate of the municipality.
	 * @param pdf the document, e.g. from {@link PdfRenderer}
	 * @param municipalityId whose certificate signs
	 * @param reason why it is signed, shown by PDF readers (e.g. "Bescheid")
	 * @return the signed document: the original bytes plus an incremental update
	 */
	byte[] sign(byte[] pdf, UUID municipalityId, String reason);

	/**
	 * Checks the last signature of a PDF against its bytes and the portal's signing
	 * certificates. Never throws for bad input: a file that is no PDF is reported as
	 * unsigned.
	 */
	SignatureCheck verify(byte[] pdf);

}
