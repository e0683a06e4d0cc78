package de.amtsweg.platform.admin;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.amtsweg.support.WebSession;
import org.jsoup.nodes.Element;

/**
 * A browser without JavaScript for what {@link WebSession} cannot send: a field with
 * several values, as a group of ticked checkboxes sends it. Like WebSession it keeps
 * cookies, follows no redirects and takes the hidden fields, the CSRF token among them,
 * from the form on the page it read last.
 */
public final class FormBrowser {

	private final String baseUrl;

	private final HttpClient client;

	private WebSession.Page lastPage;

	public FormBrowser(String baseUrl) {
		this.baseUrl = baseUrl;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public WebSession.Page get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "text/html"));
	}

	/** Signs in as staff; the answer is the redirect after the sign-in. */
	public WebSession.Page signIn(String email, String password) {
		get("/intern/anmelden");
		return submit("/intern/anmelden", List.of(Map.entry("email", email), Map.entry("passwort", password)));
	}

	/** Submits a form with the given fields, a name may come several times. */
	public WebSession.Page submit(String action, List<Map.Entry<String, String>> values) {
		List<Map.Entry<String, String>> fields = new ArrayList<>(hiddenFields(action));
		fields.addAll(values);
		String body = fields.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(action))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html"));
	}

	private List<Map.Entry<String, String>> hiddenFields(String action) {
		Element form = this.lastPage.document()
			.select("form")
			.stream()
			.filter((candidate) -> action.equals(candidate.attr("action")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No form with action " + action + " on the last page"));
		return form.select("input[type=hidden]")
			.stream()
			.map((hidden) -> Map.entry(hidden.attr("name"), hidden.attr("value")))
			.toList();
	}

	private WebSession.Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			WebSession.Page page = new WebSession.Page(response.statusCode(), response.body(),
					response.headers().firstValue("Location"), response.headers().map());
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

}
