package de.amtsweg.mailroom.internal;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LetterReaderTests {

	private static final String LETTER = """
			Erika Mustermann · Heidestraße 17 · 31999 Musterstadt

			Stadt Musterstadt
			Bürgerbüro
			Rathausplatz 1
			31999 Musterstadt

			                                              Musterstadt, 20.11.2026

			Betreff: Nachreichung von Unterlagen zu VG-2026-000042

			Sehr geehrte Damen und Herren,
			anbei die fehlende Kopie meines Personalausweises.
			""";

	@Test
	void readsCaseAndSubmissionReferences() {
		assertThat(LetterReader.references("Ihr Zeichen VG-2026-000042, Antrag MUS-2026-000007."))
			.containsExactly("VG-2026-000042", "MUS-2026-000007");
	}

	@Test
	void toleratesSpacesAroundHyphensAndLettersReadForDigits() {
		assertThat(LetterReader.references("Aktenzeichen: VG - 2026 – 0O0l42")).containsExactly("VG-2026-000142");
		assertThat(LetterReader.references("VG-2O26-000042")).containsExactly("VG-2026-000042");
	}

	@Test
	void ignoresNumbersThatOnlyLookLikeReferences() {
		assertThat(LetterReader.references("VG-2026-00004")).isEmpty();
		assertThat(LetterReader.references("VG-2026-0000421")).isEmpty();
		assertThat(LetterReader.references("vg-2026-000042 XVGA-2026-000042 VG-1999-000042")).isEmpty();
		assertThat(LetterReader.references("VG-2026-OOOOAB")).isEmpty();
	}

	@Test
	void sameReferenceTwiceCountsOnce() {
		assertThat(LetterReader.references("VG-2026-000042 und nochmals VG-2026-000042"))
			.containsExactly("VG-2026-000042");
	}

	@Test
	void readsKassenzeichenOnlyWithAValidCheck() {
		// 34990 0000123 + check digits: the whole number mod 97 is 1
		String base = "349900000123";
		String valid = null;
		for (int check = 0; check < 100; check++) {
			String candidate = base + String.format("%02d", check);
			if (new java.math.BigInteger(candidate).mod(java.math.BigInteger.valueOf(97)).intValue() == 1) {
				valid = candidate;
			}
		}
		assertThat(LetterReader.paymentReference("Kassenzeichen: " + valid.substring(0, 6) + " " + valid.substring(6)))
			.isEqualTo(valid);
		String wrong = valid.substring(0, valid.length() - 1) + ((valid.charAt(valid.length() - 1) == '0') ? '1' : '0');
		assertThat(LetterReader.paymentReference("Kassenzeichen " + wrong)).isNull();
		assertThat(LetterReader.paymentReference("Telefon 0511 1234567")).isNull();
	}

	@Test
	void subjectIsTheBetreffLine() {
		assertThat(LetterReader.subject(LETTER)).isEqualTo("Nachreichung von Unterlagen zu VG-2026-000042");
		assertThat(LetterReader.subject("Betr.: Widerspruch")).isEqualTo("Widerspruch");
	}

	@Test
	void withoutBetreffTheSubjectIsTheFirstSubstantialLine() {
		String text = """
				Max Beispiel
				Lindenweg 3, 31998 Beispielheim
				12.11.2026
				Sehr geehrte Damen und Herren,
				ich beantrage eine Sondernutzung für einen Container.
				""";
		assertThat(LetterReader.subject(text)).isEqualTo("ich beantrage eine Sondernutzung für einen Container.");
	}

	@Test
	void senderIsTheReturnAddressLine() {
		assertThat(LetterReader.sender(LETTER)).isEqualTo("Erika Mustermann");
		assertThat(LetterReader.sender("Hans Meier, Am Markt 2, 31999 Musterstadt\nStadt Musterstadt"))
			.isEqualTo("Hans Meier");
	}

	@Test
	void senderFallsBackToTheLetterheadOrALabel() {
		assertThat(LetterReader.sender("Finanzamt Musterstadt\nPostfach 12\n31999 Musterstadt"))
			.isEqualTo("Finanzamt Musterstadt");
		assertThat(LetterReader.sender("Ein Schreiben\nAbsender: Bauunternehmen Stein GmbH"))
			.isEqualTo("Bauunternehmen Stein GmbH");
	}

	@Test
	void emptyTextReadsNothing() {
		LetterReader.Reading reading = LetterReader.read("");
		assertThat(reading.references()).isEmpty();
		assertThat(reading.subject()).isNull();
		assertThat(reading.sender()).isNull();
		assertThat(reading.paymentReference()).isNull();
	}

	@Test
	void rulesMatchKeywordsAndSenderIgnoringCase() {
		UUID id = UUID.randomUUID();
		MailRule building = new MailRule(id, id, 1, "Baugenehmigung, bauantrag", "", id);
		assertThat(building.matches("Mein BAUANTRAG", "", null)).isTrue();
		assertThat(building.matches("Hund", "Text zur Baugenehmigung", null)).isTrue();
		assertThat(building.matches("Hund", "Steuer", null)).isFalse();
		MailRule tax = new MailRule(id, id, 2, "", "finanzamt", id);
		assertThat(tax.matches("x", "y", "Finanzamt Musterstadt")).isTrue();
		assertThat(tax.matches("x", "y", null)).isFalse();
		MailRule both = new MailRule(id, id, 3, "Grundsteuer", "Finanzamt", id);
		assertThat(both.matches("Grundsteuer", "", "Erika")).isFalse();
		assertThat(both.keywordList()).isEqualTo(List.of("grundsteuer"));
	}

}
