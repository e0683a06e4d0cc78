package de.amtsweg.platform;

import java.util.List;

/**
 * API paths that anyone may call without signing in. Every other path under {@code /api/}
 * needs an authenticated caller. Modules declare their public endpoints as beans of this
 * type.
 *
 * @param patterns path patterns, e.g. {@code /api/v1/municipalities/**}
 */
public record PublicEndpoints(List<String> patterns) {

	public static PublicEndpoints of(String... patterns) {
		return new PublicEndpoints(List.of(patterns));
	}

}
