package de.amtsweg.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A municipality's responsibility for a service (its offering): who does it, how citizens
 * get it done there, and how far its activities are online.
 *
 * @param id identifier
 * @param municipalityId the municipality
 * @param serviceId the service
 * @param orgUnitId the responsible org unit
 * @param baseMaturity the maturity of the service itself
 * @param onlineUrl the online application, if any
 * @param appointmentUrl where to book an appointment, if any
 * @param byVisit whether citizens can come in person
 * @param byPost whether citizens can apply by post
 * @param note local supplement to the description
 * @param localFees fees of this municipality
 * @param contacts contact persons
 * @param locationIds where it is offered
 * @param activityStates rollout of each activity, by activity id (missing means
 * {@link ActivityState#NONE})
 */
public record Responsibility(UUID id, UUID municipalityId, UUID serviceId, UUID orgUnitId, int baseMaturity,
		@Nullable String onlineUrl, @Nullable String appointmentUrl, boolean byVisit, boolean byPost,
		LocalizedText note, List<Fee> localFees, List<Contact> contacts, List<UUID> locationIds,
		Map<UUID, ActivityState> activityStates) {

	public ActivityState stateOf(UUID activityId) {
		return this.activityStates.getOrDefault(activityId, ActivityState.NONE);
	}

}
