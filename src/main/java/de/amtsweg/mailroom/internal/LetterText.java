package de.amtsweg.mailroom.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;

/**
 * The text of an incoming item: a PDF page's text layer where it has one, else OCR of the
 * page rendered at 300 dpi; an image is recognised as a whole. Pages that had to be
 * recognised get the text as an invisible layer (as scanners make "searchable PDFs"), and
 * an image is wrapped into such a PDF, so the document filed in the e-file is found by
 * the e-file's own full-text search.
 */
class LetterText {

	/** A page with fewer letters in its text layer counts as a scan. */
	static final int MIN_PAGE_LETTERS = 20;

	static final int DPI = 300;

	private final TextRecognition recognition;

	private final int maxPages;

	LetterText(TextRecognition recognition, int maxPages) {
		this.recognition = recognition;
		this.maxPages = maxPages;
	}

	/**
	 * Reads the item.
	 * @throws TextRecognition.UnavailableException when a page needs OCR and none is
	 * installed
	 */
	Result read(byte[] content, String contentType) throws IOException {
		if ("application/pdf".equals(contentType)) {
			return readPdf(content);
		}
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
		if (image == null) {
			throw new IOException("unreadable image");
		}
		String text = this.recognition.recognise(image);
		return new Result(text.strip(), "OCR", imagePdf(image, text));
	}

	private Result readPdf(byte[] content) throws IOException {
		try (PDDocument document = Loader.loadPDF(content)) {
			PDFTextStripper stripper = new PDFTextStripper();
			PDFRenderer renderer = new PDFRenderer(document);
			List<String> pages = new ArrayList<>();
			boolean recognised = false;
			int count = Math.min(document.getNumberOfPages(), this.maxPages);
			for (int i = 0; i < count; i++) {
				stripper.setStartPage(i + 1);
				stripper.setEndPage(i + 1);
				String layer = stripper.getText(document);
				if (layer.chars().filter(Character::isLetter).count() >= MIN_PAGE_LETTERS) {
					pages.add(layer);
					continue;
				}
				BufferedImage image = renderer.renderImageWithDPI(i, DPI, ImageType.GRAY);
				String text = this.recognition.recognise(image);
				pages.add(text);
				addInvisibleText(document, document.getPage(i), text);
				recognised = true;
			}
			String text = String.join("\n", pages).strip();
			if (!recognised) {
				return new Result(text, "TEXT", null);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return new Result(text, "OCR", out.toByteArray());
		}
	}

	private static byte[] imagePdf(BufferedImage image, String text) throws IOException {
		try (PDDocument document = new PDDocument()) {
			// 300 dpi is what the scanners of a mail room deliver; a page of the image's
			// size at that resolution
			float width = image.getWidth() * 72f / DPI;
			float height = image.getHeight() * 72f / DPI;
			PDPage page = new PDPage(new PDRectangle(width, height));
			document.addPage(page);
			PDImageXObject picture = LosslessFactory.createFromImage(document, image);
			try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
				stream.drawImage(picture, 0, 0, width, height);
			}
			addInvisibleText(document, page, text);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	private static void addInvisibleText(PDDocument document, PDPage page, String text) throws IOException {
		PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
		PDRectangle box = page.getMediaBox();
		try (PDPageContentStream stream = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND,
				true, true)) {
			stream.beginText();
			stream.setRenderingMode(RenderingMode.NEITHER);
			stream.setFont(font, 8);
			stream.setLeading(9);
			stream.newLineAtOffset(box.getLowerLeftX() + 10, box.getUpperRightY() - 20);
			for (String line : text.split("\\R")) {
				String encodable = encodable(font, line.strip());
				if (!encodable.isEmpty()) {
					stream.showText(encodable);
				}
				stream.newLine();
			}
			stream.endText();
		}
	}

	/** The characters WinAnsi (Helvetica) can show, others as spaces. */
	private static String encodable(PDType1Font font, String line) {
		StringBuilder result = new StringBuilder(line.length());
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			String single = String.valueOf(c);
			try {
				font.encode(single);
				result.append(c);
			}
			catch (IOException | IllegalArgumentException ex) {
				result.append(' ');
			}
		}
		return result.toString();
	}

	/**
	 * @param text the text, pages separated by new lines
	 * @param recognition {@code TEXT} or {@code OCR}
	 * @param searchablePdf the PDF to file when pages were recognised (with the text as
	 * an invisible layer), null to file the original
	 */
	record Result(String text, String recognition, byte @Nullable [] searchablePdf) {
	}

}
