package de.amtsweg.platform;

import org.jspecify.annotations.Nullable;

/**
 * A link a module puts on one of the portal's hub pages. Modules declare them as beans;
 * the hub shows those the viewer may follow.
 *
 * @param area which hub
 * @param titleKey message key of the link text
 * @param descriptionKey message key of a one-line description
 * @param path where it leads
 * @param order position, lower first
 * @param requiredAuthority authority the viewer needs, e.g. {@code ROLE_ADMIN}; null for
 * everyone who sees the hub
 */
public record NavigationLink(Area area, String titleKey, String descriptionKey, String path, int order,
		@Nullable String requiredAuthority) {

	/** The hub pages. */
	public enum Area {

		/** The public start page. */
		HOME,
		/** The citizen's account. */
		ACCOUNT,
		/** The staff start page. */
		STAFF,
		/** The administration area. */
		ADMIN

	}

}
