package de.amtsweg.queue.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.queue.AppointmentCheckIns;
import de.amtsweg.queue.ScheduledVisit;

/**
 * Finds the appointment behind a code entered (or scanned) at a kiosk and the service
 * group it belongs to. Pure logic over the available {@link AppointmentCheckIns}
 * implementations, so it is tested without the application.
 */
public final class CheckInRules {

	private CheckInRules() {
	}

	/** What became of a code. */
	public sealed interface Outcome {

	}

	/** The visit and the group whose line it joins. */
	public record Found(ScheduledVisit visit, AppointmentCheckIns source, ServiceGroup group) implements Outcome {

	}

	/** No appointment has this code (or no appointment system is connected). */
	public record Unknown() implements Outcome {

	}

	/** The appointment is at another location; the visitor is in the wrong building. */
	public record ElsewhereLocated(ScheduledVisit visit) implements Outcome {

	}

	/** The kiosk's location has no service group to queue the visitor in. */
	public record NoGroup() implements Outcome {

	}

	/**
	 * @param sources the appointment systems
	 * @param municipalityId the kiosk's municipality
	 * @param locationId the kiosk's location
	 * @param groups the location's groups in kiosk order
	 * @param code what the visitor typed or scanned
	 */
	public static Outcome decide(List<AppointmentCheckIns> sources, UUID municipalityId, UUID locationId,
			List<ServiceGroup> groups, String code) {
		String normalized = normalize(code);
		if (normalized.isEmpty()) {
			return new Unknown();
		}
		for (AppointmentCheckIns source : sources) {
			Optional<ScheduledVisit> visit = source.find(municipalityId, normalized);
			if (visit.isPresent()) {
				if (!visit.get().locationId().equals(locationId)) {
					return new ElsewhereLocated(visit.get());
				}
				Optional<ServiceGroup> group = groups.stream()
					.filter((candidate) -> candidate.serves(visit.get().serviceNames()))
					.findFirst()
					.or(() -> groups.stream().findFirst());
				return group.<Outcome>map((found) -> new Found(visit.get(), source, found)).orElseGet(NoGroup::new);
			}
		}
		return new Unknown();
	}

	/**
	 * Only surrounding blanks go: the appointments module knows its codes (and what its
	 * QR codes hold), so the text reaches it as the visitor entered it.
	 */
	static String normalize(String code) {
		return code.strip();
	}

}
