package de.amtsweg.postbox;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import de.amtsweg.platform.AuditEntry;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Sha256;
import de.amtsweg.postbox.internal.ReplyReminders;
import de.amtsweg.support.RealClamd;
import de.amtsweg.support.TestMailServer;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import static org.assertj.core.api.Assertions.assertThat;

class PostboxTests extends PostboxTestSupport {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	AuditLog auditLog;

	@Autowired
	ReplyReminders reminders;

	private final List<CitizenReplied> replies = new CopyOnWriteArrayList<>();

	private final ApplicationListener<PayloadApplicationEvent<CitizenReplied>> listener = (event) -> this.replies
		.add(event.getPayload());

	@BeforeEach
	void listen() {
		this.context.addApplicationListener(this.listener);
	}

	@AfterEach
	void stopListening() {
		this.context.removeApplicationListener(this.listener);
	}

	@Test
	void aQuestionOfTheTownHallReachesTheCitizenByAMailThatHoldsOnlyTheLink() {
		String subject = unique("Rückfrage zu Ihrem Antrag");
		UUID threadId = questionTo(ERIKA, subject, "Geheimer Inhalt: Ihre Steuernummer fehlt.",
				LocalDate.now(this.clock).plusDays(10));

		TestMailServer.ReceivedMail mail = mailContaining(ERIKA, "Neue Nachricht in Ihrem Postfach",
				threadId.toString());
		assertThat(mail.body()).contains(baseUrl() + "/konto/postfach/" + threadId, "Bürgerbüro")
			.doesNotContain("Steuernummer", subject);

		WebSession erika = citizen(ERIKA);
		WebSession.Page list = erika.get("/konto/postfach");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.mainText()).contains(subject, "1 ungelesen", "Antwort bis");
		WebSession.Page thread = erika.get("/konto/postfach/" + threadId);
		assertThat(thread.status()).isEqualTo(200);
		assertThat(thread.mainText()).contains("Ihre Steuernummer fehlt", "Bitte antworten Sie bis zum");
		assertThat(this.postbox.threadsOfTopic(musterstadt(), topicOf(threadId))).singleElement()
			.satisfies((summary) -> assertThat(summary.unreadForCitizen()).isZero());
		assertThat(this.auditLog.forRecord("postbox-thread", threadId.toString()))
			.extracting(AuditEntry::action, AuditEntry::actor)
			.contains(org.assertj.core.groups.Tuple.tuple("postbox.thread.read", "citizen:" + accountId(ERIKA)));
	}

	@Test
	void theCitizensAnswerWithAFileReachesTheClerkUnreadFirstAndPublishesCitizenReplied() {
		String subject = unique("Nachweis fehlt");
		UUID threadId = questionTo(ERIKA, subject, "Bitte laden Sie den Nachweis hoch.",
				LocalDate.now(this.clock).plusDays(10));
		WebSession erika = citizen(ERIKA);

		int status = replyWithFile(erika, "/konto/postfach/" + threadId, "Anbei der Nachweis.", "nachweis.pdf", PDF);

		assertThat(status).isEqualTo(302);
		assertThat(this.replies).anySatisfy((reply) -> {
			assertThat(reply.threadId()).isEqualTo(threadId);
			assertThat(reply.topic()).startsWith("case:");
			assertThat(reply.attachmentCount()).isEqualTo(1);
		});
		assertThat(erika.get("/konto/postfach/" + threadId).mainText()).contains("Beantwortet", "nachweis.pdf");

		WebSession clerk = staff(BUERGERBUERO_CLERK);
		WebSession.Page inbox = clerk.get("/intern/postfach");
		assertThat(inbox.status()).isEqualTo(200);
		// Unread threads come first; other tests' threads share the list, so check the
		// order
		// rather than the position: no read thread stands before this one, which is
		// unread.
		List<org.jsoup.nodes.Element> rows = inbox.document().select("tbody tr");
		int row = IntStream.range(0, rows.size())
			.filter((i) -> rows.get(i).text().contains(subject))
			.findFirst()
			.orElseThrow();
		assertThat(rows.subList(0, row + 1))
			.allSatisfy((tr) -> assertThat(Integer.parseInt(tr.select("td").get(2).text())).isPositive());
		WebSession.Page thread = clerk.get("/intern/postfach/" + threadId);
		assertThat(thread.mainText()).contains("Anbei der Nachweis.", "nachweis.pdf");
		String href = thread.document().select("a:contains(nachweis.pdf)").attr("href");
		HttpResponse<byte[]> file = clerk.download(href);
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo(PDF);
		assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).startsWith("attachment").contains("nachweis.pdf"));
		assertThat(this.postbox.threadsOfTopic(musterstadt(), topicOf(threadId))).singleElement()
			.satisfies((summary) -> assertThat(summary.unreadForStaff()).isZero());
	}

	@Test
	void aFileThatIsNoPdfJpegOrPngIsRefusedWhateverItsName() {
		UUID threadId = questionTo(ERIKA, unique("Rückfrage"), "Bitte Nachweis.", LocalDate.now(this.clock));
		WebSession erika = citizen(ERIKA);

		int status = replyWithFile(erika, "/konto/postfach/" + threadId, "Hier.", "nachweis.pdf",
				"MZ not a pdf".getBytes());

		assertThat(status).isEqualTo(400);
		assertThat(erika.get("/konto/postfach/" + threadId).mainText()).doesNotContain("Hier.");
	}

	@Test
	void anInfectedAnswerToARueckfrageIsRefusedWithAMessageAndTheRefusalIsAudited() {
		this.virusScanner.useRealClamd();
		UUID threadId = questionTo(ERIKA, unique("Rückfrage"), "Bitte Nachweis.", LocalDate.now(this.clock));
		WebSession erika = citizen(ERIKA);
		byte[] infected = ("%PDF-1.4\n% " + UUID.randomUUID() + "\n" + RealClamd.EICAR)
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

		erika.get("/konto/postfach/" + threadId);
		HttpResponse<byte[]> response = erika.postMultipart("/konto/postfach/" + threadId,
				Map.of("_csrf", erika.csrfToken(), "text", "Verseucht."), "attachments", "nachweis.pdf",
				"application/pdf", infected);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
			.contains("Die Datei „nachweis.pdf“ enthält Schadsoftware und wurde nicht angenommen.");
		assertThat(erika.get("/konto/postfach/" + threadId).mainText()).doesNotContain("Verseucht.");
		assertThat(this.auditLog.forRecord("upload", Sha256.hex(infected))).extracting(AuditEntry::action)
			.containsExactly("upload.infected");
	}

	@Test
	void anEmptyReplyIsExplainedNextToTheField() {
		UUID threadId = questionTo(ERIKA, unique("Rückfrage"), "Bitte Nachweis.", LocalDate.now(this.clock));
		WebSession erika = citizen(ERIKA);
		erika.get("/konto/postfach/" + threadId);

		WebSession.Page refused = erika.submit("/konto/postfach/" + threadId, Map.of("text", " "));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.title()).startsWith("Fehler: ");
		assertThat(refused.document().select(".error-summary a[href=#text]").text())
			.isEqualTo("Geben Sie Ihre Nachricht ein.");
	}

	@Test
	void anotherCitizenGetsNotFoundForTheThreadItsAnswerAndItsFiles() {
		UUID threadId = questionTo(ERIKA, unique("Rückfrage"), "Nur für Erika.", LocalDate.now(this.clock));
		WebSession erika = citizen(ERIKA);
		replyWithFile(erika, "/konto/postfach/" + threadId, "Anbei.", "nachweis.pdf", PDF);
		String href = erika.get("/konto/postfach/" + threadId)
			.document()
			.select("a:contains(nachweis.pdf)")
			.attr("href");

		WebSession max = citizen(MAX);
		assertThat(max.get("/konto/postfach/" + threadId).status()).isEqualTo(404);
		assertThat(max.download(href).statusCode()).isEqualTo(404);
		String csrf = max.get("/konto/postfach").document().select("input[name=_csrf]").val();
		assertThat(max.post("/konto/postfach/" + threadId, Map.of("_csrf", csrf, "text", "Fremd")).status())
			.isEqualTo(404);
		assertThat(max.get("/konto/postfach").mainText()).doesNotContain("Nur für Erika");
		assertThat(this.replies).filteredOn((reply) -> reply.threadId().equals(threadId)).hasSize(1);
	}

	@Test
	void aClerkOfAnotherOrgUnitGetsNotFound() {
		UUID threadId = questionTo(ERIKA, unique("Rückfrage"), "Bürgerbüro intern.", LocalDate.now(this.clock));
		WebSession erika = citizen(ERIKA);
		replyWithFile(erika, "/konto/postfach/" + threadId, "Anbei.", "nachweis.pdf", PDF);
		String href = erika.get("/konto/postfach/" + threadId)
			.document()
			.select("a:contains(nachweis.pdf)")
			.attr("href")
			.replace("/konto/", "/intern/");

		WebSession other = staff(STANDESAMT_CLERK);
		assertThat(other.get("/intern/postfach/" + threadId).status()).isEqualTo(404);
		assertThat(other.download(href).statusCode()).isEqualTo(404);
		String csrf = other.get("/intern/postfach").document().select("input[name=_csrf]").val();
		assertThat(other.post("/intern/postfach/" + threadId, Map.of("_csrf", csrf, "text", "Fremd")).status())
			.isEqualTo(404);
		assertThat(other.get("/intern/postfach").mainText()).doesNotContain("Bürgerbüro intern");
		assertThat(this.auditLog.forRecord("postbox-thread", threadId.toString())).extracting(AuditEntry::action)
			.as("the refusals outlive the rolled-back requests")
			.contains("postbox.thread.refused");
		assertThat(staff(BUERGERBUERO_CLERK).get("/intern/postfach/" + threadId).status()).isEqualTo(200);
	}

	@Test
	void aClerkStartsAThreadWithAGuestWhoAnswersByTheMailedLinkUntilItExpires() {
		String guest = freshAddress("gast");
		String subject = unique("Ihre Anfrage");
		WebSession clerk = staff(BUERGERBUERO_CLERK);
		clerk.get("/intern/postfach/neu");
		WebSession.Page started = clerk.submit("/intern/postfach/neu",
				Map.of("orgUnitId", unit("buergerbuero").toString(), "email", guest, "subject", subject, "text",
						"Wir brauchen Ihre Unterschrift.", "replyBy", ""));
		assertThat(started.location()).hasValueSatisfying((l) -> assertThat(l).contains("/intern/postfach/"));

		TestMailServer.ReceivedMail mail = TestMailServer.awaitMail(guest, "Neue Nachricht in Ihrem Postfach");
		assertThat(mail.body()).doesNotContain("Unterschrift", subject);
		String link = mail.link(baseUrl() + "/postfach/gast?zugang=");
		WebSession guestSession = newSession();
		WebSession.Page opened = guestSession.open(link);
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.mainText()).contains("Wir brauchen Ihre Unterschrift.");
		String threadPath = guestSession.get(link).location().orElseThrow().replace(baseUrl(), "");
		guestSession.get(threadPath);
		assertThat(guestSession.submit(threadPath, Map.of("text", "Kommt per Post.")).status()).isEqualTo(302);
		assertThat(clerk.get(threadPath.replace("/postfach/gast/", "/intern/postfach/")).mainText())
			.contains("Kommt per Post.", guest);

		WebSession stranger = newSession();
		assertThat(stranger.get(threadPath).status()).isEqualTo(404);
		assertThat(stranger.get("/postfach/gast?zugang=falsch").status()).isEqualTo(404);
		assertThat(stranger.get(link.replace("zugang=", "zugang=x")).status()).isEqualTo(404);

		this.clock.advance(Duration.ofDays(31));
		assertThat(newSession().get(link).status()).isEqualTo(404);
		assertThat(guestSession.get(threadPath).status()).isEqualTo(404);
	}

	@Test
	void aReplyByDateIsRemindedOnceTwoDaysBeforeAndLapsesAfter() {
		String guest = freshAddress("frist");
		UUID threadId = questionToGuest(guest, unique("Unterlagen"), LocalDate.now(this.clock).plusDays(5));
		TestMailServer.awaitMail(guest, "Neue Nachricht");

		this.reminders.sendDue();
		assertThat(TestMailServer.mailsTo(guest)).noneMatch((mail) -> mail.subject().contains("Erinnerung"));

		this.clock.advance(Duration.ofDays(3));
		this.reminders.sendDue();
		this.reminders.sendDue();
		TestMailServer.ReceivedMail reminder = TestMailServer.awaitMail(guest, "Erinnerung");
		assertThat(reminder.body()).contains(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")
			.format(LocalDate.now(this.clock).plusDays(2)));
		this.clock.advance(Duration.ofDays(1));
		this.reminders.sendDue();
		assertThat(TestMailServer.mailsTo(guest)).filteredOn((mail) -> mail.subject().contains("Erinnerung"))
			.hasSize(1);

		this.clock.advance(Duration.ofDays(2));
		WebSession clerk = staff(BUERGERBUERO_CLERK);
		assertThat(clerk.get("/intern/postfach/" + threadId).mainText()).contains("abgelaufen");
	}

	@Test
	void membersOfAnOrganisationShareItsThreads() {
		WebSession erika = citizen(ERIKA);
		erika.get("/konto/organisationen/neu");
		String organisation = unique("Musterbau GmbH");
		WebSession.Page created = erika.submit("/konto/organisationen/neu",
				Map.of("name", organisation, "legalForm", "GMBH", "registerNumber", "", "street", "Hauptstraße 1",
						"postcode", "31999", "city", "Musterstadt", "email", freshAddress("info"), "phone", ""));
		String organisationPath = created.location().orElseThrow().replace(baseUrl(), "");
		erika.get(organisationPath);
		erika.submit(organisationPath + "/mitglieder", Map.of("email", MAX, "role", "MEMBER"));
		String organisationId = organisationPath.substring(organisationPath.lastIndexOf('/') + 1);

		String subject = unique("Bauvoranfrage");
		erika.get("/gemeinde/musterstadt");
		erika.get("/konto/postfach/neu");
		WebSession.Page sent = erika.submit("/konto/postfach/neu", Map.of("orgUnitId", unit("bauamt").toString(),
				"organisationId", organisationId, "subject", subject, "text", "Dürfen wir anbauen?"));
		assertThat(sent.status()).isEqualTo(302);
		String threadPath = sent.location().orElseThrow().replace(baseUrl(), "");

		WebSession max = citizen(MAX);
		assertThat(max.get("/konto/postfach").mainText()).contains(subject, organisation);
		assertThat(max.get(threadPath).mainText()).contains("Dürfen wir anbauen?");
		assertThat(citizen("anna.beispiel@example.org").get(threadPath).status()).isEqualTo(404);
	}

	@Test
	void theAccountHomeShowsAnOpenReplyByTaskOnTopOfTheTimeline() {
		String paul = "paul.beispiel@example.org";
		String older = unique("Allgemeine Auskunft");
		String task = unique("Unterlagen nachreichen");
		questionTo(paul, task, "Bitte reichen Sie nach.", LocalDate.now(this.clock).plusDays(7));
		this.clock.advance(Duration.ofMinutes(5));
		questionTo(paul, older, "Zur Information.", null);

		WebSession.Page home = citizen(paul).get("/konto");

		assertThat(home.status()).isEqualTo(200);
		List<String> entries = home.document().select("main ol.list > li").eachText();
		assertThat(entries.get(0)).contains(task, "Antwort erbeten bis", "fällig am");
		assertThat(entries.get(1)).contains(older, "1 ungelesene Nachricht");
	}

	private String topicOf(UUID threadId) {
		return this.jdbc.sql("select topic from postbox_thread where id = :id")
			.param("id", threadId)
			.query(String.class)
			.single();
	}

}
