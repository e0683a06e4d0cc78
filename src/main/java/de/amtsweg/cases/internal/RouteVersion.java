package de.amtsweg.cases.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One uploaded version of a case type's processing route in a municipality.
 *
 * @param id this version
 * @param caseTypeId the case type
 * @param municipalityId the municipality
 * @param version number, from 1
 * @param state draft, published or retired
 * @param fileName the uploaded file's name
 * @param xml the BPMN 2.0 XML as uploaded
 * @param processKey the id of its executable process
 * @param processName the process's name, if any
 * @param uploadedBy who uploaded it
 * @param uploadedAt when
 * @param publishedAt when it was published
 * @param retiredAt when a newer version replaced it
 * @param processDefinitionId the engine's definition once published
 */
public record RouteVersion(UUID id, UUID caseTypeId, UUID municipalityId, int version, State state, String fileName,
		String xml, String processKey, @Nullable String processName, String uploadedBy, Instant uploadedAt,
		@Nullable Instant publishedAt, @Nullable Instant retiredAt, @Nullable String processDefinitionId) {

	public enum State {

		DRAFT, PUBLISHED, RETIRED;

		public String messageKey() {
			return "cases.route.state." + name();
		}

	}

}
