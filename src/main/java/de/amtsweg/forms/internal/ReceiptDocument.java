package de.amtsweg.forms.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.PdfRenderer;
import de.amtsweg.platform.PdfSigner;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The receipt of a submission as a PDF with all answers, signed by the municipality. */
@Component
public class ReceiptDocument {

	private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm")
		.withZone(ZoneId.of("Europe/Berlin"));

	private final PdfRenderer renderer;

	private final PdfSigner signer;

	private final FormDefinitions definitions;

	private final MessageSource messages;

	ReceiptDocument(PdfRenderer renderer, PdfSigner signer, FormDefinitions definitions, MessageSource messages) {
		this.renderer = renderer;
		this.signer = signer;
		this.definitions = definitions;
		this.messages = messages;
	}

	public byte[] pdf(Submission submission, Municipality municipality, Locale locale,
			Function<String, String> fileNames) {
		FormVersion version = this.definitions.version(submission.formVersionId()).orElseThrow();
		FormEngine engine = new FormEngine(this.definitions.completed(version),
				submission.submittedAt().atZone(ZoneId.of("Europe/Berlin")).toLocalDate());
		AnswerDisplay display = new AnswerDisplay(engine, this.messages, locale, fileNames);
		Map<String, Object> variables = new HashMap<>();
		variables.put("language", locale.getLanguage());
		variables.put("submission", submission);
		variables.put("formTitle", version.definition().title().in(locale));
		variables.put("formVersion", version.key() + " v" + version.version());
		variables.put("received", RECEIVED.format(submission.submittedAt()));
		variables.put("municipalityLine", municipality.name() + " · " + municipality.address().street() + " · "
				+ municipality.address().postcode() + " " + municipality.address().city());
		variables.put("sections", display.sections(submission.answers()));
		variables.put("computed", display.computed(submission.computed()));
		byte[] pdf = this.renderer.render("forms/receipt-pdf", locale, variables);
		return this.signer.sign(pdf, municipality.id(), "Eingangsbestätigung " + submission.reference());
	}

}
