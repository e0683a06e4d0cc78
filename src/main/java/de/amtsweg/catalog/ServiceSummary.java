package de.amtsweg.catalog;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A service in a list or among search results, as one municipality offers it.
 *
 * @param serviceId the service
 * @param responsibilityId the municipality's responsibility for it
 * @param slug short name in addresses
 * @param leikaKey LeiKa key, if any
 * @param kind service or information page
 * @param shared whether it comes from the district's shared catalogue
 * @param name name
 * @param summary short description
 * @param orgUnitName the responsible org unit
 * @param onlineUrl the online application, if any
 * @param rollout how far it is online
 */
public record ServiceSummary(UUID serviceId, UUID responsibilityId, String slug, @Nullable String leikaKey,
		ServiceKind kind, boolean shared, LocalizedText name, LocalizedText summary, String orgUnitName,
		@Nullable String onlineUrl, Rollout rollout) {
}
