package de.amtsweg.catalog;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A municipality's responsibility for a service as an admin or an import enters it.
 *
 * @param orgUnitId the responsible org unit of the municipality
 * @param baseMaturity maturity of the service itself, 0–4
 * @param onlineUrl online application: a path on this portal such as
 * {@code /antrag/hundesteuer-anmeldung} or an https address; empty if none
 * @param appointmentUrl appointment booking, same rules; empty if none
 * @param byVisit whether citizens can come in person
 * @param byPost whether citizens can apply by post
 * @param note local supplement to the description
 * @param locationIds where it is offered
 */
public record ResponsibilityDetails(UUID orgUnitId, int baseMaturity, @Nullable String onlineUrl,
		@Nullable String appointmentUrl, boolean byVisit, boolean byPost, LocalizedText note, List<UUID> locationIds) {

	public static ResponsibilityDetails of(Responsibility responsibility) {
		return new ResponsibilityDetails(responsibility.orgUnitId(), responsibility.baseMaturity(),
				responsibility.onlineUrl(), responsibility.appointmentUrl(), responsibility.byVisit(),
				responsibility.byPost(), responsibility.note(), responsibility.locationIds());
	}

}
