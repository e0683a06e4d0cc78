package de.amtsweg.platform;

import org.jspecify.annotations.Nullable;

/** Checks uploaded files for malware before they are stored. */
public interface VirusScanner {

	/**
	 * Scans the content.
	 * @throws ScannerUnavailableException when the scanner cannot be asked; the upload is
	 * then refused, never let through unchecked
	 */
	Verdict scan(byte[] content);

	/**
	 * @param clean whether nothing was found
	 * @param signature what was found, e.g. {@code Eicar-Signature}
	 */
	record Verdict(boolean clean, @Nullable String signature) {

		public static Verdict ok() {
			return new Verdict(true, null);
		}

	}

	/** The scanner could not be reached or did not answer sensibly. */
	class ScannerUnavailableException extends RuntimeException {

		public ScannerUnavailableException(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
