package de.amtsweg.cases.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A draft route version in Testbetrieb: deployed to the engine's test tenant so that test
 * cases run on it.
 *
 * @param id the run
 * @param routeId the draft route version
 * @param municipalityId its municipality
 * @param state open, promoted (the version was published) or discarded
 * @param deploymentId the engine deployment in the test tenant
 * @param processDefinitionId the definition test cases start on
 * @param startedBy who started it
 * @param startedAt when
 * @param endedBy who promoted or discarded it
 * @param endedAt when
 */
public record TestRun(UUID id, UUID routeId, UUID municipalityId, State state, String deploymentId,
		String processDefinitionId, String startedBy, Instant startedAt, @Nullable String endedBy,
		@Nullable Instant endedAt) {

	public enum State {

		OPEN, PROMOTED, DISCARDED;

		public String messageKey() {
			return "cases.testRun.state." + name();
		}

	}

	public boolean isOpen() {
		return this.state == State.OPEN;
	}

}
