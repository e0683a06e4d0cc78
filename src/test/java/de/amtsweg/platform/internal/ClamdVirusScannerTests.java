package de.amtsweg.platform.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import de.amtsweg.platform.VirusScanner;
import de.amtsweg.support.RealClamd;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clamd client against ClamAV's real daemon (Debian's clamav-daemon, started by
 * {@link RealClamd} with a local EICAR signature), and against a clamd that is down or
 * does not answer.
 */
class ClamdVirusScannerTests {

	@Test
	void aRealClamdFindsTheEicarTestStringAndPassesACleanPdf() {
		RealClamd clamd = RealClamd.get();
		VirusScanner scanner = new ClamdVirusScanner(clamd.host(), clamd.port(), Duration.ofSeconds(10));
		VirusScanner.Verdict infected = scanner
			.scan(("%PDF-1.4\n" + RealClamd.EICAR).getBytes(StandardCharsets.US_ASCII));
		assertThat(infected.clean()).isFalse();
		assertThat(infected.signature()).isEqualTo(RealClamd.SIGNATURE);
		VirusScanner.Verdict clean = scanner.scan(cleanPdf());
		assertThat(clean.clean()).isTrue();
		assertThat(clean.signature()).isNull();
	}

	@Test
	void aLargeFileIsSentInChunksAndScannedWhole() {
		RealClamd clamd = RealClamd.get();
		VirusScanner scanner = new ClamdVirusScanner(clamd.host(), clamd.port(), Duration.ofSeconds(10));
		byte[] large = new byte[300 * 1024];
		byte[] eicar = RealClamd.EICAR.getBytes(StandardCharsets.US_ASCII);
		// across the boundary of the first two 64 KB chunks
		System.arraycopy(eicar, 0, large, 64 * 1024 - 30, eicar.length);
		assertThat(scanner.scan(large).clean()).isFalse();
	}

	@Test
	void aClamdThatIsDownMakesTheScannerUnavailableRatherThanPassTheFile() throws IOException {
		int port;
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = closed.getLocalPort();
		}
		VirusScanner scanner = new ClamdVirusScanner("127.0.0.1", port, Duration.ofSeconds(2));
		assertThatThrownBy(() -> scanner.scan(cleanPdf())).isInstanceOf(VirusScanner.ScannerUnavailableException.class)
			.hasMessageContaining("not reachable");
	}

	@Test
	void aClamdThatDoesNotAnswerTimesOut() throws IOException {
		// accepts connections (the backlog) but never reads or answers
		try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			VirusScanner scanner = new ClamdVirusScanner("127.0.0.1", silent.getLocalPort(), Duration.ofMillis(500));
			assertThatThrownBy(() -> scanner.scan(cleanPdf()))
				.isInstanceOf(VirusScanner.ScannerUnavailableException.class);
		}
	}

	static byte[] cleanPdf() {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
