package de.amtsweg.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one digest of the project: blob addresses, token and client hashes, the
 * audit chain, manifests. Hex is lower case, 64 characters.
 */
public final class Sha256 {

	private Sha256() {
	}

	/** A fresh digest for content that arrives in parts (e.g. a stream). */
	public static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			// every Java runtime must provide SHA-256
			throw new IllegalStateException(ex);
		}
	}

	public static byte[] of(byte[] content) {
		return digest().digest(content);
	}

	public static String hex(byte[] content) {
		return HexFormat.of().formatHex(of(content));
	}

	/** The hex digest of the text's UTF-8 bytes. */
	public static String hex(String text) {
		return hex(text.getBytes(StandardCharsets.UTF_8));
	}

}
