package de.amtsweg.catalog;

import java.util.List;

/**
 * How far the OZG rollout has come, for one municipality or a whole district. Counts
 * services (not information pages) and their activities. Online means maturity 3 or 4; in
 * progress means not online, with work under way on at least one activity (a service) or
 * on the activity itself.
 *
 * @param services services offered
 * @param servicesOnline services online, fully or in part
 * @param servicesInProgress services not online with an activity in progress
 * @param activities activities of the services offered
 * @param activitiesOnline activities online
 * @param activitiesInProgress activities not online whose implementation is under way
 * @param servicesByMaturity services with maturity 0, 1, 2, 3 and 4
 * @param activitiesByMaturity activities with maturity 0, 1, 2, 3 and 4
 */
public record RolloutFigures(int services, int servicesOnline, int servicesInProgress, int activities,
		int activitiesOnline, int activitiesInProgress, List<Integer> servicesByMaturity,
		List<Integer> activitiesByMaturity) {

	public static final RolloutFigures NONE = new RolloutFigures(0, 0, 0, 0, 0, 0, List.of(0, 0, 0, 0, 0),
			List.of(0, 0, 0, 0, 0));

	public int servicesOffline() {
		return this.services - this.servicesOnline - this.servicesInProgress;
	}

	public int activitiesOffline() {
		return this.activities - this.activitiesOnline - this.activitiesInProgress;
	}

	public int servicesOnlinePercent() {
		return percent(this.servicesOnline, this.services);
	}

	public int servicesInProgressPercent() {
		return percent(this.servicesInProgress, this.services);
	}

	public int activitiesOnlinePercent() {
		return percent(this.activitiesOnline, this.activities);
	}

	public int activitiesInProgressPercent() {
		return percent(this.activitiesInProgress, this.activities);
	}

	/** A part of a whole in whole percent, rounded half up; 0 for an empty whole. */
	public static int percent(int part, int whole) {
		return (whole == 0) ? 0 : (int) Math.round(100.0 * part / whole);
	}

	public RolloutFigures plus(RolloutFigures other) {
		return new RolloutFigures(this.services + other.services, this.servicesOnline + other.servicesOnline,
				this.servicesInProgress + other.servicesInProgress, this.activities + other.activities,
				this.activitiesOnline + other.activitiesOnline, this.activitiesInProgress + other.activitiesInProgress,
				add(this.servicesByMaturity, other.servicesByMaturity),
				add(this.activitiesByMaturity, other.activitiesByMaturity));
	}

	private static List<Integer> add(List<Integer> a, List<Integer> b) {
		return java.util.stream.IntStream.range(0, a.size()).mapToObj((i) -> a.get(i) + b.get(i)).toList();
	}

}
