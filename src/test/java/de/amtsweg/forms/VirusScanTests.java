package de.amtsweg.forms;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import de.amtsweg.forms.internal.UploadCheck;
import de.amtsweg.forms.internal.definition.FormDefinition;
import de.amtsweg.forms.internal.definition.FormDefinitionReader;
import de.amtsweg.platform.VirusScanner;
import de.amtsweg.platform.internal.ClamdVirusScanner;
import de.amtsweg.support.RealClamd;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form's file upload with the platform's clamd client: against ClamAV's real daemon
 * ({@link RealClamd}, EICAR signature), and with clamd down.
 */
class VirusScanTests {

	@Test
	void anInfectedUploadIsRefusedWithAClearMessage() {
		RealClamd clamd = RealClamd.get();
		UploadCheck check = new UploadCheck(new ClamdVirusScanner(clamd.host(), clamd.port(), Duration.ofSeconds(10)),
				10_240);
		UploadCheck.Result result = check.check(fileField(),
				("%PDF-1.4\n" + RealClamd.EICAR).getBytes(StandardCharsets.US_ASCII));
		assertThat(result.accepted()).isFalse();
		assertThat(FormsTestSupport.messages()
			.getMessage("forms.error." + result.problem(), new Object[] { "Nachweis" }, Locale.GERMAN)).isEqualTo(
					"Die Datei bei „Nachweis“ enthält Schadsoftware und wurde nicht angenommen. Prüfen Sie Ihr Gerät und laden Sie eine saubere Datei hoch.");
		assertThat(check.check(fileField(), UploadTests.SMALL_PDF).mediaType()).isEqualTo("application/pdf");
	}

	@Test
	void anUnreachableScannerRefusesTheUploadRatherThanLetItThrough() throws IOException {
		int port;
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = closed.getLocalPort();
		}
		VirusScanner scanner = new ClamdVirusScanner("127.0.0.1", port, Duration.ofSeconds(2));
		assertThat(new UploadCheck(scanner, 10_240).check(fileField(), UploadTests.SMALL_PDF).problem())
			.isEqualTo("file.scanUnavailable");
	}

	private static FormDefinition.Field fileField() {
		return new FormDefinitionReader(FormsTestSupport.messages())
			.read(TestForms.WITH_UPLOAD.replace("\"KEY\"", "\"scan\""), Locale.GERMAN)
			.field("proof")
			.orElseThrow();
	}

}
