package de.amtsweg.platform;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/** Tells an image's type from its first bytes, never from its name. */
final class LogoType {

	private LogoType() {
	}

	static @Nullable String sniff(byte[] content) {
		if (startsWith(content, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' })) {
			return "image/png";
		}
		if (startsWith(content, new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff })) {
			return "image/jpeg";
		}
		String text = new String(content, StandardCharsets.UTF_8);
		String head = text.substring(0, Math.min(text.length(), 1024)).trim();
		if ((head.startsWith("<?xml") || head.startsWith("<svg")) && head.contains("<svg")
				&& !text.toLowerCase(java.util.Locale.ROOT).contains("<script")) {
			return "image/svg+xml";
		}
		return null;
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
