package de.amtsweg.documents.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.cases.Cases;
import de.amtsweg.documents.DocumentFile;
import de.amtsweg.documents.DocumentVersion;
import de.amtsweg.documents.FiledDocument;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.BlobStore;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.PdfRenderer;
import de.amtsweg.platform.PdfSigner;
import de.amtsweg.platform.Sha256;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A whole file as one archivable PDF (PDF/A-2b, signed with the municipality's
 * certificate) plus a manifest, delivered together as a zip: a cover page with the file's
 * particulars and a table of contents, then the current version of every document. PDFs
 * that already are PDF/A with an RGB output intent keep their pages (text stays text);
 * other PDFs, whose fonts or colours may break the archive format, are rendered page by
 * page as images; images become pages; Office and text documents print their extracted
 * text; anything else gets a page naming it with its SHA-256. The manifest (JSON and XML)
 * lists every document with version, SHA-256, how it was converted and its pages in the
 * PDF.
 * <p>
 * A zip rather than the manifest embedded in the PDF: PDF/A-2 admits only PDF/A files as
 * attachments, so an embedded JSON/XML manifest would need PDF/A-3, which archives accept
 * less widely than PDF/A-2b; the manifest names the PDF's own SHA-256, the PDF keeps a
 * plain PAdES signature, and the retention export already delivers files as a zip with a
 * manifest.
 */
@Service
public class FileExport {

	/** Resolution of PDF pages rendered as images: readable print, bounded size. */
	private static final float IMAGE_DPI = 150;

	/** The printed text of one document; the full text stays in the original. */
	private static final int MAX_TEXT_CHARACTERS = 200_000;

	/** Usable area of an A4 page with 15 mm margins. */
	private static final double PAGE_WIDTH_MM = 180;

	private static final double PAGE_HEIGHT_MM = 262;

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final DateTimeFormatter GERMAN_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm")
		.withZone(BERLIN);

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final DocumentStore store;

	private final DocumentRepository repository;

	private final FilePlan plan;

	private final BlobStore blobs;

	private final OrgUnits orgUnits;

	private final Cases cases;

	private final PdfRenderer renderer;

	private final PdfSigner signer;

	private final TextExtraction extraction;

	private final AuditLog auditLog;

	private final Clock clock;

	FileExport(DocumentStore store, DocumentRepository repository, FilePlan plan, BlobStore blobs, OrgUnits orgUnits,
			Cases cases, PdfRenderer renderer, PdfSigner signer, TextExtraction extraction, AuditLog auditLog,
			Clock clock) {
		this.store = store;
		this.repository = repository;
		this.plan = plan;
		this.blobs = blobs;
		this.orgUnits = orgUnits;
		this.cases = cases;
		this.renderer = renderer;
		this.signer = signer;
		this.extraction = extraction;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * The file as a zip of the signed PDF/A and its manifest, for a member who sees the
	 * file (else 404).
	 */
	@Transactional
	public Export export(StaffPrincipal staff, UUID fileId) {
		DocumentFile file = this.store.visibleFile(staff, fileId);
		Instant now = this.clock.instant();
		String caseReference = (file.caseId() != null)
				? this.cases.byId(file.caseId()).map(Cases.CaseSummary::reference).orElse(null) : null;
		String subject = (file.subjectId() != null) ? this.plan.label(file.subjectId()) : null;
		String orgUnit = this.orgUnits.get(file.municipalityId(), file.orgUnitId()).name();

		List<Part> parts = new ArrayList<>();
		for (FiledDocument document : this.repository.documentsOf(fileId)) {
			DocumentVersion version = this.repository.versionsOf(document.id())
				.stream()
				.filter((candidate) -> candidate.version() == document.currentVersion())
				.findFirst()
				.orElseThrow();
			parts.add(part(document, version, this.blobs.get(version.blob())));
		}

		Map<String, Object> variables = new HashMap<>();
		variables.put("file", file);
		variables.put("orgUnit", orgUnit);
		variables.put("subject", subject);
		variables.put("caseReference", caseReference);
		variables.put("exportedAt", GERMAN_TIME.format(now));
		variables.put("exportedBy", staff.displayName());
		// The cover's own length decides where the documents start: render until it
		// holds.
		int coverPages = 1;
		byte[] cover;
		while (true) {
			variables.put("entries", entries(parts, coverPages));
			cover = this.renderer.render("documents/export-cover-pdf", Locale.GERMAN, variables);
			int pages = pageCount(cover);
			if (pages == coverPages) {
				break;
			}
			coverPages = pages;
		}
		byte[] pdf = this.signer.sign(assemble(cover, coverPages, parts), file.municipalityId(),
				"Aktenexport " + file.title());
		String name = "akte-" + slug((caseReference != null) ? caseReference : file.title());
		byte[] zip = zip(name, pdf,
				manifest(file, orgUnit, subject, caseReference, now, staff, name + ".pdf", pdf, parts, coverPages));
		this.auditLog.record("document-file.exported-pdf", DocumentStore.FILE, fileId.toString(), file.municipalityId(),
				parts.size() + " documents, " + sha256(pdf));
		return new Export(name + ".zip", zip);
	}

	private Part part(FiledDocument document, DocumentVersion version, byte[] content) {
		String type = version.contentType().toLowerCase(Locale.ROOT);
		if (type.equals("application/pdf") || version.fileName().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
			Part pdf = pdfPart(document, version, content);
			if (pdf != null) {
				return pdf;
			}
		}
		else if (type.startsWith("image/")) {
			BufferedImage image = readImage(content);
			if (image != null) {
				return rendered(document, version, Conversion.IMAGE, Map.of("images", List.of(pageImage(image))));
			}
		}
		else if (isText(type, version.fileName())) {
			String text = this.extraction.text(content, version.fileName());
			if (!text.isBlank()) {
				boolean cut = text.length() > MAX_TEXT_CHARACTERS;
				return rendered(document, version, Conversion.TEXT,
						Map.of("text", cut ? text.substring(0, MAX_TEXT_CHARACTERS) : text, "cut", cut));
			}
		}
		return rendered(document, version, Conversion.PLACEHOLDER, Map.of());
	}

	/**
	 * The pages of a PDF: kept when they are archivable, else as images; null if
	 * unreadable.
	 */
	private @Nullable Part pdfPart(FiledDocument document, DocumentVersion version, byte[] content) {
		try (PDDocument source = Loader.loadPDF(content)) {
			if (source.isEncrypted() || source.getNumberOfPages() == 0) {
				return null;
			}
			if (isPdfAWithRgbIntent(source)) {
				return new Part(document, version, Conversion.PDF_PAGES, content, source.getNumberOfPages());
			}
			PDFRenderer pages = new PDFRenderer(source);
			List<PageImage> images = new ArrayList<>();
			for (int i = 0; i < source.getNumberOfPages(); i++) {
				images.add(pageImage(pages.renderImageWithDPI(i, IMAGE_DPI, ImageType.RGB)));
			}
			return rendered(document, version, Conversion.PDF_PAGES_AS_IMAGES, Map.of("images", images));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private Part rendered(FiledDocument document, DocumentVersion version, Conversion conversion,
			Map<String, Object> content) {
		Map<String, Object> variables = new HashMap<>(content);
		variables.put("document", document);
		variables.put("version", version);
		variables.put("conversion", conversion.name());
		variables.put("date", GERMAN_DATE.format(document.documentDate()));
		byte[] pdf = this.renderer.render("documents/export-part-pdf", Locale.GERMAN, variables);
		return new Part(document, version, conversion, pdf, pageCount(pdf));
	}

	private List<Entry> entries(List<Part> parts, int coverPages) {
		List<Entry> entries = new ArrayList<>();
		int next = coverPages + 1;
		for (Part part : parts) {
			entries.add(new Entry(part.document().title(), part.document().type(), part.version().version(),
					GERMAN_DATE.format(part.document().documentDate()), part.conversion().name(), next,
					next + part.pages() - 1));
			next += part.pages();
		}
		return entries;
	}

	/** The cover (with the archive format's metadata) followed by every part's pages. */
	private byte[] assemble(byte[] cover, int coverPages, List<Part> parts) {
		List<PDDocument> sources = new ArrayList<>();
		try (PDDocument target = Loader.loadPDF(cover)) {
			PDDocumentOutline outline = new PDDocumentOutline();
			int first = coverPages;
			for (Part part : parts) {
				PDDocument source = Loader.loadPDF(part.pdf());
				sources.add(source);
				for (PDPage page : source.getPages()) {
					PDPage imported = target.importPage(page);
					// Signature widgets and links of the source belong to its form and
					// structure, not to the export.
					imported.getCOSObject().removeItem(COSName.ANNOTS);
					imported.getCOSObject().removeItem(COSName.STRUCT_PARENTS);
				}
				PDOutlineItem item = new PDOutlineItem();
				item.setTitle(part.document().title());
				PDPageFitDestination destination = new PDPageFitDestination();
				destination.setPage(target.getPage(first));
				item.setDestination(destination);
				outline.addLast(item);
				first += part.pages();
			}
			target.getDocumentCatalog().setDocumentOutline(outline);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			target.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not assemble the file's PDF", ex);
		}
		finally {
			for (PDDocument source : sources) {
				try {
					source.close();
				}
				catch (IOException ex) {
					// nothing left to do with it
				}
			}
		}
	}

	private Map<String, Object> manifest(DocumentFile file, String orgUnit, @Nullable String subject,
			@Nullable String caseReference, Instant now, StaffPrincipal staff, String pdfName, byte[] pdf,
			List<Part> parts, int coverPages) {
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("format", "amtsweg-file-pdf-export/1");
		manifest.put("exportedAt", now.toString());
		manifest.put("exportedBy", staff.displayName());
		Map<String, Object> fileEntry = new LinkedHashMap<>();
		fileEntry.put("id", file.id().toString());
		fileEntry.put("title", file.title());
		fileEntry.put("orgUnit", orgUnit);
		fileEntry.put("subject", (subject != null) ? subject : "");
		fileEntry.put("caseReference", (caseReference != null) ? caseReference : "");
		fileEntry.put("createdAt", file.createdAt().toString());
		manifest.put("file", fileEntry);
		Map<String, Object> pdfEntry = new LinkedHashMap<>();
		pdfEntry.put("name", pdfName);
		pdfEntry.put("sha256", sha256(pdf));
		pdfEntry.put("conformance", "PDF/A-2b");
		pdfEntry.put("pages", coverPages + parts.stream().mapToInt(Part::pages).sum());
		pdfEntry.put("coverPages", coverPages);
		manifest.put("pdf", pdfEntry);
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Entry entry : entries(parts, coverPages)) {
			Part part = parts.get(documents.size());
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("id", part.document().id().toString());
			document.put("title", part.document().title());
			document.put("type", part.document().type());
			document.put("correspondent", part.document().correspondent());
			document.put("date", part.document().documentDate().toString());
			document.put("version", part.version().version());
			document.put("fileName", part.version().fileName());
			document.put("contentType", part.version().contentType());
			document.put("size", part.version().size());
			document.put("sha256", part.version().blob());
			document.put("conversion", part.conversion().name());
			document.put("firstPage", entry.firstPage());
			document.put("lastPage", entry.lastPage());
			documents.add(document);
		}
		manifest.put("documents", documents);
		return manifest;
	}

	private static byte[] zip(String name, byte[] pdf, Map<String, Object> manifest) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(name + ".pdf"));
			zip.write(pdf);
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("manifest.json"));
			zip.write(JSON.writeValueAsBytes(manifest));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("manifest.xml"));
			zip.write(xml(manifest));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * The same manifest as XML: maps become elements, lists repeat their item element.
	 */
	static byte[] xml(Map<String, Object> manifest) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			writeElement(xml, "fileExport", manifest);
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	private static void writeElement(XMLStreamWriter xml, String name, @Nullable Object value)
			throws XMLStreamException {
		xml.writeStartElement(name);
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				writeElement(xml, entry.getKey().toString(), entry.getValue());
			}
		}
		else if (value instanceof List<?> list) {
			for (Object item : list) {
				writeElement(xml, name.endsWith("s") ? name.substring(0, name.length() - 1) : "item", item);
			}
		}
		else if (value != null) {
			xml.writeCharacters(value.toString());
		}
		xml.writeEndElement();
	}

	private static boolean isPdfAWithRgbIntent(PDDocument document) throws IOException {
		PDMetadata metadata = document.getDocumentCatalog().getMetadata();
		if (metadata == null) {
			return false;
		}
		String xmp = new String(metadata.toByteArray(), StandardCharsets.UTF_8);
		if (!xmp.contains("pdfaid:part")) {
			return false;
		}
		List<PDOutputIntent> intents = document.getDocumentCatalog().getOutputIntents();
		return !intents.isEmpty() && intents.stream().allMatch((intent) -> {
			org.apache.pdfbox.cos.COSStream profile = intent.getCOSObject().getCOSStream(COSName.DEST_OUTPUT_PROFILE);
			return profile != null && profile.getInt(COSName.N) == 3;
		});
	}

	private static boolean isText(String type, String fileName) {
		String name = fileName.toLowerCase(Locale.ROOT);
		return type.startsWith("text/") || type.contains("officedocument") || type.contains("opendocument")
				|| type.equals("application/msword") || type.equals("application/rtf")
				|| name.matches(".*\\.(txt|csv|docx?|odt|rtf|xlsx?|ods|pptx?|odp)$");
	}

	private static @Nullable BufferedImage readImage(byte[] content) {
		try {
			return ImageIO.read(new ByteArrayInputStream(content));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * An opaque RGB PNG (no transparency, no other colour spaces: the archive format's
	 * colour profile is sRGB), sized to fit the page.
	 */
	private static PageImage pageImage(BufferedImage image) {
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = rgb.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
		graphics.drawImage(image, 0, 0, null);
		graphics.dispose();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(rgb, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		double scale = Math.min(PAGE_WIDTH_MM / rgb.getWidth(), PAGE_HEIGHT_MM / rgb.getHeight());
		return new PageImage("data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()),
				"width: %.1fmm; height: %.1fmm".formatted(rgb.getWidth() * scale, rgb.getHeight() * scale)
					.replace(',', '.'));
	}

	private static String sha256(byte[] content) {
		return Sha256.hex(content);
	}

	private static int pageCount(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String slug(String text) {
		String slug = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^A-Za-z0-9]+", "-")
			.replaceAll("(^-+|-+$)", "")
			.toLowerCase(Locale.ROOT);
		return slug.isEmpty() ? "export" : (slug.length() > 60) ? slug.substring(0, 60) : slug;
	}

	/** How a document became pages of the export. */
	enum Conversion {

		/** An archivable PDF: its own pages. */
		PDF_PAGES,
		/** Another PDF: its pages as images. */
		PDF_PAGES_AS_IMAGES,
		/** An image as a page. */
		IMAGE,
		/** The extracted text, printed. */
		TEXT,
		/** A page naming the document and its SHA-256. */
		PLACEHOLDER

	}

	/**
	 * A document's pages as a PDF/A of their own.
	 *
	 * @param document the document
	 * @param version its current version
	 * @param conversion how it became pages
	 * @param pdf the pages
	 * @param pages how many
	 */
	record Part(FiledDocument document, DocumentVersion version, Conversion conversion, byte[] pdf, int pages) {
	}

	/**
	 * A line of the table of contents.
	 *
	 * @param title the document's title
	 * @param type its type key
	 * @param version its version
	 * @param date its date
	 * @param conversion how it became pages
	 * @param firstPage its first page in the export
	 * @param lastPage its last page
	 */
	public record Entry(String title, String type, int version, String date, String conversion, int firstPage,
			int lastPage) {
	}

	/**
	 * An image on a page.
	 *
	 * @param source a data URI
	 * @param style its size on the page
	 */
	public record PageImage(String source, String style) {
	}

	/**
	 * The zip to send.
	 *
	 * @param fileName its name
	 * @param content its bytes
	 */
	public record Export(String fileName, byte[] content) {
	}

}
