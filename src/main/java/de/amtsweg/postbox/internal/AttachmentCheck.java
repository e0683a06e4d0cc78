package de.amtsweg.postbox.internal;

import java.util.List;

import de.amtsweg.platform.ContentTypes;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.VirusCheck;
import de.amtsweg.postbox.NewAttachment;

import org.springframework.stereotype.Component;

/**
 * Whether files may be attached: how many, how large, and of which type their first bytes
 * show ({@link ContentTypes}, never their name or what the sender claims), and clean
 * ({@link VirusCheck}).
 */
@Component
public class AttachmentCheck {

	static final String FIELD = "attachments";

	private final PostboxProperties properties;

	private final VirusCheck virusCheck;

	AttachmentCheck(PostboxProperties properties, VirusCheck virusCheck) {
		this.properties = properties;
		this.virusCheck = virusCheck;
	}

	/**
	 * The detected media type of each file, in order.
	 * @throws InvalidInputException naming the first refused file
	 */
	public List<String> check(List<NewAttachment> attachments) {
		if (attachments.size() > this.properties.maxAttachmentsPerMessage()) {
			throw InvalidInputException.of(FIELD, "postbox.error.attachments.tooMany",
					this.properties.maxAttachmentsPerMessage());
		}
		return attachments.stream().map(this::check).toList();
	}

	private String check(NewAttachment attachment) {
		String name = attachment.fileName();
		if (attachment.content().length == 0) {
			throw InvalidInputException.of(FIELD, "postbox.error.attachment.empty", name);
		}
		if (attachment.content().length > this.properties.maxAttachmentSizeKb() * 1024L) {
			throw InvalidInputException.of(FIELD, "postbox.error.attachment.tooLarge", name,
					Math.max(1, Math.round(this.properties.maxAttachmentSizeKb() / 1024.0)));
		}
		String type = ContentTypes.detectAllowed(attachment.content(), ContentTypes.PDF_PNG_JPEG);
		if (type == null) {
			throw InvalidInputException.of(FIELD, "postbox.error.attachment.type", name);
		}
		this.virusCheck.requireClean(FIELD, name, attachment.content(), "postbox", null);
		return type;
	}

	static String safeName(String fileName) {
		String base = fileName.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (base.isEmpty()) {
			base = "datei";
		}
		return (base.length() > 255) ? base.substring(base.length() - 255) : base;
	}

}
