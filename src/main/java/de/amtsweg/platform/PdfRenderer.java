package de.amtsweg.platform;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders documents (receipts, notices) as PDF from Thymeleaf templates under
 * {@code templates/}, with the same message bundles as pages. Templates must be
 * well-formed XHTML (close every element, {@code <br/>
 * }) and use no page links, as there is no request. Embeds DejaVu Sans when the system
 * has it, so that every name prints, not only those in the PDF base fonts. Every document
 * is PDF/A-2b (archivable: fonts embedded, sRGB output intent, XMP metadata with the
 * title of the XHTML's {@code <title>}), so notices keep their look for decades.
 */
@Service
public class PdfRenderer {

	static final String FONT_FAMILY = "DejaVu Sans";

	private static final List<String> FONT_DIRECTORIES = List.of("/usr/share/fonts/truetype/dejavu",
			"/usr/share/fonts/dejavu", "/usr/share/fonts/TTF");

	/** Kept so the setting holds: the renderer logs every step at INFO otherwise. */
	private static final java.util.logging.Logger RENDERER_LOG = quietRendererLog();

	private static final byte[] SRGB_PROFILE = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

	private static final String TRANSFORMER_FACTORY = "javax.xml.transform.TransformerFactory";

	static {
		pinTransformerFactory();
	}

	private final SpringTemplateEngine engine;

	public PdfRenderer(MessageSource messageSource) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.XML);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCacheable(true);
		this.engine = new SpringTemplateEngine();
		this.engine.setTemplateResolver(resolver);
		this.engine.setTemplateEngineMessageSource(messageSource);
	}

	/**
	 * Renders the template (e.g. {@code forms/receipt-pdf}) with the variables as a PDF.
	 */
	public byte[] render(String template, Locale locale, Map<String, Object> variables) {
		String xhtml = this.engine.process(template, new Context(locale, variables));
		return renderXhtml(xhtml);
	}

	/** Renders well-formed XHTML as a PDF. */
	public byte[] renderXhtml(String xhtml) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B);
			builder.useColorProfile(SRGB_PROFILE);
			registerFonts(builder);
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not render a PDF", ex);
		}
	}

	private static void registerFonts(PdfRendererBuilder builder) {
		for (String directory : FONT_DIRECTORIES) {
			File regular = new File(directory, "DejaVuSans.ttf");
			File bold = new File(directory, "DejaVuSans-Bold.ttf");
			if (regular.canRead()) {
				// also under the generic names, so text without a font-family gets it too
				for (String family : List.of(FONT_FAMILY, "serif", "sans-serif")) {
					builder.useFont(regular, family, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
					if (bold.canRead()) {
						builder.useFont(bold, family, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
					}
				}
				return;
			}
		}
	}

	/**
	 * The XMP metadata of every PDF/A is written by xmpbox's {@code XmpSerializer}, which
	 * calls {@code TransformerFactory.newInstance()} per document; without the system
	 * property that is a service look-up through every jar of the class path, which the
	 * JDK does not cache: about a quarter of the CPU time of rendering a receipt
	 * (bench/forms/README.md). Naming the provider that the look-up finds keeps the same
	 * provider for everyone and skips the scan. A provider set by the operator stands.
	 */
	private static void pinTransformerFactory() {
		if (System.getProperty(TRANSFORMER_FACTORY) == null) {
			Class<?> provider = javax.xml.transform.TransformerFactory.newInstance().getClass();
			// only a provider every class loader sees: the JDK's own or one on the
			// application class path, never one of a nested loader
			if (provider.getClassLoader() == null || provider.getClassLoader() == ClassLoader.getSystemClassLoader()) {
				System.setProperty(TRANSFORMER_FACTORY, provider.getName());
			}
		}
	}

	private static java.util.logging.Logger quietRendererLog() {
		for (String name : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
			com.openhtmltopdf.util.XRLog.setLevel(name, java.util.logging.Level.WARNING);
		}
		java.util.logging.Logger logger = java.util.logging.Logger.getLogger("com.openhtmltopdf");
		logger.setLevel(java.util.logging.Level.WARNING);
		return logger;
	}

	/** What templates put first in their font-family list. */
	public static String fontFamily() {
		return FONT_FAMILY;
	}

}
