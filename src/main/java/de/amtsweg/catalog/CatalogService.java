package de.amtsweg.catalog;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A service (or information page) of the catalogue: shared by a district (its
 * municipalities adopt it) or local to one municipality.
 *
 * @param id identifier
 * @param districtId the district, for a shared service
 * @param municipalityId the municipality, for a local service
 * @param slug short name in addresses, e.g. {@code hundesteuer}
 * @param leikaKey 14-digit key of the federal service catalogue (LeiKa), if it has one
 * @param kind service or information page
 * @param name name
 * @param summary one or two sentences in plain language
 * @param description what the citizen needs to know
 * @param keywords further words citizens search for
 * @param legalBasis the laws it rests on
 * @param processingTime how long it usually takes
 * @param documents documents to bring or upload
 * @param fees fees valid wherever it is offered
 * @param activities its activities
 * @param lifeSituations slugs of its life situations
 * @param ozgId number of the OZG service it belongs to, if known
 * @param leikaType the LeiKa type (who regulates and who executes), as given in the LeiKa
 */
public record CatalogService(UUID id, @Nullable UUID districtId, @Nullable UUID municipalityId, String slug,
		@Nullable String leikaKey, ServiceKind kind, LocalizedText name, LocalizedText summary,
		LocalizedText description, List<String> keywords, String legalBasis, LocalizedText processingTime,
		List<LocalizedText> documents, List<Fee> fees, List<Activity> activities, List<String> lifeSituations,
		@Nullable Integer ozgId, String leikaType) {

	/** Whether the district shares it with its municipalities. */
	public boolean shared() {
		return this.districtId != null;
	}

}
