package de.amtsweg.catalog;

/**
 * How far a municipality's offering of a service has come.
 *
 * @param maturity the service's maturity: its own, or its most advanced activity's
 * @param activities number of activities
 * @param activitiesOnline activities with maturity 3 or 4
 * @param activitiesInProgress activities not online whose implementation is under way
 */
public record Rollout(int maturity, int activities, int activitiesOnline, int activitiesInProgress) {

	/** Online, fully or in part (maturity 3 or 4). */
	public boolean online() {
		return Maturity.isOnline(this.maturity);
	}

	/** Not online, but work on at least one activity is under way. */
	public boolean inProgress() {
		return !online() && this.activitiesInProgress > 0;
	}

}
