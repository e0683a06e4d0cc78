package de.amtsweg.catalog;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import de.amtsweg.catalog.internal.Amounts;
import de.amtsweg.catalog.internal.Csv;
import de.amtsweg.catalog.internal.FeeText;
import de.amtsweg.catalog.internal.LeikaKeys;
import de.amtsweg.catalog.internal.OpeningHoursText;
import de.amtsweg.catalog.internal.SearchText;
import de.amtsweg.catalog.internal.Slugs;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.OpeningPeriod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue's text handling, without the application. */
class CatalogTextTests {

	private final SearchText text = new SearchText(List.of("steuer", "urkunde", "ausweis", "park", "schein",
			"berechtigung", "anmeldung", "meldung", "büro", "reise", "pass"));

	@Test
	void wordsAreFoldedLikeUnaccent() {
		assertThat(SearchText.words("Bürgerbüro, Straße & Fundbüro!")).containsExactly("burgerburo", "strasse",
				"fundburo");
	}

	@Test
	void compoundsAreSplitAtKnownLastParts() {
		assertThat(this.text.parts("hundesteuer")).containsExactly("steuer", "hunde");
		assertThat(this.text.parts("geburtsurkunde")).containsExactly("urkunde", "geburt");
		assertThat(this.text.parts("bewohnerparkausweis")).containsExactly("ausweis", "bewohnerpark", "park",
				"bewohner");
		assertThat(this.text.parts("wohnberechtigungsschein")).containsExactly("schein", "wohnberechtigung",
				"berechtigung", "wohn");
		assertThat(this.text.parts("fundburo")).containsExactly("buro", "fund");
		assertThat(this.text.parts("gewerbeanmeldung")).containsExactly("anmeldung", "gewerbe");
		assertThat(this.text.parts("kinderreisepass")).containsExactly("pass", "kinderreise", "reise", "kinder");
	}

	@Test
	void shortHeadsAndWholeWordsAreNotSplit() {
		assertThat(this.text.parts("anmeldung")).isEmpty();
		assertThat(this.text.parts("steuer")).isEmpty();
		assertThat(this.text.parts("pass")).isEmpty();
	}

	@Test
	void slugsComeFromTheGermanName() {
		assertThat(Slugs.of("Wohnsitz anmelden")).isEqualTo("wohnsitz-anmelden");
		assertThat(Slugs.of("Führungszeugnis (erweitert)")).isEqualTo("fuhrungszeugnis-erweitert");
		String longName = "Zulassung für die Beförderung unverpackter Gegenstände gem. ADR/RID/IMDG-Code 4.1.3.8 und mehr";
		assertThat(Slugs.of(longName)).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).matches(Slugs.VALID);
		assertThat(Slugs.of(longName, "99001234000000")).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH)
			.endsWith("-99001234000000")
			.matches(Slugs.VALID);
	}

	@Test
	void leikaKeysNameServicesOrActivities() {
		assertThat(LeikaKeys.isActivity("99102013000000")).isFalse();
		assertThat(LeikaKeys.isActivity("99102013010000")).isTrue();
		assertThat(LeikaKeys.serviceOf("99102013010000")).isEqualTo("99102013000000");
		assertThat(LeikaKeys.isValid("25323525")).isFalse();
	}

	@Test
	void amountsAreReadInGermanAndPlainNotation() {
		assertThat(Amounts.parse("37")).contains(new BigDecimal("37.00"));
		assertThat(Amounts.parse("37,5 €")).contains(new BigDecimal("37.50"));
		assertThat(Amounts.parse("1.234,50")).contains(new BigDecimal("1234.50"));
		assertThat(Amounts.parse("1.234")).contains(new BigDecimal("1234.00"));
		assertThat(Amounts.parse("12.50")).contains(new BigDecimal("12.50"));
		assertThat(Amounts.parse("12,555")).isEmpty();
		assertThat(Amounts.parse("zwölf")).isEmpty();
		assertThat(Amounts.format(new BigDecimal("1234.5"))).isEqualTo("1234,50");
	}

	@Test
	void feesOfOneCellAreReadAndWrittenAlike() {
		List<FeeDetails> fees = FeeText
			.parse("ab 24 Jahren: 37,00 | kostenlos | 12,00–45,00 | Hund: 96,00 je Jahr | 25 bis 250 €")
			.orElseThrow();
		assertThat(fees).extracting(FeeDetails::type)
			.containsExactly(FeeType.FIXED, FeeType.FREE, FeeType.RANGE, FeeType.PER_UNIT, FeeType.RANGE);
		assertThat(fees.get(0).label().de()).isEqualTo("ab 24 Jahren");
		assertThat(fees.get(3).unit().de()).isEqualTo("je Jahr");
		assertThat(fees.get(4).maxAmount()).isEqualByComparingTo("250");
		assertThat(FeeText.format(fees))
			.isEqualTo("ab 24 Jahren: 37,00 | kostenlos | 12,00–45,00 | Hund: 96,00 je Jahr | 25,00–250,00");
		assertThat(FeeText.parse("teuer")).isEmpty();
	}

	@Test
	void openingHoursAreReadFromLinesAndOverlapsRefused() {
		List<OpeningPeriod> periods = OpeningHoursText.parse("Mo 8-12:30, 14:00–18:00\nFreitag 08.00 - 12.00 Uhr",
				"openingHours");
		assertThat(periods).containsExactly(
				new OpeningPeriod(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 30)),
				new OpeningPeriod(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(18, 0)),
				new OpeningPeriod(DayOfWeek.FRIDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)));
		assertThat(OpeningHoursText.format(periods)).isEqualTo("Montag 08:00–12:30, 14:00–18:00\nFreitag 08:00–12:00");
		assertThatThrownBy(() -> OpeningHoursText.parse("Montag 8-12\nMontag 11-13", "openingHours"))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.problems().get(0).messageKey())
				.isEqualTo("catalog.location.openingHours.overlap"));
		assertThatThrownBy(() -> OpeningHoursText.parse("Montag 8-12\nSonnabend 9-12", "openingHours"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.problems().get(0).arguments()).containsExactly(2));
	}

	@Test
	void csvIsReadWithQuotesLineBreaksAndEitherSeparator() {
		List<List<String>> comma = Csv.parse("a,b,c\r\n1,\"x, \"\"y\"\"\nz\",\n");
		assertThat(comma).containsExactly(List.of("a", "b", "c"), List.of("1", "x, \"y\"\nz", ""));
		List<List<String>> semicolon = Csv.parse("\uFEFFa;b\n1,5;2\n");
		assertThat(semicolon).containsExactly(List.of("a", "b"), List.of("1,5", "2"));
		assertThat(Csv.line(List.of("x", "a,b", "say \"hi\""), ',')).isEqualTo("x,\"a,b\",\"say \"\"hi\"\"\"\r\n");
	}

}
