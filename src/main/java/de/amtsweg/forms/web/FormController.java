package de.amtsweg.forms.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import de.amtsweg.forms.internal.AnswerDisplay;
import de.amtsweg.forms.internal.Answers;
import de.amtsweg.forms.internal.Applicant;
import de.amtsweg.forms.internal.Draft;
import de.amtsweg.forms.internal.FieldError;
import de.amtsweg.forms.internal.FormEngine;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.FormFilling.Loaded;
import de.amtsweg.forms.internal.FormVersion;
import de.amtsweg.forms.internal.IncompleteAnswersException;
import de.amtsweg.forms.internal.ReceiptDocument;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.forms.internal.SubmissionHolds;
import de.amtsweg.forms.internal.SubmissionRateLimits;
import de.amtsweg.forms.internal.definition.FormDefinition;
import de.amtsweg.forms.internal.definition.FormDefinition.Page;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.ProofOfWork;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Filling in a form, GOV.UK style: a start page, one topic per page with back and
 * forward, a check-your-answers page with change links, and a receipt. Works without
 * JavaScript; every successful POST redirects.
 */
@Controller
class FormController {

	static final String KEY = "{key:[a-z0-9]+(?:-[a-z0-9]+)*}";

	static final String DRAFT = "{draftId:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}";

	static final String PAGE = "{pageId:[a-z0-9]+(?:-[a-z0-9]+)*}";

	static final String POW_PURPOSE = "forms.submission";

	private final FormFilling filling;

	private final FieldViews views;

	private final MessageSource messages;

	private final FormFiles files;

	private final ReceiptDocument receipts;

	private final ProofOfWork proofOfWork;

	private final SubmissionRateLimits rateLimits;

	private final SubmissionHolds holds;

	FormController(FormFilling filling, FieldViews views, MessageSource messages, FormFiles files,
			ReceiptDocument receipts, ProofOfWork proofOfWork, SubmissionRateLimits rateLimits, SubmissionHolds holds) {
		this.holds = holds;
		this.receipts = receipts;
		this.proofOfWork = proofOfWork;
		this.rateLimits = rateLimits;
		this.filling = filling;
		this.views = views;
		this.messages = messages;
		this.files = files;
	}

	@GetMapping("/antrag/" + KEY)
	String start(@PathVariable String key, Municipality municipality, @Nullable Authentication authentication,
			Locale locale, Model model) {
		FormVersion version = this.filling.publishedForm(municipality, key);
		FormDefinition definition = version.definition();
		model.addAttribute("key", key);
		model.addAttribute("formTitle", definition.title().in(locale));
		model.addAttribute("summary", text(definition.summary(), locale));
		model.addAttribute("beforeYouStart", definition.beforeYouStart().stream().map((t) -> t.in(locale)).toList());
		model.addAttribute("intro", text(definition.local().intro(), locale));
		model.addAttribute("contact", text(definition.local().contact(), locale));
		model.addAttribute("hasFiles", definition.pages().stream().anyMatch(FormFiles::hasFiles));
		UUID accountId = ApplicantSession.accountId(authentication);
		model.addAttribute("signedIn", accountId != null);
		model.addAttribute("drafts", (accountId != null) ? this.filling.draftsOf(accountId)
			.stream()
			.filter((draft) -> draft.formKey().equals(key) && draft.municipalitySlug().equals(municipality.slug()))
			.toList() : List.of());
		return "forms/start";
	}

	@PostMapping("/antrag/" + KEY)
	String begin(@PathVariable String key, Municipality municipality, @Nullable Authentication authentication,
			HttpSession session) {
		Draft draft = this.filling.start(municipality, key, ApplicantSession.accountId(authentication));
		if (draft.accountId() == null) {
			ApplicantSession.rememberDraft(session, draft.id());
		}
		FormVersion version = this.filling.publishedForm(municipality, key);
		Page first = this.filling.engine(version).visiblePages(draft.answers()).get(0);
		return "redirect:" + pagePath(key, draft.id(), first.id());
	}

	@GetMapping("/antrag/" + KEY + "/" + DRAFT + "/" + PAGE)
	String page(@PathVariable String key, @PathVariable UUID draftId, @PathVariable String pageId,
			@RequestParam(name = "aendern", required = false) @Nullable String change, Municipality municipality,
			@Nullable Authentication authentication, HttpSession session, Locale locale, Model model) {
		Loaded loaded = this.filling.load(municipality, key, draftId, ApplicantSession.of(authentication, session));
		FormEngine engine = this.filling.engine(loaded.version());
		Page page = visiblePage(engine, loaded.draft().answers(), pageId);
		return renderPage(loaded, engine, page, loaded.draft().answers(), List.of(), change != null, locale, model);
	}

	@PostMapping("/antrag/" + KEY + "/" + DRAFT + "/" + PAGE)
	String savePage(@PathVariable String key, @PathVariable UUID draftId, @PathVariable String pageId,
			@RequestParam MultiValueMap<String, String> posted,
			@RequestParam(name = "aktion", defaultValue = "weiter") String action,
			@RequestParam(name = "aendern", required = false) @Nullable String change, Municipality municipality,
			@Nullable Authentication authentication, HttpServletRequest request, HttpServletResponse response,
			HttpSession session, Locale locale, Model model) {
		Loaded loaded = this.filling.load(municipality, key, draftId, ApplicantSession.of(authentication, session));
		FormEngine engine = this.filling.engine(loaded.version());
		Answers answers = loaded.draft().answers();
		Page page = visiblePage(engine, answers, pageId);
		PageInput.read(page, posted, answers);
		String here = pagePath(key, draftId, pageId) + ((change != null) ? "?aendern" : "");
		FormFiles.Outcome upload = this.files.handle(loaded, page, action, request, answers, locale);
		if (upload != null) {
			this.filling.save(loaded, answers);
			if (upload.errors().isEmpty()) {
				return "redirect:" + here + "#" + upload.anchor();
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return renderPage(loaded, engine, page, answers, upload.errors(), change != null, locale, model);
		}
		if (action.startsWith("hinzufuegen:") || action.startsWith("entfernen:")) {
			String anchor = changeGroup(page, action, answers);
			this.filling.save(loaded, answers);
			return "redirect:" + here + "#" + anchor;
		}
		this.filling.save(loaded, answers);
		if (action.equals("speichern")) {
			return (loaded.draft().accountId() != null) ? "redirect:/konto/antraege/entwuerfe?gespeichert"
					: "redirect:/antrag/" + key + "/" + draftId + "/speichern";
		}
		List<FieldError> errors = engine.validate(page, answers);
		if (!errors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return renderPage(loaded, engine, page, answers, errors, change != null, locale, model);
		}
		if (change != null) {
			return "redirect:" + checkPath(key, draftId);
		}
		List<Page> visible = engine.visiblePages(answers);
		int index = visible.indexOf(page);
		return "redirect:" + ((index + 1 < visible.size()) ? pagePath(key, draftId, visible.get(index + 1).id())
				: checkPath(key, draftId));
	}

	@GetMapping("/antrag/" + KEY + "/" + DRAFT + "/pruefen")
	String check(@PathVariable String key, @PathVariable UUID draftId, Municipality municipality,
			@Nullable Authentication authentication, HttpSession session, Locale locale, Model model) {
		Loaded loaded = this.filling.load(municipality, key, draftId, ApplicantSession.of(authentication, session));
		FormEngine engine = this.filling.engine(loaded.version());
		Answers answers = loaded.draft().answers();
		FormEngine.PageProblems problems = engine.firstInvalidPage(answers);
		if (problems != null) {
			return "redirect:" + pagePath(key, draftId, problems.page().id());
		}
		AnswerDisplay display = new AnswerDisplay(engine, this.messages, locale, this.files.names(loaded));
		List<Page> visible = engine.visiblePages(answers);
		model.addAttribute("key", key);
		model.addAttribute("draftId", draftId);
		model.addAttribute("formTitle", loaded.version().definition().title().in(locale));
		model.addAttribute("sections", display.sections(answers));
		model.addAttribute("computed", display.computed(answers));
		model.addAttribute("idempotencyKey", loaded.draft().idempotencyKey());
		model.addAttribute("backLink", pagePath(key, draftId, visible.get(visible.size() - 1).id()));
		model.addAttribute("signedIn", loaded.draft().accountId() != null);
		model.addAttribute("powChallenge", this.proofOfWork.issue(POW_PURPOSE).token());
		model.addAttribute("powDifficulty", this.proofOfWork.difficulty());
		return "forms/check";
	}

	@PostMapping("/antrag/" + KEY + "/" + DRAFT + "/absenden")
	String submit(@PathVariable String key, @PathVariable UUID draftId,
			@RequestParam(name = "idempotencyKey", required = false) @Nullable String idempotencyKey,
			@RequestParam(name = ProofOfWork.CHALLENGE_FIELD, required = false) @Nullable String challenge,
			@RequestParam(name = ProofOfWork.SOLUTION_FIELD, required = false) @Nullable String solution,
			Municipality municipality, @Nullable Authentication authentication, HttpSession session,
			HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
		UUID requestKey = uuid(idempotencyKey);
		if (requestKey == null) {
			return "redirect:" + checkPath(key, draftId);
		}
		Applicant applicant = ApplicantSession.of(authentication, session);
		// A repeated request (double click, retry) gets the first one's receipt and is
		// not
		// counted again; its challenge is used up by then anyway.
		if (!this.filling.isSubmitted(municipality, requestKey)) {
			ProofOfWork.Verdict verdict = this.proofOfWork.verify(POW_PURPOSE, challenge, solution);
			if (!this.rateLimits.attempt(request.getRemoteAddr(), verdict)) {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				model.addAttribute("formTitle",
						this.filling.publishedForm(municipality, key).definition().title().in(locale));
				model.addAttribute("checkPath", checkPath(key, draftId));
				return "forms/rate-limited";
			}
		}
		try {
			Submission submission = this.filling.submit(municipality, key, draftId, requestKey, applicant, locale);
			if (submission.accountId() == null) {
				ApplicantSession.rememberSubmission(session, submission.id());
			}
			return "redirect:/antrag/eingang/" + submission.id();
		}
		catch (IncompleteAnswersException ex) {
			return "redirect:" + pagePath(key, draftId, ex.pageId());
		}
	}

	@GetMapping("/antrag/" + KEY + "/" + DRAFT + "/" + "verwerfen")
	String confirmDiscard(@PathVariable String key, @PathVariable UUID draftId, Municipality municipality,
			@Nullable Authentication authentication, HttpSession session, Locale locale, Model model) {
		Loaded loaded = this.filling.load(municipality, key, draftId, ApplicantSession.of(authentication, session));
		model.addAttribute("key", key);
		model.addAttribute("draftId", draftId);
		model.addAttribute("formTitle", loaded.version().definition().title().in(locale));
		return "forms/discard";
	}

	@PostMapping("/antrag/" + KEY + "/" + DRAFT + "/" + "verwerfen")
	String discard(@PathVariable String key, @PathVariable UUID draftId, Municipality municipality,
			@Nullable Authentication authentication, HttpSession session) {
		Loaded loaded = this.filling.load(municipality, key, draftId, ApplicantSession.of(authentication, session));
		this.filling.discard(loaded);
		return (loaded.draft().accountId() != null) ? "redirect:/konto/antraege/entwuerfe?verworfen"
				: "redirect:/antrag/" + key;
	}

	@GetMapping("/antrag/eingang/{submissionId}")
	String receipt(@PathVariable String submissionId, Municipality municipality,
			@Nullable Authentication authentication, HttpSession session, Locale locale, Model model) {
		Submission submission = this.filling.submission(municipality, requireUuid(submissionId),
				ApplicantSession.of(authentication, session));
		FormVersion version = this.filling.versionOf(submission);
		// fee before submission: no receipt until paid; to the payment, or why it expired
		String hold = this.holds.hold(submission.id()).orElse(null);
		if (hold != null) {
			model.addAttribute("submission", submission);
			model.addAttribute("formTitle", version.definition().title().in(locale));
			model.addAttribute("formKey", version.key());
			return this.holds.payPath(submission.id()).map((path) -> "redirect:" + path).orElse("forms/held-expired");
		}
		model.addAttribute("submission", submission);
		model.addAttribute("formTitle", version.definition().title().in(locale));
		model.addAttribute("afterSubmit", text(version.definition().local().afterSubmit(), locale));
		model.addAttribute("signedIn", submission.accountId() != null);
		return "forms/receipt";
	}

	@GetMapping("/antrag/eingang/{submissionId}/eingangsbestaetigung.pdf")
	ResponseEntity<byte[]> receiptPdf(@PathVariable String submissionId, Municipality municipality,
			@Nullable Authentication authentication, HttpSession session, Locale locale) {
		Submission submission = this.filling.submission(municipality, requireUuid(submissionId),
				ApplicantSession.of(authentication, session));
		if (this.holds.hold(submission.id()).isPresent()) {
			throw new NotFoundException("Receipt of held submission " + submissionId);
		}
		byte[] pdf = this.receipts.pdf(submission, municipality, locale, this.files.names(submission));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("Eingangsbestaetigung-" + submission.reference() + ".pdf")
						.build()
						.toString())
			.cacheControl(CacheControl.noStore())
			.body(pdf);
	}

	private String renderPage(Loaded loaded, FormEngine engine, Page page, Answers answers, List<FieldError> errors,
			boolean change, Locale locale, Model model) {
		String key = loaded.version().key();
		UUID draftId = loaded.draft().id();
		List<Page> visible = engine.visiblePages(answers);
		int index = visible.indexOf(page);
		String back = change ? checkPath(key, draftId)
				: ((index > 0) ? pagePath(key, draftId, visible.get(index - 1).id()) : "/antrag/" + key);
		Function<String, FieldView.FileView> fileViews = this.files.views(loaded);
		model.addAttribute("key", key);
		model.addAttribute("draftId", draftId);
		model.addAttribute("formTitle", loaded.version().definition().title().in(locale));
		model.addAttribute("pageTitle", page.title().in(locale));
		model.addAttribute("pageHint", text(page.hint(), locale));
		model.addAttribute("fields", this.views.page(engine, page, answers, errors, locale, fileViews));
		model.addAttribute("errors", this.views.summary(errors, locale));
		model.addAttribute("action", pagePath(key, draftId, page.id()) + (change ? "?aendern" : ""));
		model.addAttribute("backLink", back);
		model.addAttribute("multipart", FormFiles.hasFiles(page));
		model.addAttribute("step", index + 1);
		model.addAttribute("steps", visible.size());
		model.addAttribute("signedIn", loaded.draft().accountId() != null);
		return "forms/page";
	}

	/** Adds or removes an entry of a group; returns where the page should scroll to. */
	private static String changeGroup(Page page, String action, Answers answers) {
		String[] parts = action.split(":");
		FormDefinition.Field group = page.fields()
			.stream()
			.filter((field) -> field.isGroup() && parts.length > 1 && field.id().equals(parts[1]))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Group " + action));
		List<Map<String, Object>> items = new ArrayList<>(answers.items(group.id()));
		if (parts[0].equals("hinzufuegen")) {
			if (group.maxItems() == null || items.size() < group.maxItems()) {
				items.add(new LinkedHashMap<>());
			}
			answers.put(group.id(), items);
			return FormEngine.anchorOf(group.id() + "." + (items.size() - 1));
		}
		int index = (parts.length > 2 && parts[2].matches("\\d{1,2}")) ? Integer.parseInt(parts[2]) : -1;
		if (index >= 0 && index < items.size()) {
			items.remove(index);
		}
		answers.put(group.id(), items);
		return group.id() + "-add";
	}

	private static Page visiblePage(FormEngine engine, Answers answers, String pageId) {
		return engine.visiblePages(answers)
			.stream()
			.filter((page) -> page.id().equals(pageId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Page " + pageId));
	}

	static String pagePath(String key, UUID draftId, String pageId) {
		return "/antrag/" + key + "/" + draftId + "/" + pageId;
	}

	static String checkPath(String key, UUID draftId) {
		return "/antrag/" + key + "/" + draftId + "/pruefen";
	}

	private static @Nullable String text(de.amtsweg.forms.internal.definition.@Nullable Text text, Locale locale) {
		return (text != null) ? text.in(locale) : null;
	}

	static @Nullable UUID uuid(@Nullable String value) {
		try {
			return (value != null) ? UUID.fromString(value) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static UUID requireUuid(String value) {
		UUID uuid = uuid(value);
		if (uuid == null) {
			throw new NotFoundException("Record " + value);
		}
		return uuid;
	}

}
