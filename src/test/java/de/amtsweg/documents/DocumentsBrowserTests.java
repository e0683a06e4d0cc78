package de.amtsweg.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import de.amtsweg.support.BrowserTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentsBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path directory;

	@Test
	void uploadSearchAndNewVersionWithoutJavaScript() throws IOException {
		String marker = "kennung" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		Path first = Files.writeString(this.directory.resolve("widerspruch.txt"),
				"Hiermit lege ich Widerspruch gegen den Gebührenbescheid ein. Zeichen " + marker,
				StandardCharsets.UTF_8);
		Path second = Files.writeString(this.directory.resolve("widerspruch-korrigiert.txt"),
				"Korrigierte Fassung des Widerspruchs. Zeichen " + marker, StandardCharsets.UTF_8);
		signInAsStaff("standesamt@musterstadt.example");
		openWithoutJavaScript("/intern/akten");
		assertAccessible();
		follow("a[href='/intern/akten/neu']");
		assertAccessible();
		String title = "Akte Widerspruch " + marker;
		type("#title", title);
		submit("/intern/akten/neu");
		assertThat(mainText()).contains("Die Akte wurde angelegt.");
		assertAccessible();
		String filePath = path();

		find("#content").sendKeys(first.toString());
		find("#type option[value=LETTER_IN]").click();
		type("#title", "Widerspruch gegen Gebühren");
		script("arguments[0].value = '2026-11-20';", find("#documentDate"));
		submit(filePath);
		assertThat(mainText()).contains("Das Dokument wurde gespeichert.", "widerspruch.txt (Version 1) herunterladen");
		assertAccessible();
		String documentPath = path();
		UUID documentId = UUID.fromString(documentPath.replaceAll(".*/", ""));
		DocumentFixtures.awaitText(this.jdbc, documentId);

		open("/intern/akten");
		type("#q", marker + " Widersprüche");
		submitFormWith("#q");
		assertThat(find("ol.search-results mark").getText()).isNotBlank();
		assertThat(find("ol.search-results .passage").getText()).contains("Widerspruch gegen den Gebührenbescheid");
		assertAccessible();
		follow("ol.search-results a");
		assertThat(path()).isEqualTo(documentPath);

		find("#content").sendKeys(second.toString());
		submit(documentPath);
		assertThat(mainText()).contains("Die neue Version wurde gespeichert.",
				"widerspruch.txt (Version 1) herunterladen", "widerspruch-korrigiert.txt (Version 2) herunterladen");
		assertAccessible();
		WebSession http = newSession().signInAsStaff("standesamt@musterstadt.example");
		assertThat(new String(http.download(documentPath + "/versionen/1").body(), StandardCharsets.UTF_8))
			.contains("Gebührenbescheid");
		assertThat(new String(http.download(documentPath + "/versionen/2").body(), StandardCharsets.UTF_8))
			.contains("Korrigierte Fassung");
	}

	@Test
	void adminPagesOfTheEFileAreAccessible() {
		signInAsStaff("admin@musterstadt.example");
		open("/intern/admin/integritaet");
		assertAccessible();
		open("/intern/admin/aufbewahrung");
		assertAccessible();
		open("/intern/admin/aktenplan");
		assertThat(mainText()).contains("Meldewesen");
		assertAccessible();
	}

}
