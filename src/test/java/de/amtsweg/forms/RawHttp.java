package de.amtsweg.forms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.support.WebSession;

/**
 * What {@link WebSession} cannot do yet: download bytes and post multipart forms with a
 * file. Uses the session's own HTTP client, so its cookies (session, CSRF) apply. (A
 * candidate for WebSession itself.)
 */
final class RawHttp {

	private RawHttp() {
	}

	static HttpResponse<byte[]> download(WebSession session, String url) {
		return send(session, HttpRequest.newBuilder(URI.create(url)).GET());
	}

	/**
	 * Posts a multipart form: the fields, and one file under {@code fileField}.
	 */
	static HttpResponse<byte[]> postMultipart(WebSession session, String url, Map<String, String> fields,
			String fileField, String fileName, String contentType, byte[] content) {
		String boundary = "----amtsweg" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n"));
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		return send(session,
				HttpRequest.newBuilder(URI.create(url))
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.header("Accept", "text/html")
					.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	private static HttpResponse<byte[]> send(WebSession session, HttpRequest.Builder request) {
		try {
			return client(session).send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static HttpClient client(WebSession session) {
		try {
			Field field = WebSession.class.getDeclaredField("client");
			field.setAccessible(true);
			return (HttpClient) field.get(session);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
