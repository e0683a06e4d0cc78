package de.amtsweg.platform;

import org.jspecify.annotations.Nullable;

/**
 * Accepts only paths on this site as targets of "go back to" redirects (no open
 * redirect).
 */
public final class LocalPath {

	private LocalPath() {
	}

	/** The path if it stays on this site, else {@code /}. */
	public static String orHome(@Nullable String path) {
		if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")
				|| path.contains("\r") || path.contains("\n")) {
			return "/";
		}
		return path;
	}

}
