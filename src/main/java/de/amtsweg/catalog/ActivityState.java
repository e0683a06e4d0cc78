package de.amtsweg.catalog;

import org.jspecify.annotations.Nullable;

/**
 * How far one municipality has come with one activity.
 *
 * @param maturity OZG maturity 0–4
 * @param status whether work is under way
 * @param onlineUrl where the activity is done online, if it is
 */
public record ActivityState(int maturity, RolloutStatus status, @Nullable String onlineUrl) {

	public static final ActivityState NONE = new ActivityState(0, RolloutStatus.NOT_STARTED, null);

	public boolean online() {
		return Maturity.isOnline(this.maturity);
	}

	public boolean inProgress() {
		return !online() && this.status == RolloutStatus.IN_PROGRESS;
	}

}
