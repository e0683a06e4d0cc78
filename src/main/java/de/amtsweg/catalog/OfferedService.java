package de.amtsweg.catalog;

import java.util.List;

import de.amtsweg.platform.OrgUnit;
import org.jspecify.annotations.Nullable;

/**
 * A service as a municipality offers it: the description and the local responsibility.
 *
 * @param service the service
 * @param responsibility the municipality's responsibility for it
 * @param orgUnit the responsible org unit
 * @param rollout how far it is online
 * @param locations where it is offered
 */
public record OfferedService(CatalogService service, Responsibility responsibility, OrgUnit orgUnit, Rollout rollout,
		List<Location> locations) {

	/**
	 * Where to do it online: the service's online application, else that of its first
	 * activity that is online.
	 */
	public @Nullable String onlineUrl() {
		if (this.responsibility.onlineUrl() != null) {
			return this.responsibility.onlineUrl();
		}
		for (Activity activity : this.service.activities()) {
			ActivityState state = this.responsibility.stateOf(activity.id());
			if (state.online() && state.onlineUrl() != null) {
				return state.onlineUrl();
			}
		}
		return null;
	}

}
