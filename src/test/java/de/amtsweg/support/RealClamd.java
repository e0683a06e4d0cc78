package de.amtsweg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ClamAV's real daemon from Debian's {@code clamav-daemon} package, started for tests
 * with a temporary configuration: a TCP socket on a free loopback port, in the
 * foreground, and instead of the signatures freshclam downloads (no internet here) a
 * one-line body signature for the EICAR test string. One daemon per test run; it is
 * stopped when the JVM ends. Tests are skipped when clamd is not installed
 * ({@code ./test.sh} installs it).
 */
public final class RealClamd {

	/** The EICAR anti-virus test file: harmless, detected by every scanner. */
	public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

	/** The name clamd reports; {@code .UNOFFICIAL} because the signature is our own. */
	public static final String SIGNATURE = "Amtsweg-Eicar-Test.UNOFFICIAL";

	private static final Map<String, RealClamd> RUNNING = new HashMap<>();

	private final Process process;

	private final int port;

	private RealClamd(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/** The running daemon; skips the calling test when clamd is not installed. */
	public static synchronized RealClamd get() {
		String binary = binary();
		assumeTrue(binary != null, "clamd is not installed (Debian: clamav-daemon); ./test.sh installs it");
		return RUNNING.computeIfAbsent(binary, RealClamd::start);
	}

	public int port() {
		return this.port;
	}

	public String host() {
		return "127.0.0.1";
	}

	private static @Nullable String binary() {
		for (String candidate : new String[] { "/usr/sbin/clamd", "/usr/bin/clamd", "/usr/local/sbin/clamd" }) {
			if (Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		return null;
	}

	private static RealClamd start(String binary) {
		try {
			Path directory = Files.createTempDirectory("amtsweg-clamd");
			Path database = Files.createDirectory(directory.resolve("db"));
			Files.writeString(database.resolve("amtsweg-test.ndb"), "Amtsweg-Eicar-Test:0:*:"
					+ HexFormat.of().formatHex(EICAR.getBytes(StandardCharsets.US_ASCII)) + "\n");
			int port = freePort();
			Path config = directory.resolve("clamd.conf");
			Files.writeString(config, String.join("\n", "DatabaseDirectory " + database, "TCPSocket " + port,
					"TCPAddr 127.0.0.1", "Foreground yes", "LogFile " + directory.resolve("clamd.log"), ""));
			Process process = new ProcessBuilder(binary, "--config-file=" + config).redirectErrorStream(true)
				.redirectOutput(directory.resolve("clamd.out").toFile())
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-clamd"));
			RealClamd clamd = new RealClamd(process, port);
			clamd.awaitListening(Duration.ofSeconds(60), directory);
			return clamd;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitListening(Duration atMost, Path directory) {
		Awaitility.await("clamd listening on " + this.port)
			.atMost(atMost)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("clamd ended: " + Files.readString(directory.resolve("clamd.out")));
				}
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress(host(), this.port), 200);
					return true;
				}
				catch (IOException notYet) {
					// still loading the database; the port opens after it
					return false;
				}
			});
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
