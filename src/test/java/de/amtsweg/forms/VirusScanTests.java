package de.amtsweg.forms;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import de.amtsweg.forms.internal.ClamdVirusScanner;
import de.amtsweg.forms.internal.UploadCheck;
import de.amtsweg.forms.internal.VirusScanner;
import de.amtsweg.forms.internal.definition.FormDefinition;
import de.amtsweg.forms.internal.definition.FormDefinitionReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clamd client against a small server that speaks clamd's INSTREAM protocol and, like
 * ClamAV, reports the EICAR test string as infected. (A real clamd needs signatures from
 * the internet, which this build has not.)
 */
class VirusScanTests {

	/** The EICAR anti-virus test file: harmless, detected by every scanner. */
	static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

	private FakeClamd clamd;

	@BeforeEach
	void startClamd() throws IOException {
		this.clamd = new FakeClamd();
	}

	@AfterEach
	void stopClamd() throws IOException {
		this.clamd.close();
	}

	@Test
	void theEicarTestStringIsReportedAsInfected() {
		VirusScanner scanner = new ClamdVirusScanner("127.0.0.1", this.clamd.port(), Duration.ofSeconds(5));
		VirusScanner.Verdict verdict = scanner.scan(("%PDF-1.4\n" + EICAR).getBytes(StandardCharsets.US_ASCII));
		assertThat(verdict.clean()).isFalse();
		assertThat(verdict.signature()).isEqualTo("Eicar-Signature");
		assertThat(scanner.scan(UploadTests.SMALL_PDF).clean()).isTrue();
		assertThat(this.clamd.commands).allMatch((command) -> command.equals("zINSTREAM"));
	}

	@Test
	void largeFilesAreSentInChunks() {
		VirusScanner scanner = new ClamdVirusScanner("127.0.0.1", this.clamd.port(), Duration.ofSeconds(5));
		byte[] large = new byte[300 * 1024];
		byte[] eicar = EICAR.getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(eicar, 0, large, large.length - eicar.length, eicar.length);
		assertThat(scanner.scan(large).clean()).isFalse();
		assertThat(this.clamd.chunks).isGreaterThan(1);
	}

	@Test
	void anInfectedUploadIsRefusedWithAClearMessage() {
		UploadCheck check = new UploadCheck(
				new ClamdVirusScanner("127.0.0.1", this.clamd.port(), Duration.ofSeconds(5)), 10_240);
		UploadCheck.Result result = check.check(fileField(),
				("%PDF-1.4\n" + EICAR).getBytes(StandardCharsets.US_ASCII));
		assertThat(result.accepted()).isFalse();
		assertThat(FormsTestSupport.messages()
			.getMessage("forms.error." + result.problem(), new Object[] { "Nachweis" }, Locale.GERMAN)).isEqualTo(
					"Die Datei bei „Nachweis“ enthält Schadsoftware und wurde nicht angenommen. Prüfen Sie Ihr Gerät und laden Sie eine saubere Datei hoch.");
		assertThat(check.check(fileField(), UploadTests.SMALL_PDF).mediaType()).isEqualTo("application/pdf");
	}

	@Test
	void anUnreachableScannerRefusesTheUploadRatherThanLetItThrough() throws IOException {
		int port = this.clamd.port();
		this.clamd.close();
		VirusScanner scanner = new ClamdVirusScanner("127.0.0.1", port, Duration.ofSeconds(2));
		assertThatThrownBy(() -> scanner.scan(UploadTests.SMALL_PDF))
			.isInstanceOf(VirusScanner.ScannerUnavailableException.class);
		assertThat(new UploadCheck(scanner, 10_240).check(fileField(), UploadTests.SMALL_PDF).problem())
			.isEqualTo("file.scanUnavailable");
	}

	@Test
	void typesAreSniffedFromTheFirstBytes() {
		assertThat(UploadCheck.sniff(UploadTests.SMALL_PDF)).isEqualTo("application/pdf");
		assertThat(UploadCheck.sniff(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, 0 })).isEqualTo("image/jpeg");
		assertThat(UploadCheck.sniff("<html>%PDF-".getBytes(StandardCharsets.US_ASCII))).isNull();
	}

	private static FormDefinition.Field fileField() {
		return new FormDefinitionReader(FormsTestSupport.messages())
			.read(TestForms.WITH_UPLOAD.replace("\"KEY\"", "\"scan\""), Locale.GERMAN)
			.field("proof")
			.orElseThrow();
	}

	/**
	 * Speaks just enough of clamd: INSTREAM, chunks, a zero-length end, one reply line.
	 */
	static final class FakeClamd implements AutoCloseable {

		final List<String> commands = new java.util.concurrent.CopyOnWriteArrayList<>();

		volatile int chunks;

		private final ServerSocket server;

		private final Thread thread;

		FakeClamd() throws IOException {
			this.server = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress());
			this.thread = new Thread(this::serve, "fake-clamd");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		int port() {
			return this.server.getLocalPort();
		}

		private void serve() {
			while (!this.server.isClosed()) {
				try (Socket socket = this.server.accept()) {
					handle(socket);
				}
				catch (IOException ex) {
					if (!this.server.isClosed()) {
						throw new UncheckedIOException(ex);
					}
				}
			}
		}

		private void handle(Socket socket) throws IOException {
			DataInputStream in = new DataInputStream(socket.getInputStream());
			ByteArrayOutputStream command = new ByteArrayOutputStream();
			int b;
			while ((b = in.read()) > 0) {
				command.write(b);
			}
			this.commands.add(command.toString(StandardCharsets.US_ASCII));
			ByteArrayOutputStream content = new ByteArrayOutputStream();
			int count = 0;
			while (true) {
				int length = in.readInt();
				if (length == 0) {
					break;
				}
				content.write(in.readNBytes(length));
				count++;
			}
			this.chunks = count;
			boolean infected = content.toString(StandardCharsets.ISO_8859_1).contains(EICAR);
			OutputStream out = socket.getOutputStream();
			out.write(((infected ? "stream: Eicar-Signature FOUND" : "stream: OK") + "\0")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}

		@Override
		public void close() throws IOException {
			this.server.close();
		}

	}

}
