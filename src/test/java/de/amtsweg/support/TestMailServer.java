package de.amtsweg.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * One real SMTP server (GreenMail) for the whole test run; the application sends to it
 * and tests read what arrived.
 */
public final class TestMailServer {

	private static final GreenMail server = start();

	private TestMailServer() {
	}

	private static GreenMail start() {
		GreenMail greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "greenmail-stop"));
		return greenMail;
	}

	public static int port() {
		return server.getSmtp().getPort();
	}

	/**
	 * Waits (by polling the server, at most ten seconds) for a mail to the address whose
	 * subject contains the text, and returns its plain-text body.
	 */
	public static ReceivedMail awaitMail(String to, String subjectContains) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			for (MimeMessage message : server.getReceivedMessagesForDomain(to)) {
				try {
					boolean addressed = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
						.anyMatch((address) -> address.toString().equalsIgnoreCase(to));
					if (addressed && message.getSubject().contains(subjectContains)) {
						return new ReceivedMail(to, message.getSubject(), text(message));
					}
				}
				catch (MessagingException ex) {
					throw new IllegalStateException(ex);
				}
			}
			server.waitForIncomingEmail(200, Integer.MAX_VALUE);
		}
		throw new AssertionError("No mail to " + to + " with subject containing '" + subjectContains + "' arrived");
	}

	/**
	 * Waits for a mail to the address whose subject contains the text and returns the
	 * latest such mail (e.g. the second confirmation link after asking for a new one).
	 */
	public static ReceivedMail awaitLatestMail(String to, String subjectContains) {
		awaitMail(to, subjectContains);
		List<ReceivedMail> matching = mailsTo(to).stream()
			.filter((mail) -> mail.subject().contains(subjectContains))
			.toList();
		return matching.get(matching.size() - 1);
	}

	/**
	 * Waits (at most ten seconds) until the address received at least so many such mails.
	 */
	public static void awaitMailCount(String to, String subjectContains, int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (mailsTo(to).stream().filter((mail) -> mail.subject().contains(subjectContains)).count() < count) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Fewer than " + count + " mails to " + to + " about " + subjectContains);
			}
			server.waitForIncomingEmail(200, Integer.MAX_VALUE);
		}
	}

	/** All mails to the address so far, oldest first. */
	public static List<ReceivedMail> mailsTo(String to) {
		return Arrays.stream(server.getReceivedMessagesForDomain(to))
			.filter((message) -> addressedTo(message, to))
			.map((message) -> {
				try {
					return new ReceivedMail(to, message.getSubject(), text(message));
				}
				catch (MessagingException ex) {
					throw new IllegalStateException(ex);
				}
			})
			.toList();
	}

	/**
	 * Waits for a mail to the address whose subject contains the text and returns the
	 * attachments of the latest such mail (parts with a file name, nested multiparts
	 * included), in the order of the mail.
	 */
	public static List<Attachment> awaitAttachments(String to, String subjectContains) {
		awaitMail(to, subjectContains);
		MimeMessage latest = null;
		for (MimeMessage message : server.getReceivedMessagesForDomain(to)) {
			try {
				if (addressedTo(message, to) && message.getSubject().contains(subjectContains)) {
					latest = message;
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		List<Attachment> attachments = new java.util.ArrayList<>();
		try {
			collectAttachments(latest.getContent(), attachments);
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
		return attachments;
	}

	private static void collectAttachments(Object content, List<Attachment> attachments)
			throws MessagingException, IOException {
		if (!(content instanceof jakarta.mail.Multipart multipart)) {
			return;
		}
		for (int i = 0; i < multipart.getCount(); i++) {
			jakarta.mail.BodyPart part = multipart.getBodyPart(i);
			if (part.getFileName() != null) {
				String type = part.getContentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
				attachments.add(new Attachment(part.getFileName(), type, part.getInputStream().readAllBytes()));
			}
			else if (part.isMimeType("multipart/*")) {
				collectAttachments(part.getContent(), attachments);
			}
		}
	}

	private static boolean addressedTo(MimeMessage message, String to) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((address) -> address.toString().equalsIgnoreCase(to));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The decoded text of a mail (no quoted-printable soft breaks or =3D left in links).
	 */
	private static String text(MimeMessage message) {
		try {
			Object content = message.getContent();
			if (content instanceof String text) {
				return text;
			}
			if (content instanceof jakarta.mail.Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					if (multipart.getBodyPart(i).isMimeType("text/plain")) {
						return String.valueOf(multipart.getBodyPart(i).getContent());
					}
				}
			}
			return GreenMailUtil.getBody(message);
		}
		catch (MessagingException | java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A mail as received.
	 * @param to recipient
	 * @param subject subject
	 * @param body decoded text
	 */
	/**
	 * A mail's attachment.
	 *
	 * @param fileName its file name
	 * @param contentType media type without parameters, e.g. {@code text/calendar}
	 * @param bytes its decoded content
	 */
	public record Attachment(String fileName, String contentType, byte[] bytes) {

		public String text() {
			return new String(this.bytes, java.nio.charset.StandardCharsets.UTF_8);
		}

	}

	public record ReceivedMail(String to, String subject, String body) {

		/** The first link in the body that starts with the prefix. */
		public String link(String prefix) {
			int start = this.body.indexOf(prefix);
			if (start < 0) {
				throw new AssertionError("No link starting with " + prefix + " in mail:\n" + this.body);
			}
			int end = start;
			while (end < this.body.length() && !Character.isWhitespace(this.body.charAt(end))) {
				end++;
			}
			return this.body.substring(start, end);
		}

	}

}
