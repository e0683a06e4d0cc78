package de.amtsweg.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;

import org.apache.tika.Tika;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * What an uploaded file is, read from its bytes (Tika's magic numbers), never from what
 * the browser or the sender claims. The one detection of every upload path.
 */
public final class ContentTypes {

	public static final String PDF = "application/pdf";

	public static final String PNG = "image/png";

	public static final String JPEG = "image/jpeg";

	public static final String TIFF = "image/tiff";

	public static final String UNKNOWN = "application/octet-stream";

	/** What citizens may upload: PDF, PNG and JPEG. */
	public static final Set<String> PDF_PNG_JPEG = Set.of(PDF, PNG, JPEG);

	private static final Tika TIKA = new Tika();

	private ContentTypes() {
	}

	/** The media type the bytes show; {@link #UNKNOWN} if they show none. */
	public static String detect(byte[] content) {
		return detect(content, null);
	}

	/**
	 * The media type the bytes show. The name only refines a container the bytes leave
	 * open (a zip that is a Word document); it never turns bytes into another type.
	 */
	public static String detect(byte[] content, @Nullable String fileName) {
		Metadata metadata = new Metadata();
		if (fileName != null && !fileName.isBlank()) {
			metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
		}
		try {
			return TIKA.detect(new ByteArrayInputStream(content), metadata);
		}
		catch (IOException ex) {
			return UNKNOWN;
		}
	}

	/** The detected type if it is one of the allowed, else null. */
	public static @Nullable String detectAllowed(byte[] content, Set<String> allowed) {
		String type = detect(content);
		return allowed.contains(type) ? type : null;
	}

}
