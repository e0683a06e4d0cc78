package de.amtsweg.platform;

import java.io.InputStream;

/**
 * Files (attachments, documents, notices) by content: each blob is addressed by the
 * SHA-256 of its bytes, so the same file is stored once and any change is detected on
 * read. The default implementation keeps blobs under {@code ${AMTSWEG_DATA_DIR}/blobs}.
 */
public interface BlobStore {

	/** Stores the bytes; returns their address (64 hex digits of SHA-256). */
	String put(byte[] content);

	/** Stores what the stream yields, without holding it in memory; closes the stream. */
	String put(InputStream content);

	/**
	 * The bytes at the address, checked against it.
	 * @throws NotFoundException when there is no such blob
	 * @throws CorruptBlobException when the stored bytes no longer match their address
	 */
	byte[] get(String address);

	boolean exists(String address);

	/** Removes the blob; nothing happens when there is none. */
	void delete(String address);

	/** Stored bytes that no longer match their address: changed on disk or broken. */
	class CorruptBlobException extends RuntimeException {

		public CorruptBlobException(String address) {
			super("Blob " + address + " does not match its hash");
		}

	}

}
