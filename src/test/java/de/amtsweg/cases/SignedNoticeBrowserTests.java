package de.amtsweg.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notice the route issued, checked by anyone on the public verification page, with and
 * without JavaScript; axe-core finds no WCAG 2.1 AA violation.
 */
class SignedNoticeBrowserTests extends BrowserTest {

	@Autowired
	FormFilling filling;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path downloads;

	@Test
	void anyoneChecksASignedNoticeOnThePublicPage() throws IOException {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		UUID erika = CaseFixtures.accountOf(this.jdbc, "erika.mustermann@example.org");
		Submission submission = CaseFixtures.submitRegistrationCertificate(this.filling, musterstadt, erika, "Erika",
				"Prüfung" + UUID.randomUUID().toString().substring(0, 8), "erika.mustermann@example.org");
		UUID caseId = CaseFixtures.awaitCase(this.jdbc, submission.id());
		byte[] notice = SignedNoticeTests.issueNotice(
				CaseFixtures.signedIn(newSession(), "/intern/anmelden", "buergerbuero@musterstadt.example"), caseId);
		Path file = Files.write(this.downloads.resolve("bescheid.pdf"), notice);

		open("/");
		follow("a[href='/bescheid-pruefen']");
		assertThat(title()).startsWith("Bescheid prüfen");
		assertAccessible();
		find("#datei").sendKeys(file.toString());
		submit("/bescheid-pruefen");
		assertThat(find("#ergebnis h2").getText())
			.isEqualTo("Echt und unverändert: ausgestellt von " + musterstadt.name());
		assertThat(find("#aussteller").getText()).isEqualTo(musterstadt.name());
		assertAccessibleOnDesktopAndPhone();

		openWithoutJavaScript("/bescheid-pruefen?sprache=en");
		assertThat(title()).startsWith("Check a notice");
		find("#datei").sendKeys(file.toString());
		submit("/bescheid-pruefen");
		assertThat(find("#ergebnis h2").getText()).isEqualTo("Genuine and unchanged: issued by " + musterstadt.name());
		assertThat(find("#signatur").getText()).isEqualTo("valid");
		assertAccessible();
	}

}
