package de.amtsweg.mailroom;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * Letters as the mail room receives them: PDFs with a text layer, scans as images, scans
 * as PDFs.
 */
final class Letters {

	private Letters() {
	}

	/** A letter of the lines as a PDF with a text layer (as a fax server delivers it). */
	static byte[] textPdf(List<String> lines) {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
				stream.beginText();
				stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
				stream.setLeading(16);
				stream.newLineAtOffset(70, 770);
				for (String line : lines) {
					stream.showText(line);
					stream.newLine();
				}
				stream.endText();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A letter of the lines drawn with Java2D, as a scanner at about 200 dpi would see
	 * it.
	 */
	static BufferedImage scan(List<String> lines) {
		BufferedImage image = new BufferedImage(1654, 1400, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 34));
		int y = 140;
		for (String line : lines) {
			g.drawString(line, 130, y);
			y += 60;
		}
		g.dispose();
		return image;
	}

	static byte[] png(BufferedImage image) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The scan as a PDF page holding only the image: no text layer. */
	static byte[] scannedPdf(BufferedImage image) {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			var picture = LosslessFactory.createFromImage(document, image);
			float width = PDRectangle.A4.getWidth();
			float height = width * image.getHeight() / image.getWidth();
			try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
				stream.drawImage(picture, 0, PDRectangle.A4.getHeight() - height, width, height);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
