package de.amtsweg.documents.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

import de.amtsweg.documents.DocumentVersion;
import de.amtsweg.documents.DocumentVersionAdded;
import de.amtsweg.platform.BlobStore;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Extracts the text of every new version with Apache Tika (PDF, Word, OpenDocument, plain
 * text) after the upload's transaction, so an upload never waits for it; the database
 * indexes the text with the German configuration. A file Tika cannot read is indexed with
 * no text (and logged), which ends the retries.
 */
@Component
class TextExtraction {

	private static final Logger LOG = LoggerFactory.getLogger(TextExtraction.class);

	/** Enough for long documents; the rest of a huge one is not searchable. */
	static final int MAX_CHARACTERS = 1_000_000;

	private final DocumentRepository repository;

	private final BlobStore blobs;

	private final Clock clock;

	private final AutoDetectParser parser = new AutoDetectParser();

	TextExtraction(DocumentRepository repository, BlobStore blobs, Clock clock) {
		this.repository = repository;
		this.blobs = blobs;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void versionAdded(DocumentVersionAdded event) {
		DocumentVersion version = this.repository.version(event.versionId()).orElse(null);
		if (version == null) {
			return;
		}
		String text = text(this.blobs.get(version.blob()), version.fileName());
		this.repository.setContent(version.id(), text, this.clock.instant());
	}

	String text(byte[] content, String fileName) {
		BodyContentHandler handler = new BodyContentHandler(MAX_CHARACTERS);
		Metadata metadata = new Metadata();
		metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
		try (InputStream in = new ByteArrayInputStream(content)) {
			this.parser.parse(in, handler, metadata, new ParseContext());
		}
		catch (SAXException ex) {
			// the handler stops at the limit: keep what was read
			LOG.info("Text of {} cut at {} characters", fileName, MAX_CHARACTERS);
		}
		catch (IOException | TikaException | RuntimeException ex) {
			LOG.warn("No text from {}: {}", fileName, ex.toString());
			return "";
		}
		// PostgreSQL text cannot hold NUL characters
		return handler.toString().replace('\u0000', ' ').strip();
	}

}
