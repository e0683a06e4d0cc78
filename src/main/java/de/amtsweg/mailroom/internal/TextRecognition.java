package de.amtsweg.mailroom.internal;

import java.awt.image.BufferedImage;

/** Optical character recognition of a scanned page. */
public interface TextRecognition {

	/** Whether recognition can run on this machine. */
	boolean available();

	/**
	 * The text of the page.
	 * @throws UnavailableException when no recognition is installed
	 * @throws RecognitionException when it failed (timeout, broken image)
	 */
	String recognise(BufferedImage page);

	/** No OCR engine is installed. */
	class UnavailableException extends RuntimeException {

		public UnavailableException(String message) {
			super(message);
		}

	}

	/** The engine ran but gave no result. */
	class RecognitionException extends RuntimeException {

		public RecognitionException(String message, Throwable cause) {
			super(message, cause);
		}

		public RecognitionException(String message) {
			super(message);
		}

	}

}
