package de.amtsweg.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The finder over Musterstadt's demo catalogue. */
class ServiceFinderTests extends IntegrationTest {

	@Autowired
	ServiceFinder finder;

	@Autowired
	Municipalities municipalities;

	private UUID musterstadt() {
		return this.municipalities.bySlug("musterstadt").orElseThrow().id();
	}

	private List<String> top(String query, int n) {
		return this.finder.search(musterstadt(), query, null, false, n)
			.hits()
			.stream()
			.map(ServiceSummary::slug)
			.toList();
	}

	@Test
	void everyRealisticQueryFindsItsServiceAmongTheFirstThree() {
		List<String> misses = new ArrayList<>();
		for (SearchQueries query : SearchQueries.all()) {
			List<String> found = top(query.query(), 3);
			if (!found.contains(query.expected())) {
				misses.add(query.query() + " -> " + found + " (expected " + query.expected() + ")");
			}
		}
		assertThat(misses).as("queries whose service is not among the first three").isEmpty();
		assertThat(SearchQueries.all()).hasSizeGreaterThanOrEqualTo(40);
	}

	@Test
	void aStemFindsTheCompoundItStarts() {
		assertThat(top("Hunde", 3)).contains("hundesteuer");
	}

	@Test
	void theLastPartOfACompoundFindsIt() {
		assertThat(top("Steuer", 10)).contains("hundesteuer", "grundsteuer", "gewerbesteuer");
		assertThat(top("Urkunde", 10)).contains("geburtsurkunde", "eheurkunde", "sterbeurkunde");
	}

	@Test
	void synonymsFindWhatTheCatalogueCallsOtherwise() {
		assertThat(top("Perso", 1)).containsExactly("personalausweis");
		assertThat(top("Ummeldung", 3)).contains("wohnsitz-anmelden");
	}

	@Test
	void aMisspeltWordIsCorrectedAndSaidSo() {
		SearchResult result = this.finder.search(musterstadt(), "Geburtsurkunfe", null, false, 5);
		assertThat(result.corrected()).isTrue();
		assertThat(result.understoodAs()).isEqualTo("geburtsurkunde");
		assertThat(result.hits()).extracting(ServiceSummary::slug).first().isEqualTo("geburtsurkunde");
	}

	@Test
	void theLifeSituationFilterKeepsOnlyItsServices() {
		List<ServiceSummary> hits = this.finder.search(musterstadt(), "Urkunde", "tod", false, 20).hits();
		assertThat(hits).extracting(ServiceSummary::slug).contains("sterbeurkunde").doesNotContain("geburtsurkunde");
	}

	@Test
	void theOnlineFilterKeepsOnlyServicesOnline() {
		List<ServiceSummary> all = this.finder.search(musterstadt(), "Ausweis", null, false, 20).hits();
		List<ServiceSummary> online = this.finder.search(musterstadt(), "Ausweis", null, true, 20).hits();
		assertThat(all).extracting(ServiceSummary::slug).contains("personalausweis");
		assertThat(online).isNotEmpty().allMatch((hit) -> hit.rollout().online());
		assertThat(online).extracting(ServiceSummary::slug).doesNotContain("personalausweis");
	}

	@Test
	void servicesOfAnotherMunicipalityAreNotFound() {
		UUID beispielheim = this.municipalities.bySlug("beispielheim").orElseThrow().id();
		assertThat(this.finder.search(beispielheim, "Bewohnerparkausweis", null, false, 5).hits())
			.extracting(ServiceSummary::slug)
			.doesNotContain("bewohnerparkausweis");
		assertThat(top("Bewohnerparkausweis", 1)).containsExactly("bewohnerparkausweis");
	}

	@Test
	void anEmptyOrOverlongQueryIsRefused() {
		assertThatThrownBy(() -> this.finder.search(musterstadt(), " ", null, false, 5))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.finder.search(musterstadt(), "x".repeat(101), null, false, 5))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.problems().get(0).messageKey()).isEqualTo("catalog.search.tooLong"));
	}

	@Test
	void stopWordsAloneFindNothing() {
		assertThat(this.finder.search(musterstadt(), "und für die", null, false, 5).hits()).isEmpty();
	}

}
