package de.amtsweg.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The description of a service as an admin or an import enters it.
 *
 * @param slug short name in addresses; derived from the name when empty
 * @param leikaKey 14-digit LeiKa key, or empty
 * @param kind service or information page
 * @param name name (German required)
 * @param summary short description
 * @param description full description
 * @param keywords further search words
 * @param legalBasis legal basis
 * @param processingTime usual processing time
 * @param documents required documents
 * @param lifeSituations slugs of life situations
 * @param ozgId OZG service number, if known
 * @param leikaType LeiKa type as given in the LeiKa
 */
public record ServiceContent(String slug, String leikaKey, ServiceKind kind, LocalizedText name, LocalizedText summary,
		LocalizedText description, List<String> keywords, String legalBasis, LocalizedText processingTime,
		List<LocalizedText> documents, List<String> lifeSituations, @Nullable Integer ozgId, String leikaType) {

	public static ServiceContent of(CatalogService service) {
		return new ServiceContent(service.slug(), (service.leikaKey() != null) ? service.leikaKey() : "",
				service.kind(), service.name(), service.summary(), service.description(), service.keywords(),
				service.legalBasis(), service.processingTime(), service.documents(), service.lifeSituations(),
				service.ozgId(), service.leikaType());
	}

}
