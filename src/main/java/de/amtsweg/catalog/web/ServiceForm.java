package de.amtsweg.catalog.web;

import java.util.Arrays;
import java.util.List;

import de.amtsweg.catalog.CatalogService;
import de.amtsweg.catalog.LocalizedText;
import de.amtsweg.catalog.ServiceContent;
import de.amtsweg.catalog.ServiceKind;
import org.jspecify.annotations.Nullable;

/**
 * The page that describes a service. Lists are typed one item per line (documents) or
 * separated by commas (keywords).
 *
 * @param name German name
 * @param nameEn English name
 * @param slug short name in addresses
 * @param leikaKey LeiKa key
 * @param kind SERVICE or INFORMATION
 * @param summary German summary
 * @param summaryEn English summary
 * @param description German description
 * @param descriptionEn English description
 * @param keywords search words, separated by commas
 * @param legalBasis legal basis
 * @param processingTime German processing time
 * @param processingTimeEn English processing time
 * @param documents German documents, one per line
 * @param documentsEn English documents, one per line, in the same order
 * @param lifeSituations slugs of life situations
 * @param orgUnit responsible org unit (new local services only)
 */
record ServiceForm(String name, String nameEn, String slug, String leikaKey, String kind, String summary,
		String summaryEn, String description, String descriptionEn, String keywords, String legalBasis,
		String processingTime, String processingTimeEn, String documents, String documentsEn,
		List<String> lifeSituations, String orgUnit) {

	ServiceForm(@Nullable String name, @Nullable String nameEn, @Nullable String slug, @Nullable String leikaKey,
			@Nullable String kind, @Nullable String summary, @Nullable String summaryEn, @Nullable String description,
			@Nullable String descriptionEn, @Nullable String keywords, @Nullable String legalBasis,
			@Nullable String processingTime, @Nullable String processingTimeEn, @Nullable String documents,
			@Nullable String documentsEn, @Nullable List<String> lifeSituations, @Nullable String orgUnit) {
		this.name = text(name);
		this.nameEn = text(nameEn);
		this.slug = text(slug);
		this.leikaKey = text(leikaKey);
		this.kind = "INFORMATION".equals(kind) ? "INFORMATION" : "SERVICE";
		this.summary = text(summary);
		this.summaryEn = text(summaryEn);
		this.description = text(description);
		this.descriptionEn = text(descriptionEn);
		this.keywords = text(keywords);
		this.legalBasis = text(legalBasis);
		this.processingTime = text(processingTime);
		this.processingTimeEn = text(processingTimeEn);
		this.documents = text(documents);
		this.documentsEn = text(documentsEn);
		this.lifeSituations = (lifeSituations != null) ? List.copyOf(lifeSituations) : List.of();
		this.orgUnit = text(orgUnit);
	}

	static ServiceForm empty() {
		return new ServiceForm("", "", "", "", "SERVICE", "", "", "", "", "", "", "", "", "", "", List.of(), "");
	}

	static ServiceForm of(CatalogService service) {
		return new ServiceForm(service.name().de(), service.name().en(), service.slug(),
				(service.leikaKey() != null) ? service.leikaKey() : "", service.kind().name(), service.summary().de(),
				service.summary().en(), service.description().de(), service.description().en(),
				String.join(", ", service.keywords()), service.legalBasis(), service.processingTime().de(),
				service.processingTime().en(),
				String.join("\n", service.documents().stream().map(LocalizedText::de).toList()),
				String.join("\n", service.documents().stream().map(LocalizedText::en).toList()),
				service.lifeSituations(), "");
	}

	ServiceContent content() {
		List<String> germanDocuments = lines(this.documents);
		List<String> englishDocuments = lines(this.documentsEn);
		List<LocalizedText> documentTexts = java.util.stream.IntStream.range(0, germanDocuments.size())
			.mapToObj((i) -> new LocalizedText(germanDocuments.get(i),
					(i < englishDocuments.size()) ? englishDocuments.get(i) : ""))
			.toList();
		return new ServiceContent(this.slug, this.leikaKey.replace(" ", ""), ServiceKind.valueOf(this.kind),
				new LocalizedText(this.name, this.nameEn), new LocalizedText(this.summary, this.summaryEn),
				new LocalizedText(this.description, this.descriptionEn),
				Arrays.stream(this.keywords.split(",")).map(String::strip).filter((k) -> !k.isEmpty()).toList(),
				this.legalBasis, new LocalizedText(this.processingTime, this.processingTimeEn), documentTexts,
				this.lifeSituations, null, "");
	}

	/**
	 * Keeps what an edit page does not show (OZG number, LeiKa type) from the service.
	 */
	ServiceContent contentOver(CatalogService current) {
		ServiceContent content = content();
		return new ServiceContent(content.slug(), content.leikaKey(), content.kind(), content.name(), content.summary(),
				content.description(), content.keywords(), content.legalBasis(), content.processingTime(),
				content.documents(), content.lifeSituations(), current.ozgId(), current.leikaType());
	}

	private static List<String> lines(String text) {
		return text.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
