package de.amtsweg.postbox.internal;

import java.util.List;

import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.postbox.NewAttachment;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Whether files may be attached: how many, how large, and of which type their first bytes
 * show (never their name or what the sender claims). The same rule as the forms module's
 * upload check, which is not part of that module's API.
 */
@Component
public class AttachmentCheck {

	private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final byte[] JPEG = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };

	static final String FIELD = "attachments";

	private final PostboxProperties properties;

	AttachmentCheck(PostboxProperties properties) {
		this.properties = properties;
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
		String type = sniff(attachment.content());
		if (type == null) {
			throw InvalidInputException.of(FIELD, "postbox.error.attachment.type", name);
		}
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

	private static @Nullable String sniff(byte[] content) {
		if (startsWith(content, PDF)) {
			return "application/pdf";
		}
		if (startsWith(content, PNG)) {
			return "image/png";
		}
		if (startsWith(content, JPEG)) {
			return "image/jpeg";
		}
		return null;
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
