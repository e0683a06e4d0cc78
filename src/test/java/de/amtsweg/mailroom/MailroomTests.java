package de.amtsweg.mailroom;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.mailroom.internal.IntakeWorker;
import de.amtsweg.platform.AuditEntry;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.Sha256;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.RealClamd;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static de.amtsweg.mailroom.MailroomFixtures.FRONT_DESK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mail room end to end over HTTP: batches go into the intake queue once, the worker
 * files letters with a case's reference into its file, rules put others into an org
 * unit's inbox, the front desk routes the rest by hand; clerks see only their units'
 * items; a crash between reading and routing loses nothing and files nothing twice.
 */
class MailroomTests extends IntegrationTest {

	@Autowired
	FormFilling filling;

	@Autowired
	Municipalities municipalities;

	@Autowired
	OrgUnits orgUnits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IntakeWorker worker;

	@Autowired
	AuditLog auditLog;

	private Municipality musterstadt() {
		return this.municipalities.bySlug("musterstadt").orElseThrow();
	}

	private static String marker() {
		return "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	@Test
	void aLetterQuotingACaseReferenceIsFiledIntoThatCaseAndItsClerkSeesIt() {
		MailroomFixtures.NewCase found = MailroomFixtures.newCase(this.filling, this.jdbc, musterstadt());
		String subject = "Nachreichung " + marker();
		byte[] letter = Letters.textPdf(
				List.of("Erika Post, Heidestrasse 17, 31999 Musterstadt", "", "Stadt Musterstadt", "Rathausplatz 1",
						"31999 Musterstadt", "", "Betreff: " + subject, "Ihr Zeichen: " + found.reference(),
						"Sehr geehrte Damen und Herren,", "anbei die fehlende Kopie meines Personalausweises."));
		WebSession desk = newSession().signInAsStaff(FRONT_DESK);
		UUID item = MailroomFixtures.uploadOne(desk, this.jdbc, "brief.pdf", "application/pdf", letter);
		assertThat(MailroomFixtures.state(this.jdbc, item)).isEqualTo("QUEUED");

		this.worker.runOnce();

		assertThat(MailroomFixtures.state(this.jdbc, item)).isEqualTo("FILED");
		assertThat(MailroomFixtures.documentsInCaseFile(this.jdbc, found.id(), subject)).isEqualTo(1);
		WebSession.Page page = desk.get("/intern/posteingang/" + item);
		assertThat(page.mainText()).contains("abgelegt", "Textebene der PDF-Datei", "Erika Post", found.reference());

		WebSession clerk = newSession().signInAsStaff(FRONT_DESK);
		WebSession.Page caseFile = clerk.open("/intern/akten/vorgang/" + found.id());
		assertThat(caseFile.mainText()).contains(subject, "Eingehendes Schreiben", "Erika Post");
		assertThat(this.jdbc.sql("""
				select count(*) from audit_log where action = 'mail-item.filed' and record_id = :id""")
			.param("id", item.toString())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(clerk.get("/intern/vorgaenge/" + found.id()).mainText())
			.as("the case's history shows the filed letter")
			.contains("Eingehendes Schreiben abgelegt");
		assertThat(this.jdbc.sql("select details from case_event where case_id = :c and kind = 'letter-filed'")
			.param("c", found.id())
			.query(String.class)
			.list()).singleElement().asString().contains(subject);
	}

	@Test
	void aLetterQuotingTheReceiptNumberFindsTheCaseToo() {
		MailroomFixtures.NewCase found = MailroomFixtures.newCase(this.filling, this.jdbc, musterstadt());
		String subject = "Antrag " + marker();
		UUID item = MailroomFixtures.uploadOne(newSession().signInAsStaff(FRONT_DESK), this.jdbc, "fax.pdf",
				"application/pdf", Letters.textPdf(List.of("Betreff: " + subject,
						"Zu meinem Antrag " + found.submissionReference() + " reiche ich nach.")));
		this.worker.runOnce();
		assertThat(MailroomFixtures.documentsInCaseFile(this.jdbc, found.id(), subject)).isEqualTo(1);
		assertThat(MailroomFixtures.state(this.jdbc, item)).isEqualTo("FILED");
	}

	@Test
	void submittingTheSameBatchTwiceOrTheSameFileTwiceQueuesItOnce() {
		WebSession desk = newSession().signInAsStaff(FRONT_DESK);
		String key = UUID.randomUUID().toString();
		byte[] letter = Letters.textPdf(List.of("Betreff: Doppelt " + marker()));
		byte[] other = Letters.textPdf(List.of("Betreff: Anderes " + marker()));
		List<WebSession.UploadFile> files = List.of(new WebSession.UploadFile("a.pdf", "application/pdf", letter),
				new WebSession.UploadFile("a-kopie.pdf", "application/pdf", letter),
				new WebSession.UploadFile("b.pdf", "application/pdf", other));
		HttpResponse<byte[]> first = MailroomFixtures.upload(desk, key, files);
		HttpResponse<byte[]> second = MailroomFixtures.upload(desk, key, files);
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(second.statusCode()).isEqualTo(302);
		assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(this.jdbc.sql("""
				select count(*) from mail_item i join mail_batch b on b.id = i.batch_id where b.idempotency_key = :k""")
			.param("k", key)
			.query(Integer.class)
			.single()).isEqualTo(2);
		this.worker.runOnce();
	}

	@Test
	void filesThatAreNoScansAreRefusedWithAMessage() {
		WebSession desk = newSession().signInAsStaff(FRONT_DESK);
		HttpResponse<byte[]> response = MailroomFixtures.upload(desk, UUID.randomUUID().toString(),
				List.of(new WebSession.UploadFile("brief.pdf", "application/pdf", "<html>kein PDF</html>".getBytes())));
		assertThat(response.statusCode()).isEqualTo(400);
		String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(body).contains("Fehler: Posteingang", "Die Datei brief.pdf ist kein PDF, PNG, JPEG oder TIFF");
		HttpResponse<byte[]> none = MailroomFixtures.upload(desk, UUID.randomUUID().toString(), List.of());
		assertThat(new String(none.body(), java.nio.charset.StandardCharsets.UTF_8))
			.contains("Wählen Sie mindestens eine Datei aus");
	}

	@Test
	void anInfectedLetterIsRefusedWithAMessageAndTheRefusalIsAudited() {
		this.virusScanner.useRealClamd();
		byte[] infected = ("%PDF-1.4\n% " + marker() + "\n" + RealClamd.EICAR).getBytes(StandardCharsets.US_ASCII);
		WebSession desk = newSession().signInAsStaff(FRONT_DESK);
		HttpResponse<byte[]> response = MailroomFixtures.upload(desk, UUID.randomUUID().toString(),
				List.of(new WebSession.UploadFile("virus.pdf", "application/pdf", infected)));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(new String(response.body(), StandardCharsets.UTF_8))
			.contains("Die Datei „virus.pdf“ enthält Schadsoftware und wurde nicht angenommen.");
		assertThat(this.auditLog.forRecord("upload", Sha256.hex(infected))).extracting(AuditEntry::action)
			.containsExactly("upload.infected");
		assertThat(this.jdbc.sql("select count(*) from mail_item where blob = :b")
			.param("b", Sha256.hex(infected))
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aCrashBetweenReadingAndRoutingLeavesTheItemQueuedAndALaterRunFilesItOnce() {
		MailroomFixtures.NewCase found = MailroomFixtures.newCase(this.filling, this.jdbc, musterstadt());
		String subject = "Absturz " + marker();
		UUID item = MailroomFixtures.uploadOne(newSession().signInAsStaff(FRONT_DESK), this.jdbc, "absturz.pdf",
				"application/pdf", Letters.textPdf(List.of("Betreff: " + subject, "Vorgang " + found.reference())));

		assertThatThrownBy(() -> this.worker.runOnce((claimed) -> {
			if (claimed.id().equals(item)) {
				throw new IllegalStateException("node died");
			}
		})).hasMessage("node died");
		assertThat(MailroomFixtures.state(this.jdbc, item)).isEqualTo("QUEUED");
		assertThat(MailroomFixtures.documentsInCaseFile(this.jdbc, found.id(), subject)).isZero();

		// the dead node's lease still holds
		this.worker.runOnce();
		assertThat(MailroomFixtures.state(this.jdbc, item)).isEqualTo("QUEUED");

		this.clock.advance(Duration.ofMinutes(11));
		this.worker.runOnce();
		this.worker.runOnce();
		assertThat(MailroomFixtures.state(this.jdbc, item)).isEqualTo("FILED");
		assertThat(MailroomFixtures.documentsInCaseFile(this.jdbc, found.id(), subject)).isEqualTo(1);
	}

	@Test
	void rulesPutLettersIntoAnOrgUnitsInboxWhichOnlyItsClerksSee() {
		String keyword = marker();
		WebSession admin = newSession().signInAsStaff("admin@musterstadt.example");
		UUID building = this.orgUnits.byKey(musterstadt().id(), "bauamt").orElseThrow().id();
		admin.get("/intern/admin/posteingang-regeln");
		WebSession.Page added = admin.submit("/intern/admin/posteingang-regeln", Map.of("position", "10", "keywords",
				"Zaunbau, " + keyword, "senderPattern", "", "orgUnitId", building.toString()));
		assertThat(added.status()).as(added.mainText()).isEqualTo(302);
		assertThat(admin.get("/intern/admin/posteingang-regeln").mainText()).contains(keyword, "Bauamt");

		String subject = "Anfrage " + keyword;
		UUID item = MailroomFixtures.uploadOne(newSession().signInAsStaff(FRONT_DESK), this.jdbc, "anfrage.pdf",
				"application/pdf", Letters.textPdf(List.of("Betreff: " + subject, "Ich plane einen Carport.")));
		this.worker.runOnce();
		assertThat(MailroomFixtures.state(this.jdbc, item)).isEqualTo("INBOX");

		WebSession bauamt = newSession().signInAsStaff("bauamt@musterstadt.example");
		assertThat(bauamt.get("/intern/posteingang/eingang").mainText()).contains(subject);
		assertThat(bauamt.get("/intern/posteingang/" + item).mainText()).contains("Ich plane einen Carport.");
		assertThat(bauamt.download("/intern/posteingang/" + item + "/datei").statusCode()).isEqualTo(200);

		WebSession standesamt = newSession().signInAsStaff("standesamt@musterstadt.example");
		assertThat(standesamt.get("/intern/posteingang/eingang").mainText()).doesNotContain(subject);
		assertThat(standesamt.get("/intern/posteingang/" + item).status()).isEqualTo(404);
		assertThat(standesamt.download("/intern/posteingang/" + item + "/datei").statusCode()).isEqualTo(404);
		standesamt.get("/intern/posteingang/eingang");
		assertThat(standesamt.post("/intern/posteingang/" + item + "/ablegen", Map.of("_csrf", standesamt.csrfToken()))
			.status()).isEqualTo(404);
		assertThat(standesamt.get("/intern/posteingang").status()).isEqualTo(404);
		WebSession otherTown = newSession().signInAsStaff("buergerbuero@beispielheim.example");
		assertThat(otherTown.get("/intern/posteingang/" + item).status()).isEqualTo(404);
		assertThat(this.auditLog.forRecord("mail-item", item.toString())).extracting(AuditEntry::action)
			.as("the refusals outlive the rolled-back requests")
			.contains("mail-item.refused");
		assertThat(otherTown.get("/intern/posteingang").mainText()).doesNotContain(subject);

		bauamt.get("/intern/posteingang/" + item);
		WebSession.Page filed = bauamt.submit("/intern/posteingang/" + item + "/ablegen", Map.of());
		assertThat(filed.status()).as(filed.mainText()).isEqualTo(302);
		assertThat(MailroomFixtures.state(this.jdbc, item)).isEqualTo("FILED");
		assertThat(bauamt.open("/intern/posteingang/" + item).mainText()).contains("Dokument in der Akte öffnen");
		assertThat(this.jdbc.sql("""
				select f.title from document d join document_file f on f.id = d.file_id
				where d.id = (select document_id from mail_item where id = :id) and f.org_unit_id = :unit""")
			.param("id", item)
			.param("unit", building)
			.query(String.class)
			.single()).isEqualTo("Posteingang");
	}

	@Test
	void theRulesPageExplainsWhatIsWrong() {
		WebSession admin = newSession().signInAsStaff("admin@musterstadt.example");
		admin.get("/intern/admin/posteingang-regeln");
		WebSession.Page page = admin.submit("/intern/admin/posteingang-regeln", Map.of("position", "null", "keywords",
				" , ", "senderPattern", "", "orgUnitId", UUID.randomUUID().toString()));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.title()).startsWith("Fehler: ");
		assertThat(page.mainText()).contains("Geben Sie als Rang eine Zahl von 1 bis 9999 ein",
				"Geben Sie Stichwörter oder einen Teil des Absenders ein", "Wählen Sie eine Organisationseinheit aus");
		WebSession clerk = newSession().signInAsStaff("bauamt@musterstadt.example");
		assertThat(clerk.get("/intern/admin/posteingang-regeln").status()).isIn(403, 404);
	}

	@Test
	void aFileThatCannotBeReadGoesToTheFrontDeskUnread() {
		WebSession desk = newSession().signInAsStaff(FRONT_DESK);
		UUID item = MailroomFixtures.uploadOne(desk, this.jdbc, "kaputt-" + marker() + ".pdf", "application/pdf",
				"%PDF-1.7 abgeschnitten".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		this.worker.runOnce();
		assertThat(this.jdbc.sql("select state || ' ' || recognition from mail_item where id = :id")
			.param("id", item)
			.query(String.class)
			.single()).isEqualTo("MANUAL FAILED");
		assertThat(desk.get("/intern/posteingang/" + item).mainText()).contains("von Hand zuzuordnen",
				"Datei nicht lesbar", "Einem Vorgang zuordnen");
	}

	@Test
	void withoutReferenceOrRuleTheFrontDeskRoutesByHand() {
		MailroomFixtures.NewCase found = MailroomFixtures.newCase(this.filling, this.jdbc, musterstadt());
		String subject = "Ohne Zeichen " + marker();
		WebSession desk = newSession().signInAsStaff(FRONT_DESK);
		UUID item = MailroomFixtures.uploadOne(desk, this.jdbc, "ohne.pdf", "application/pdf",
				Letters.textPdf(List.of("Betreff: " + subject, "Bitte um Auskunft.")));
		this.worker.runOnce();
		assertThat(MailroomFixtures.state(this.jdbc, item)).isEqualTo("MANUAL");
		assertThat(desk.get("/intern/posteingang").mainText()).contains(subject, "von Hand zuzuordnen");

		desk.get("/intern/posteingang/" + item);
		WebSession.Page wrong = desk.submit("/intern/posteingang/" + item + "/vorgang",
				Map.of("reference", "VG-1999-999999"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.mainText()).contains("Geben Sie das Aktenzeichen eines Vorgangs dieser Gemeinde ein");

		WebSession.Page filed = desk.submit("/intern/posteingang/" + item + "/vorgang",
				Map.of("reference", found.reference().toLowerCase()));
		assertThat(filed.status()).as(filed.mainText()).isEqualTo(302);
		assertThat(MailroomFixtures.state(this.jdbc, item)).isEqualTo("FILED");
		assertThat(MailroomFixtures.documentsInCaseFile(this.jdbc, found.id(), subject)).isEqualTo(1);
		desk.get("/intern/posteingang/" + item);
		WebSession.Page again = desk.post("/intern/posteingang/" + item + "/vorgang",
				Map.of("_csrf", desk.csrfToken(), "reference", found.reference()));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.mainText()).contains("Dieses Schriftstück ist bereits abgelegt");
		assertThat(MailroomFixtures.documentsInCaseFile(this.jdbc, found.id(), subject)).isEqualTo(1);
	}

}
