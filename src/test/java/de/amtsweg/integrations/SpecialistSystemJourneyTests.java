package de.amtsweg.integrations;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import de.amtsweg.cases.CaseFixtures;
import de.amtsweg.forms.internal.DraftFiles;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.integrations.SpecialistSystemFixtures.Receiver;
import de.amtsweg.integrations.SpecialistSystemFixtures.Received;
import de.amtsweg.integrations.SpecialistSystemFixtures.Registered;
import de.amtsweg.integrations.internal.WebhookDispatcher;
import de.amtsweg.platform.AuditEntry;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plays a specialist system end to end over real HTTP: it is registered on the admin
 * pages, receives the signed webhook of a new application's case (after its receiver
 * failed three times, once with the same event id), fetches the case with its key,
 * downloads the attachment, decides and writes to the applicant, who reads it in the
 * postbox. A receiver that keeps failing leaves a dead letter the admin replays.
 */
class SpecialistSystemJourneyTests extends IntegrationTest {

	private static final String CITIZEN = "erika.mustermann@example.org";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	FormFilling filling;

	@Autowired
	DraftFiles files;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	AuditLog auditLog;

	private final List<Receiver> receivers = new ArrayList<>();

	@AfterEach
	void stopReceivers() {
		// later tests' cases must not queue webhooks to receivers that are gone
		this.jdbc.sql("update integration_system set webhook_url = null where name like 'Test-Fachverfahren %'")
			.update();
		this.receivers.forEach(Receiver::close);
		// the job lock was released at the moved clock's time; the clock goes back after
		// the
		// test, so the lock would look taken for hours
		this.jdbc.sql("delete from scheduled_job_lock where name = 'integrations-webhooks'").update();
	}

	private Municipality musterstadt() {
		return this.municipalities.bySlug("musterstadt").orElseThrow();
	}

	private Receiver receiver(int failures) {
		Receiver receiver = new Receiver(failures);
		this.receivers.add(receiver);
		return receiver;
	}

	@Test
	void aSpecialistSystemGetsTheSignedWebhookFetchesTheCaseAndItsAttachmentDecidesAndWritesToTheApplicant()
			throws Exception {
		Municipality musterstadt = musterstadt();
		UUID ordnungsamt = SpecialistSystemFixtures.orgUnit(this.jdbc, musterstadt.id(), "ordnungsamt");
		Receiver receiver = receiver(3);
		WebSession admin = newSession().signInAsStaff(SpecialistSystemFixtures.ADMIN);
		Registered system = SpecialistSystemFixtures.register(admin, "Test-Fachverfahren " + UUID.randomUUID(),
				ordnungsamt, receiver.url());

		UUID erika = this.jdbc.sql("select id from citizen_account where email = :e")
			.param("e", CITIZEN)
			.query(UUID.class)
			.single();
		String family = "Parkmann" + UUID.randomUUID().toString().substring(0, 8);
		Submission submission = SpecialistSystemFixtures.submitParkingPermit(this.filling, this.files, musterstadt,
				erika, family, CITIZEN);
		UUID caseId = CaseFixtures.awaitCase(this.jdbc, submission.id());

		// the receiver fails three times; each retry waits for the back-off, then it
		// acknowledges
		for (int attempt = 1; attempt <= 4; attempt++) {
			int expected = attempt;
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				this.dispatcher.runOnce();
				return attemptsOf(system.id(), caseId, "case.opened") >= expected;
			});
			this.clock.advance(Duration.ofHours(2));
		}
		List<Received> opened = openedFor(receiver, caseId);
		assertThat(opened).hasSize(4);
		assertThat(opened).extracting(Received::eventId)
			.as("one event id on every attempt")
			.containsOnly(opened.get(0).eventId());
		assertThat(statusOf(system.id(), caseId, "case.opened")).isEqualTo("DELIVERED");
		await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> this.dispatcher.runOnce());
		assertThat(openedFor(receiver, caseId)).as("acknowledged: delivered once, never again").hasSize(4);

		Received webhook = opened.get(3);
		assertThat(webhook.signature())
			.isEqualTo("sha256=" + hmac(system.secret(), webhook.timestamp() + "." + webhook.body()));
		JsonNode event = JSON.readTree(webhook.body());
		assertThat(event.get("id").asString()).isEqualTo(webhook.eventId());
		assertThat(event.get("type").asString()).isEqualTo("case.opened");
		assertThat(event.get("data").get("caseId").asString()).isEqualTo(caseId.toString());

		// the case is among the changed cases of its org unit, page by page
		boolean listed = false;
		String cursor = "0";
		for (int page = 0; page < 1000 && !listed; page++) {
			HttpResponse<String> changes = SpecialistSystemFixtures.api(baseUrl(), "GET",
					"/api/v1/fachverfahren/cases?limit=50&after=" + cursor, system.key(), null);
			assertThat(changes.statusCode()).as(changes.body()).isEqualTo(200);
			JsonNode json = JSON.readTree(changes.body());
			for (JsonNode changed : json.get("cases")) {
				assertThat(changed.get("orgUnitId").asString()).isEqualTo(ordnungsamt.toString());
				listed |= changed.get("id").asString().equals(caseId.toString());
			}
			cursor = json.get("nextCursor").asString();
			if (!json.get("hasMore").asBoolean()) {
				break;
			}
		}
		assertThat(listed).as("case in the change list").isTrue();

		HttpResponse<String> fetched = SpecialistSystemFixtures.api(baseUrl(), "GET",
				"/api/v1/fachverfahren/cases/" + caseId, system.key(), null);
		assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
		JsonNode document = JSON.readTree(fetched.body());
		assertThat(document.get("answers").get("plate").asString()).isEqualTo("MS-AB 123");
		assertThat(document.get("answers").get("familyName").asString()).isEqualTo(family);
		assertThat(document.get("sections").toString()).contains("Kennzeichen", "MS-AB 123", family);
		JsonNode attachment = document.get("attachments").get(0);
		assertThat(attachment.get("fileName").asString()).isEqualTo("zulassung.pdf");
		HttpResponse<byte[]> download = SpecialistSystemFixtures.download(baseUrl(), attachment.get("href").asString(),
				system.key());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		assertThat(download.body()).isEqualTo(SpecialistSystemFixtures.PDF);

		HttpResponse<String> decided = SpecialistSystemFixtures.api(baseUrl(), "POST",
				"/api/v1/fachverfahren/cases/" + caseId + "/status", system.key(),
				"{\"status\":\"DECIDED\",\"result\":\"APPROVED\",\"reason\":\"Alle Voraussetzungen erfüllt.\"}");
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
		assertThat(JSON.readTree(decided.body()).get("status").asString()).isEqualTo("DECIDED");
		assertThat(JSON.readTree(decided.body()).get("result").asString()).isEqualTo("APPROVED");
		assertThat(this.jdbc.sql("select status from case_event where case_id = :c and status is not null order by id")
			.param("c", caseId)
			.query(String.class)
			.list()).as("the route's history, as for a clerk").containsExactly("RECEIVED", "IN_PROGRESS", "DECIDED");

		String subject = "Ihr Parkausweis " + UUID.randomUUID().toString().substring(0, 6);
		HttpResponse<String> message = SpecialistSystemFixtures.api(baseUrl(), "POST",
				"/api/v1/fachverfahren/cases/" + caseId + "/messages", system.key(),
				"{\"subject\":\"" + subject + "\",\"text\":\"Ihr Ausweis liegt zur Abholung bereit.\"}");
		assertThat(message.statusCode()).as(message.body()).isEqualTo(201);
		WebSession citizen = newSession();
		citizen.get("/anmelden");
		citizen.submit("/anmelden", Map.of("email", CITIZEN, "passwort", de.amtsweg.platform.DemoData.PASSWORD));
		assertThat(citizen.open("/konto/postfach").mainText()).contains(subject);

		List<AuditEntry> audit = this.auditLog.forRecord("case", caseId.toString());
		assertThat(audit).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("case.read");
			assertThat(entry.actor()).isEqualTo("system:" + system.id());
		});
		assertThat(audit).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("case.attachment-read");
			assertThat(entry.actor()).isEqualTo("system:" + system.id());
		});
	}

	@Test
	void aReceiverThatKeepsFailingLeavesADeadLetterThatTheAdminReplays() {
		Municipality musterstadt = musterstadt();
		UUID ordnungsamt = SpecialistSystemFixtures.orgUnit(this.jdbc, musterstadt.id(), "ordnungsamt");
		Receiver receiver = receiver(Integer.MAX_VALUE);
		WebSession admin = newSession().signInAsStaff(SpecialistSystemFixtures.ADMIN);
		Registered system = SpecialistSystemFixtures.register(admin, "Test-Fachverfahren " + UUID.randomUUID(),
				ordnungsamt, receiver.url());
		Submission submission = SpecialistSystemFixtures.submitParkingPermit(this.filling, this.files, musterstadt,
				null, "Gastmann", "gast-" + UUID.randomUUID() + "@example.org");
		UUID caseId = CaseFixtures.awaitCase(this.jdbc, submission.id());

		for (int attempt = 1; attempt <= 8; attempt++) {
			int expected = attempt;
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				this.dispatcher.runOnce();
				return attemptsOf(system.id(), caseId, "case.opened") >= expected;
			});
			this.clock.advance(Duration.ofHours(2));
		}
		assertThat(statusOf(system.id(), caseId, "case.opened")).isEqualTo("DEAD");
		String eventId = openedFor(receiver, caseId).get(0).eventId();

		WebSession.Page deadLetters = admin.get("/intern/admin/schnittstellen/zustellungen");
		assertThat(deadLetters.status()).isEqualTo(200);
		assertThat(deadLetters.mainText()).contains("Gescheitert", eventId, "HTTP 500");

		receiver.failuresLeft.set(0);
		UUID deliveryId = this.jdbc.sql("""
				select d.id from webhook_delivery d where d.system_id = :s and d.event_id = :e""")
			.param("s", system.id())
			.param("e", UUID.fromString(eventId))
			.query(UUID.class)
			.single();
		WebSession.Page replayed = admin.submit("/intern/admin/schnittstellen/zustellungen/" + deliveryId + "/erneut",
				Map.of());
		assertThat(replayed.status()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			this.dispatcher.runOnce();
			return "DELIVERED".equals(statusOf(system.id(), caseId, "case.opened"));
		});
		List<Received> opened = openedFor(receiver, caseId);
		assertThat(opened).hasSize(9);
		assertThat(opened).extracting(Received::eventId).containsOnly(eventId);
		assertThat(admin.get("/intern/admin/schnittstellen/zustellungen").mainText()).doesNotContain(eventId);
	}

	private List<Received> openedFor(Receiver receiver, UUID caseId) {
		return receiver.of("case.opened").stream().filter((r) -> r.body().contains(caseId.toString())).toList();
	}

	private int attemptsOf(UUID systemId, UUID caseId, String type) {
		return this.jdbc.sql("""
				select coalesce(max(attempts), 0) from webhook_delivery
				 where system_id = :s and event_type = :t and payload like :c""")
			.param("s", systemId)
			.param("t", type)
			.param("c", "%" + caseId + "%")
			.query(Integer.class)
			.single();
	}

	private String statusOf(UUID systemId, UUID caseId, String type) {
		return this.jdbc.sql("""
				select status from webhook_delivery where system_id = :s and event_type = :t and payload like :c""")
			.param("s", systemId)
			.param("t", type)
			.param("c", "%" + caseId + "%")
			.query(String.class)
			.single();
	}

	private static String hmac(String secret, String data) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
	}

}
