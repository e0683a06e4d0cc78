package de.amtsweg.platform;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import io.nayuki.qrcodegen.QrCode;

/**
 * QR codes, as SVG for pages and PNG for mails: appointment check-in codes, the link to a
 * call-system ticket on the phone.
 */
public final class QrCodes {

	private static final int BORDER = 4;

	private QrCodes() {
	}

	public static String svg(String text) {
		QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
		int size = qr.size + BORDER * 2;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < qr.size; y++) {
			for (int x = 0; x < qr.size; x++) {
				if (qr.getModule(x, y)) {
					path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
				}
			}
		}
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + size + " " + size
				+ "\" shape-rendering=\"crispEdges\">\n<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n"
				+ "<path d=\"" + path + "\" fill=\"#000000\"/>\n</svg>\n";
	}

	public static byte[] png(String text, int scale) {
		QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
		int size = (qr.size + BORDER * 2) * scale;
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				boolean dark = qr.getModule(x / scale - BORDER, y / scale - BORDER);
				image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
			}
		}
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
