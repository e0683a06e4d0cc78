package de.amtsweg.cases.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import de.amtsweg.accounts.CitizenAccounts;
import de.amtsweg.accounts.Colleague;
import de.amtsweg.accounts.Colleagues;
import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.accounts.StaffRole;
import de.amtsweg.cases.CaseOpened;
import de.amtsweg.cases.CaseResult;
import de.amtsweg.forms.PrefilledDrafts;
import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo requests of the demo citizens, one in each state a citizen and a clerk meet: just
 * arrived, in progress with a clerk, waiting for the citizen's answer to a Rückfrage,
 * decided with the notice in the citizen's account, closed. They go the real way: the
 * forms module submits (so the case opens through the normal intake after commit, which
 * is asynchronous), then the unit's demo clerk works the case through {@link CaseWork}
 * and {@link CaseQuestions}. The runner does not wait for the intake: a case that opens
 * later is moved on when its {@link CaseOpened} is committed. A form the citizen has
 * submitted already is not submitted again, so a second start adds nothing; a case not
 * yet moved on (the portal stopped in between) is moved on at the next start.
 */
@Component
@Order(DemoData.LATER_MODULES + 5)
@ConditionalOnBooleanProperty(DemoData.ENABLED)
class CasesDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CasesDemoData.class);

	/** Where a demo request ends up. */
	enum Stage {

		RECEIVED, IN_PROGRESS, QUESTION, DECIDED, CLOSED

	}

	/** A demo request: the form and how far its case is worked. */
	record Request(String formKey, Stage stage) {
	}

	static final List<Request> REQUESTS = List.of(new Request("meldebescheinigung", Stage.RECEIVED),
			new Request("veranstaltung-anzeige", Stage.IN_PROGRESS), new Request("kita-anmeldung", Stage.QUESTION),
			new Request("hundesteuer-anmeldung", Stage.DECIDED), new Request("geburtsurkunde", Stage.CLOSED));

	/** A demo citizen who has the requests. */
	record DemoCitizen(String municipalitySlug, String email, String name) {
	}

	static final List<DemoCitizen> CITIZENS = List.of(
			new DemoCitizen("musterstadt", "erika.mustermann@example.org", "Erika Mustermann"),
			new DemoCitizen("beispielheim", "anna.beispiel@example.org", "Anna Beispiel"));

	static final String QUESTION = "Bitte laden Sie die Geburtsurkunde Ihres Kindes hoch; "
			+ "wir brauchen sie für die Vergabe des Betreuungsplatzes.";

	private final boolean enabled;

	private final PrefilledDrafts submissions;

	private final CitizenAccounts citizens;

	private final Municipalities municipalities;

	private final CaseRepository cases;

	private final CaseWork work;

	private final CaseQuestions questions;

	private final Colleagues colleagues;

	private final TaskService tasks;

	private final TransactionTemplate transactions;

	private final java.time.Clock clock;

	/** Submissions whose case is to be moved on when it opens. */
	private final Map<UUID, Stage> pending = new ConcurrentHashMap<>();

	CasesDemoData(@Value("${amtsweg.demo-data.cases:true}") boolean enabled, PrefilledDrafts submissions,
			CitizenAccounts citizens, Municipalities municipalities, CaseRepository cases, CaseWork work,
			CaseQuestions questions, Colleagues colleagues, TaskService tasks, TransactionTemplate transactions,
			java.time.Clock clock) {
		this.enabled = enabled;
		this.submissions = submissions;
		this.citizens = citizens;
		this.municipalities = municipalities;
		this.cases = cases;
		this.work = work;
		this.questions = questions;
		this.colleagues = colleagues;
		this.tasks = tasks;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled) {
			return;
		}
		SystemActor.run(() -> {
			int created = 0;
			for (DemoCitizen citizen : CITIZENS) {
				Optional<Municipality> municipality = this.municipalities.bySlug(citizen.municipalitySlug());
				Optional<UUID> account = this.citizens.idOf(citizen.email());
				if (municipality.isPresent() && account.isPresent()) {
					created += seed(municipality.get(), account.get(), citizen.name());
				}
			}
			if (created > 0) {
				log.info("Demo requests submitted: {}; their cases are moved on as they open", created);
			}
		});
	}

	/**
	 * Submits the demo requests the citizen has not made yet and moves on the cases that
	 * are open already.
	 * @return the number of requests submitted now
	 */
	int seed(Municipality municipality, UUID accountId, String name) {
		int created = 0;
		LocalDate today = LocalDate.now(this.clock);
		for (Request request : REQUESTS) {
			Optional<UUID> submitted = this.submissions.submittedBy(accountId, request.formKey());
			if (submitted.isEmpty()) {
				try {
					submitted = Optional.of(this.submissions.submit(municipality, request.formKey(), accountId,
							answers(request.formKey(), today, name), Locale.GERMAN));
					created++;
				}
				catch (RuntimeException ex) {
					// demo data must not stop the portal (e.g. a form an admin changed)
					log.warn("Demo request {} in {} not submitted: {}", request.formKey(), municipality.slug(),
							ex.getMessage());
					continue;
				}
			}
			this.pending.put(submitted.get(), request.stage());
			this.cases.findBySubmission(submitted.get()).ifPresent((file) -> moveOn(file.id(), request.stage()));
		}
		return created;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void opened(CaseOpened event) {
		Stage stage = this.pending.get(event.submissionId());
		if (stage != null) {
			SystemActor.run(() -> moveOn(event.caseId(), stage));
		}
	}

	/**
	 * Works the case as its unit's demo clerk until it reaches the stage; each step only
	 * if it is still open, so running it again changes nothing.
	 */
	synchronized void moveOn(UUID caseId, Stage stage) {
		if (stage == Stage.RECEIVED) {
			return;
		}
		try {
			this.transactions.executeWithoutResult((status) -> work(caseId, stage));
		}
		catch (RuntimeException ex) {
			log.warn("Demo case {} not moved on to {}: {}", caseId, stage, ex.getMessage());
		}
	}

	private void work(UUID caseId, Stage stage) {
		CaseFile file = this.cases.findById(caseId).orElseThrow();
		StaffPrincipal clerk = clerkOf(file);
		if (clerk == null) {
			log.warn("Demo case {}: no clerk in its unit", file.reference());
			return;
		}
		if (file.assigneeStaffId() == null) {
			this.work.claim(clerk, caseId);
		}
		complete(clerk, file, "check", null, null);
		if (stage == Stage.IN_PROGRESS) {
			return;
		}
		if (stage == Stage.QUESTION) {
			if (this.questions.ofCase(caseId).isEmpty()) {
				this.questions.ask(clerk, caseId, QUESTION, (LocalDate) null);
			}
			return;
		}
		complete(clerk, file, "decide", CaseResult.APPROVED, "Die Voraussetzungen liegen vor.");
		complete(clerk, file, "notice", null, null);
		if (stage == Stage.CLOSED) {
			complete(clerk, file, "close", null, null);
		}
	}

	private void complete(StaffPrincipal clerk, CaseFile file, String taskKey, @Nullable CaseResult result,
			@Nullable String reason) {
		if (file.processInstanceId() == null) {
			return;
		}
		Task task = this.tasks.createTaskQuery()
			.processInstanceId(file.processInstanceId())
			.taskDefinitionKey(taskKey)
			.singleResult();
		if (task != null) {
			this.work.complete(clerk, file.id(), task.getId(), result, reason, null);
		}
	}

	private @Nullable StaffPrincipal clerkOf(CaseFile file) {
		List<Colleague> clerks = this.colleagues.clerksOf(file.municipalityId(), file.orgUnitId());
		if (clerks.isEmpty()) {
			return null;
		}
		Colleague clerk = clerks.get(0);
		return new DemoClerk(clerk.staffId(), clerk.displayName(), file.municipalityId(),
				Map.of(file.orgUnitId(), Set.of(StaffRole.CLERK)));
	}

	/** The unit's demo clerk as the case services expect a signed-in member. */
	record DemoClerk(UUID staffId, String displayName, UUID municipalityId,
			Map<UUID, Set<StaffRole>> rolesByOrgUnit) implements StaffPrincipal {
	}

	/** Answers of the demo forms that the account's prefill does not give. */
	static Map<String, Object> answers(String formKey, LocalDate today, String name) {
		Map<String, Object> answers = new LinkedHashMap<>();
		switch (formKey) {
			case "meldebescheinigung" -> {
				answers.put("kind", "erweitert");
				answers.put("copies", "1");
				answers.put("delivery", "post");
			}
			case "veranstaltung-anzeige" -> {
				LocalDate day = today.plusWeeks(6);
				answers.put("eventName", "Sommerfest Heidestraße");
				answers.put("eventKind", "strassenfest");
				answers.put("startDate", date(day));
				answers.put("endDate", date(day));
				answers.put("times", "14 bis 22 Uhr");
				answers.put("location", "Heidestraße zwischen Nr. 1 und Nr. 30");
				answers.put("visitors", "250");
				answers.put("features", new ArrayList<>(List.of("musik")));
				answers.put("organiser", "Nachbarschaftsverein Heidestraße e. V.");
				answers.put("organiserAddress", address());
				answers.put("responsible", name);
				answers.put("responsiblePhone", "05121 123456");
			}
			case "kita-anmeldung" -> {
				answers.put("childGivenName", "Mia");
				answers.put("childFamilyName", familyName(name));
				answers.put("childBirthDate", date(today.minusYears(2).withDayOfMonth(1)));
				answers.put("specialNeeds", "no");
				answers.put("careStart", date(today.plusMonths(3).withDayOfMonth(1)));
				answers.put("hours", "6");
				answers.put("facilities", new ArrayList<>(List.of("sonnenschein", "regenbogen")));
				answers.put("secondParent", "no");
			}
			case "geburtsurkunde" -> {
				answers.put("relation", "selbst");
				answers.put("childGivenName", name.substring(0, name.lastIndexOf(' ') + 1).trim());
				answers.put("childFamilyName", familyName(name));
				answers.put("birthDate", date(LocalDate.of(1964, 8, 12)));
				answers.put("birthPlace", "Musterstadt");
				answers.put("certificates",
						new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("kind", "geburtsurkunde", "copies", "2")))));
				answers.put("purpose", "rente");
				answers.put("accountHolder", name);
				answers.put("iban", "DE89370400440532013000");
				answers.put("mandate", "true");
			}
			case "hundesteuer-anmeldung" -> {
				answers.put("dogs",
						new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("name", "Bello", "breed", "Mischling",
								"born", date(today.minusYears(3)), "since", date(today.minusMonths(1)), "chip",
								"276098106543210", "dangerous", "no")))));
				answers.put("accountHolder", name);
				answers.put("iban", "DE89370400440532013000");
				answers.put("mandate", "true");
			}
			default -> throw new IllegalArgumentException(formKey);
		}
		answers.put("truthful", "true");
		answers.put("privacy", "true");
		return answers;
	}

	private static String familyName(String name) {
		return name.substring(name.lastIndexOf(' ') + 1);
	}

	private static Map<String, String> date(LocalDate day) {
		return new LinkedHashMap<>(Map.of("day", String.valueOf(day.getDayOfMonth()), "month",
				String.valueOf(day.getMonthValue()), "year", String.valueOf(day.getYear())));
	}

	private static Map<String, String> address() {
		return new LinkedHashMap<>(
				Map.of("street", "Heidestraße", "houseNumber", "1", "postcode", "31999", "city", "Musterstadt"));
	}

}
