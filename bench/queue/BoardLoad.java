import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Load driver of bench/queue.sh: connects display boards of the demo Bürgerbüro Musterstadt
 * (Server-Sent Events), draws tickets at the demo kiosk, lets the demo clerk call them at a
 * steady rate and measures, per board and call, the time from sending the clerk's "call next"
 * to the call's arrival on the board. Plain JDK, run as a single source file:
 * {@code java BoardLoad.java <base-url> <boards> <calls> <calls-per-second>}.
 */
@SuppressWarnings("unchecked")
public class BoardLoad {

	static final String KIOSK = "/aufruf/kiosk/demo-kiosk-musterstadt-buergerbuero";

	static final String BOARD = "/aufruf/anzeige/demo-anzeige-musterstadt-buergerbuero/ereignisse";

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static final Pattern NUMBER = Pattern.compile("\"number\":\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		String base = args.length > 0 ? args[0] : "http://localhost:18081";
		int boards = args.length > 1 ? Integer.parseInt(args[1]) : 100;
		int calls = args.length > 2 ? Integer.parseInt(args[2]) : 100;
		double rate = args.length > 3 ? Double.parseDouble(args[3]) : 4;

		// tickets to call
		HttpClient kiosk = client();
		String kioskPage = get(kiosk, base + KIOSK);
		String kioskToken = match(CSRF, kioskPage);
		String group = match(Pattern.compile("name=\"group\" value=\"([^\"]+)\""), kioskPage);
		for (int i = 0; i < calls; i++) {
			post(kiosk, base + KIOSK, Map.of("_csrf", kioskToken, "group", group, "requestKey",
					UUID.randomUUID().toString()));
		}

		// the clerk at counter 1
		HttpClient clerk = client();
		String token = match(CSRF, get(clerk, base + "/intern/anmelden"));
		post(clerk, base + "/intern/anmelden",
				Map.of("_csrf", token, "email", "buergerbuero@musterstadt.example", "passwort", "Amtsweg-Demo-2026"));
		String counters = get(clerk, base + "/intern/aufruf");
		String counter = match(Pattern.compile("/intern/aufruf/schalter/([0-9a-f-]{36})/oeffnen"), counters);
		token = match(CSRF, counters);
		post(clerk, base + "/intern/aufruf/schalter/" + counter + "/oeffnen", Map.of("_csrf", token, "takeOver", "true"));
		String desk = base + "/intern/aufruf/schalter/" + counter;
		token = match(CSRF, get(clerk, desk));

		// the boards
		Map<String, Long>[] received = new Map[boards];
		CountDownLatch connected = new CountDownLatch(boards);
		HttpClient boardClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		List<Thread> readers = new ArrayList<>();
		for (int b = 0; b < boards; b++) {
			Map<String, Long> arrivals = new ConcurrentHashMap<>();
			received[b] = arrivals;
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + BOARD))
				.header("Accept", "text/event-stream")
				.build();
			Thread reader = new Thread(() -> {
				try {
					HttpResponse<java.util.stream.Stream<String>> response = boardClient.send(request,
							HttpResponse.BodyHandlers.ofLines());
					boolean call = false;
					for (String line : (Iterable<String>) response.body()::iterator) {
						long now = System.nanoTime();
						if (line.startsWith(":verbunden")) {
							connected.countDown();
						}
						else if (line.equals("event:call")) {
							call = true;
						}
						else if (call && line.startsWith("data:")) {
							Matcher number = NUMBER.matcher(line);
							if (number.find()) {
								arrivals.putIfAbsent(number.group(1), now);
							}
							call = false;
						}
					}
				}
				catch (IOException | InterruptedException | RuntimeException ex) {
					// the run ends by closing the streams
				}
			});
			reader.setDaemon(true);
			reader.start();
			readers.add(reader);
		}
		if (!connected.await(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("only " + (boards - connected.getCount()) + " boards connected");
		}

		// calls at a steady rate
		Map<String, Long> sent = new LinkedHashMap<>();
		long period = (long) (1_000_000_000L / rate);
		long start = System.nanoTime();
		for (int i = 0; i < calls; i++) {
			long due = start + i * period;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			long before = System.nanoTime();
			post(clerk, desk + "/naechste", Map.of("_csrf", token));
			String page = get(clerk, desk);
			sent.put(match(Pattern.compile("id=\"current-number\">([^<]+)<"), page), before);
		}
		long runSeconds = (System.nanoTime() - start) / 1_000_000_000L;

		// wait for the stragglers, at most 10 s
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline && !allArrived(received, sent)) {
			TimeUnit.MILLISECONDS.sleep(50);
		}
		List<Double> latencies = new ArrayList<>();
		int missing = 0;
		for (Map<String, Long> arrivals : received) {
			for (Map.Entry<String, Long> call : sent.entrySet()) {
				Long arrival = arrivals.get(call.getKey());
				if (arrival == null) {
					missing++;
				}
				else {
					latencies.add((arrival - call.getValue()) / 1_000_000.0);
				}
			}
		}
		Collections.sort(latencies);
		System.out.printf("boards %d, calls %d at %.1f/s over %d s, deliveries %d of %d (missing %d)%n", boards,
				sent.size(), rate, runSeconds, latencies.size(), boards * sent.size(), missing);
		System.out.printf("call -> board latency: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 < 1000 ms)%n",
				percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
				latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1));
		System.exit(0);
	}

	static boolean allArrived(Map<String, Long>[] received, Map<String, Long> sent) {
		for (Map<String, Long> arrivals : received) {
			if (!arrivals.keySet().containsAll(sent.keySet())) {
				return false;
			}
		}
		return true;
	}

	static double percentile(List<Double> sorted, int p) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	static HttpClient client() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	static String get(HttpClient client, String url) throws IOException, InterruptedException {
		HttpResponse<String> response = client.send(
				HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + url + ": " + response.statusCode());
		}
		return response.body();
	}

	static void post(HttpClient client, String url, Map<String, String> fields)
			throws IOException, InterruptedException {
		String body = fields.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 302 && response.statusCode() != 303) {
			throw new IllegalStateException("POST " + url + ": " + response.statusCode());
		}
	}

	static String match(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("not found: " + pattern);
		}
		return matcher.group(1);
	}

}
