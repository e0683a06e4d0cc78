package de.amtsweg.cases.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.cases.CaseResult;
import de.amtsweg.cases.CaseStatus;
import de.amtsweg.cases.internal.CaseHandOver;
import de.amtsweg.cases.internal.CaseQuestions;
import de.amtsweg.cases.internal.CaseRepository;
import de.amtsweg.cases.internal.CaseWork;
import de.amtsweg.cases.internal.InboxQuery;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clerks' inbox ({@code /intern/vorgaenge}) and case page: cases of their org units
 * only, with filters, search and paging; claiming, handing back, notes, the route's
 * tasks, attachments and the notice.
 */
@Controller
class CaseInboxController {

	static final String PATH = "/intern/vorgaenge";

	private final CaseWork work;

	private final CaseQuestions questions;

	private final CaseHandOver handOver;

	private final java.time.Clock clock;

	private final org.springframework.context.MessageSource messages;

	CaseInboxController(CaseWork work, CaseQuestions questions, CaseHandOver handOver, java.time.Clock clock,
			org.springframework.context.MessageSource messages) {
		this.work = work;
		this.questions = questions;
		this.handOver = handOver;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping(PATH)
	String inbox(@AuthenticationPrincipal StaffPrincipal staff,
			@RequestParam(name = "status", required = false) @Nullable String status,
			@RequestParam(name = "formular", required = false) @Nullable String form,
			@RequestParam(name = "ueberfaellig", defaultValue = "false") boolean overdue,
			@RequestParam(name = "bearbeitung", defaultValue = "alle") String assignee,
			@RequestParam(name = "suche", required = false) @Nullable String search,
			@RequestParam(name = "seite", defaultValue = "1") int page, Model model) {
		Set<UUID> units = this.work.orgUnitsOf(staff);
		UUID municipalityId = staff.municipalityId();
		if (municipalityId == null) {
			throw new NotFoundException("Inbox of a portal operator");
		}
		CaseStatus statusFilter = Arrays.stream(CaseStatus.values())
			.filter((candidate) -> candidate.name().equals(status))
			.findFirst()
			.orElse(null);
		InboxQuery.Assignee whose = switch (assignee) {
			case "ich" -> InboxQuery.Assignee.ME;
			case "offen" -> InboxQuery.Assignee.UNASSIGNED;
			default -> InboxQuery.Assignee.ANYONE;
		};
		String query = (search != null && !search.isBlank()) ? search.trim() : null;
		String formKey = (form != null && !form.isBlank()) ? form : null;
		int pageNumber = Math.max(1, Math.min(page, 400));
		LocalDate today = LocalDate.now(this.clock);
		java.util.Map<UUID, String> deputising = this.work.deputisingFor(staff);
		CaseRepository.InboxPage result = (units.isEmpty() && deputising.isEmpty())
				? new CaseRepository.InboxPage(java.util.List.of(), 0, false)
				: this.work.inbox(staff,
						new InboxQuery(municipalityId, staff.staffId(), units, statusFilter, "ALL".equals(status),
								formKey, overdue ? today : null, whose, query, pageNumber, deputising.keySet()));
		model.addAttribute("page", result);
		model.addAttribute("deputising", deputising);
		model.addAttribute("today", today);
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("forms", this.work.formKeys(staff));
		model.addAttribute("units", this.work.unitsOf(staff));
		model.addAttribute("filter", new InboxFilter((status != null) ? status : "", (formKey != null) ? formKey : "",
				overdue, assignee, (query != null) ? query : ""));
		model.addAttribute("pageNumber", pageNumber);
		model.addAttribute("pages", Math.max(1, (result.total() + 24) / 25));
		return "cases/inbox";
	}

	@GetMapping(PATH + "/{id}")
	String caseFile(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id, Locale locale, Model model) {
		return page(staff, id, locale, model, new TaskForm(null, "", ""), new NoteForm(""));
	}

	private String page(StaffPrincipal staff, UUID id, Locale locale, Model model, TaskForm taskForm,
			NoteForm noteForm) {
		CaseWork.CaseDetails details = this.work.details(staff, id, locale);
		model.addAttribute("details", details);
		model.addAttribute("questions", this.questions.ofCase(details.file().id()));
		if (!model.containsAttribute("questionForm")) {
			model.addAttribute("questionForm",
					new QuestionForm("", GERMAN_DATE.format(this.questions.defaultReplyBy(staff, id))));
		}
		if (!model.containsAttribute("handOverForm")) {
			model.addAttribute("handOverForm", new HandOverForm(""));
		}
		java.util.Map<String, String> colleagues = new java.util.LinkedHashMap<>();
		colleagues.put("", this.messages.getMessage("cases.handOver.colleague.choose", null, locale));
		this.handOver.colleagues(staff, id)
			.forEach((colleague) -> colleagues.put(colleague.staffId().toString(), colleague.displayName()));
		model.addAttribute("colleagues", colleagues);
		model.addAttribute("today", LocalDate.now(this.clock));
		model.addAttribute("replyDays", this.questions.replyDays());
		model.addAttribute("me", staff.staffId());
		model.addAttribute("taskForm", taskForm);
		model.addAttribute("noteForm", noteForm);
		java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
		for (CaseResult result : CaseResult.values()) {
			options.put(result.name(), this.messages.getMessage(result.messageKey(), null, locale));
		}
		model.addAttribute("resultOptions", options);
		return "cases/case";
	}

	@PostMapping(PATH + "/{id}/uebernehmen")
	String claim(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id, RedirectAttributes redirect) {
		this.work.claim(staff, id);
		redirect.addFlashAttribute("notice", "cases.case.claimed");
		return "redirect:" + PATH + "/" + id;
	}

	@PostMapping(PATH + "/{id}/zurueckgeben")
	String release(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id, RedirectAttributes redirect) {
		this.work.release(staff, id);
		redirect.addFlashAttribute("notice", "cases.case.released");
		return "redirect:" + PATH;
	}

	@PostMapping(PATH + "/{id}/rueckfrage")
	String ask(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id,
			@ModelAttribute("questionForm") QuestionForm form, BindingResult binding, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.questions.ask(staff, id, form.question(), form.replyBy());
		}
		catch (InvalidInputException ex) {
			ex.addTo(binding);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", true);
			return page(staff, id, locale, model, new TaskForm(null, "", ""), new NoteForm(""));
		}
		redirect.addFlashAttribute("notice", "cases.question.sent");
		return "redirect:" + PATH + "/" + id;
	}

	@PostMapping(PATH + "/{id}/uebergeben")
	String handOver(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id,
			@ModelAttribute("handOverForm") HandOverForm form, BindingResult binding, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.handOver.handOver(staff, id, uuid(form.colleague()));
		}
		catch (InvalidInputException ex) {
			ex.addTo(binding);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", true);
			return page(staff, id, locale, model, new TaskForm(null, "", ""), new NoteForm(""));
		}
		redirect.addFlashAttribute("notice", "cases.handOver.done");
		return "redirect:" + PATH;
	}

	private static final java.time.format.DateTimeFormatter GERMAN_DATE = java.time.format.DateTimeFormatter
		.ofPattern("dd.MM.yyyy");

	private static @Nullable UUID uuid(@Nullable String text) {
		try {
			return (text == null || text.isBlank()) ? null : UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@PostMapping(PATH + "/{id}/notizen")
	String note(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id,
			@ModelAttribute("noteForm") NoteForm form, BindingResult binding, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.work.addNote(staff, id, form.text());
		}
		catch (InvalidInputException ex) {
			ex.addTo(binding);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", true);
			return page(staff, id, locale, model, new TaskForm(null, "", ""), form);
		}
		redirect.addFlashAttribute("notice", "cases.note.saved");
		return "redirect:" + PATH + "/" + id;
	}

	@PostMapping(PATH + "/{id}/aufgaben/{taskId}")
	String complete(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id, @PathVariable String taskId,
			@ModelAttribute("taskForm") TaskForm form, BindingResult binding, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.work.complete(staff, id, taskId, form.result(), form.reason(), form.noticeText());
		}
		catch (InvalidInputException ex) {
			ex.addTo(binding);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", true);
			return page(staff, id, locale, model, form, new NoteForm(""));
		}
		redirect.addFlashAttribute("notice", "cases.task.completed");
		return "redirect:" + PATH + "/" + id;
	}

	@GetMapping(PATH + "/{id}/anlagen/{attachmentId}")
	ResponseEntity<byte[]> attachment(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id,
			@PathVariable UUID attachmentId) {
		return download(this.work.attachment(staff, id, attachmentId));
	}

	@GetMapping(PATH + "/{id}/bescheid")
	ResponseEntity<byte[]> notice(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id) {
		return download(this.work.notice(staff, id));
	}

	static ResponseEntity<byte[]> download(CaseWork.Download download) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(download.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(download.content());
	}

	@ExceptionHandler(CaseWork.NotAssignedException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String notAssigned(jakarta.servlet.http.HttpServletRequest request, Model model) {
		// exception handlers get no model from the advice; the layout needs its language
		// links, which lead to the case page (the refused request was a POST)
		String casePage = request.getRequestURI().replaceFirst("^(" + PATH + "/[0-9a-f-]{36}).*$", "$1");
		model.addAttribute("languageLinks", new LanguageLinks(casePage + "?sprache=de", casePage + "?sprache=en"));
		model.addAttribute("portalName", "Amtsweg");
		return "cases/not-assigned";
	}

	/**
	 * The layout's language links on the not-assigned page.
	 *
	 * @param german the page in German
	 * @param english the page in English
	 */
	record LanguageLinks(String german, String english) {
	}

	/**
	 * The inbox's filters as chosen.
	 *
	 * @param status status name, {@code ALL} or empty (open ones)
	 * @param form form key or empty
	 * @param overdue only overdue cases
	 * @param assignee {@code alle}, {@code ich} or {@code offen}
	 * @param search search words
	 */
	record InboxFilter(String status, String form, boolean overdue, String assignee, String search) {
	}

	/**
	 * Completing a task.
	 *
	 * @param result the decision (task "decide")
	 * @param reason why (task "decide")
	 * @param noticeText text added to the notice (task "notice")
	 */
	record TaskForm(@Nullable CaseResult result, @Nullable String reason, @Nullable String noticeText) {
	}

	/**
	 * An internal note.
	 *
	 * @param text the note
	 */
	record NoteForm(String text) {
	}

	/**
	 * A Rückfrage.
	 *
	 * @param question the question
	 * @param replyBy the last day for the answer
	 */
	record QuestionForm(String question, String replyBy) {

		QuestionForm {
			question = (question != null) ? question : "";
			replyBy = (replyBy != null) ? replyBy : "";
		}

	}

	/**
	 * Handing over.
	 *
	 * @param colleague the colleague's staff id
	 */
	record HandOverForm(String colleague) {

		HandOverForm {
			colleague = (colleague != null) ? colleague : "";
		}

	}

}
