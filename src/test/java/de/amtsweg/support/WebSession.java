package de.amtsweg.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import de.amtsweg.platform.DemoData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client over real HTTP that behaves like a browser without JavaScript: it keeps
 * cookies, does not follow redirects by itself (tests see them), and fills in the CSRF
 * token of the form it submits, taken from the page it last read.
 */
public final class WebSession {

	private final String baseUrl;

	private final HttpClient client;

	private Page lastPage;

	private String hostHeader;

	public WebSession(String baseUrl) {
		this.baseUrl = baseUrl;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Sends this Host header with every request, as a browser on that host name would.
	 */
	/**
	 * Signs this session in at the staff sign-in page with the demo password; fails the
	 * test when the sign-in is refused.
	 */
	public WebSession signInAsStaff(String email) {
		get("/intern/anmelden");
		Page signedIn = submit("/intern/anmelden", Map.of("email", email, "passwort", DemoData.PASSWORD));
		assertThat(signedIn.isRedirect()).as("sign-in of " + email).isTrue();
		assertThat(signedIn.location().orElse("")).doesNotContain("anmelden");
		return this;
	}

	public WebSession withHost(String host) {
		this.hostHeader = host;
		return this;
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "text/html"));
	}

	/** GET, following redirects on this site, as a browser would. */
	public Page open(String path) {
		Page page = get(path);
		int hops = 0;
		while (page.isRedirect() && hops++ < 10) {
			page = get(page.location().orElseThrow());
		}
		return page;
	}

	public Page getJson(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "application/json"));
	}

	/**
	 * Submits the POST form with the given action on the last page read, with its hidden
	 * fields (including the CSRF token) and the given values.
	 */
	public Page submit(String action, Map<String, String> values) {
		if (this.lastPage == null) {
			throw new IllegalStateException("Read a page before submitting one of its forms");
		}
		Element form = this.lastPage.document()
			.select("form")
			.stream()
			.filter((candidate) -> action.equals(candidate.attr("action"))
					&& "post".equalsIgnoreCase(candidate.attr("method")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No form with action " + action + " on the page:\n"
					+ this.lastPage.document().select("form").outerHtml()));
		Map<String, String> fields = new LinkedHashMap<>();
		for (Element hidden : form.select("input[type=hidden]")) {
			fields.put(hidden.attr("name"), hidden.attr("value"));
		}
		fields.putAll(values);
		return post(action, fields);
	}

	/** Posts form fields as they are, without adding any token. */
	public Page post(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html"));
	}

	/** GETs bytes (a PDF, a download) with this session's cookies. */
	public HttpResponse<byte[]> download(String path) {
		return sendForBytes(HttpRequest.newBuilder(uri(path)).GET());
	}

	/**
	 * Posts a multipart form with the fields and one file, as a browser's file upload
	 * does. Include the CSRF token among the fields (e.g. from {@link #csrfToken()}).
	 */
	public HttpResponse<byte[]> postMultipart(String path, Map<String, String> fields, String fileField,
			String fileName, String contentType, byte[] content) {
		String boundary = "----amtsweg" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return sendForBytes(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/**
	 * Posts a multipart form with the fields and several files in one field, as a file
	 * input with {@code multiple} does.
	 */
	public HttpResponse<byte[]> postMultipartFiles(String path, Map<String, String> fields, String fileField,
			java.util.List<UploadFile> files) {
		String boundary = "----amtsweg" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		for (UploadFile file : files) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
					+ "\"; filename=\"" + file.name() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return sendForBytes(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/**
	 * A file to upload.
	 *
	 * @param name its name
	 * @param contentType what the browser would claim
	 * @param content its bytes
	 */
	public record UploadFile(String name, String contentType, byte[] content) {
	}

	/** The CSRF token of the last page read. */
	public String csrfToken() {
		if (this.lastPage == null) {
			throw new IllegalStateException("Read a page first");
		}
		Element token = this.lastPage.document().selectFirst("input[name=_csrf]");
		if (token == null) {
			throw new AssertionError("No CSRF token on the last page");
		}
		return token.attr("value");
	}

	private HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
		if (this.hostHeader != null) {
			request.header("Host", this.hostHeader);
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Page send(HttpRequest.Builder request) {
		if (this.hostHeader != null) {
			request.header("Host", this.hostHeader);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Page page = new Page(response.statusCode(), response.body(), response.headers().firstValue("Location"),
					response.headers().map());
			if (!page.isRedirect()) {
				this.lastPage = page;
			}
			return page;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create(path.startsWith("http") ? path : this.baseUrl + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A response.
	 *
	 * @param status HTTP status
	 * @param body body as text
	 * @param location the Location header, if any
	 * @param headers all headers
	 */
	public record Page(int status, String body, Optional<String> location,
			Map<String, java.util.List<String>> headers) {

		public boolean isRedirect() {
			return this.status >= 300 && this.status < 400;
		}

		public Document document() {
			return Jsoup.parse(this.body);
		}

		/** The visible text of the page's main content. */
		public String mainText() {
			Element main = document().selectFirst("main");
			return (main != null) ? main.text() : document().text();
		}

		public String title() {
			return document().title();
		}

		public Optional<String> header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst();
		}

	}

}
