package de.amtsweg.platform;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A signed-in principal that belongs to one municipality (staff). Pages for such a
 * principal work inside that municipality, whatever the host name or the citizen's choice
 * says.
 */
public interface MunicipalityMember {

	/** The municipality, or null for operators of the whole portal. */
	@Nullable UUID municipalityId();

}
