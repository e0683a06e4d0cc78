package de.amtsweg.documents.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.documents.DocumentFile;
import de.amtsweg.documents.NewDocument;
import de.amtsweg.documents.internal.DocumentSearch;
import de.amtsweg.documents.internal.DocumentStore;
import de.amtsweg.documents.internal.DocumentTypes;
import de.amtsweg.documents.internal.FileExport;
import de.amtsweg.documents.internal.FilePlan;
import de.amtsweg.platform.ContentTypes;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.OrgUnit;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The e-file for staff: the files of the member's org units, a file with its documents
 * and an upload form, a document with its versions, downloads of every version, and the
 * full-text search. Files of other org units answer 404.
 */
@Controller
class DocumentsController {

	static final String PATH = "/intern/akten";

	private final DocumentStore store;

	private final DocumentSearch search;

	private final FilePlan plan;

	private final MessageSource messages;

	private final FileExport export;

	DocumentsController(DocumentStore store, DocumentSearch search, FilePlan plan, MessageSource messages,
			FileExport export) {
		this.store = store;
		this.search = search;
		this.plan = plan;
		this.messages = messages;
		this.export = export;
	}

	@GetMapping(PATH)
	String files(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
		Map<UUID, String> units = new LinkedHashMap<>();
		this.store.orgUnitsOf(staff).forEach((unit) -> units.put(unit.id(), unit.name()));
		model.addAttribute("files", this.store.files(staff));
		model.addAttribute("units", units);
		return "documents/files";
	}

	@GetMapping(PATH + "/neu")
	String newFile(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
		var units = this.store.orgUnitsOf(staff);
		String unit = (units.size() == 1) ? units.get(0).id().toString() : "";
		return newFilePage(staff, new NewFileForm(unit, "", ""), model);
	}

	@PostMapping(PATH + "/neu")
	String createFile(@AuthenticationPrincipal StaffPrincipal staff, @ModelAttribute("form") NewFileForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		UUID id;
		try {
			id = this.store.createFile(staff, form.orgUnitId(), form.subjectId(), form.title());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return newFilePage(staff, form, model);
		}
		redirect.addFlashAttribute("notice", "documents.notice.fileCreated");
		return "redirect:" + PATH + "/" + id;
	}

	@GetMapping(PATH + "/{id}")
	String file(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id, Model model) {
		return filePage(staff, id, new UploadForm("", "", "", "", null), model);
	}

	@PostMapping(PATH + "/{id}")
	String upload(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id,
			@ModelAttribute("form") UploadForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		UUID documentId;
		try {
			InvalidInputException.Collector problems = new InvalidInputException.Collector();
			LocalDate date = date(form.documentDate(), problems);
			if (form.content() == null || form.content().isEmpty()) {
				problems.add("content", "documents.error.empty");
			}
			problems.throwIfAny();
			MultipartFile content = Objects.requireNonNull(form.content());
			String fileName = Objects.requireNonNullElse(content.getOriginalFilename(), "dokument");
			documentId = this.store.upload(staff, id,
					new NewDocument(form.type(), form.title().isBlank() ? fileName : form.title(), form.correspondent(),
							Objects.requireNonNull(date), fileName, contentType(content), bytes(content)));
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return filePage(staff, id, form, model);
		}
		redirect.addFlashAttribute("notice", "documents.notice.uploaded");
		return "redirect:" + PATH + "/dokumente/" + documentId;
	}

	@GetMapping(PATH + "/dokumente/{id}")
	String document(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id, Model model) {
		return documentPage(staff, id, new VersionForm(null), model);
	}

	@PostMapping(PATH + "/dokumente/{id}")
	String uploadVersion(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id,
			@ModelAttribute("form") VersionForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			MultipartFile content = form.content();
			if (content == null || content.isEmpty()) {
				throw InvalidInputException.of("content", "documents.error.empty");
			}
			this.store.uploadVersion(staff, id, Objects.requireNonNullElse(content.getOriginalFilename(), "dokument"),
					contentType(content), bytes(content));
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return documentPage(staff, id, form, model);
		}
		redirect.addFlashAttribute("notice", "documents.notice.versionAdded");
		return "redirect:" + PATH + "/dokumente/" + id;
	}

	@GetMapping(PATH + "/dokumente/{id}/versionen/{version}")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id,
			@PathVariable int version) {
		DocumentStore.Download download = this.store.download(staff, id, version);
		return ResponseEntity.ok()
			.contentType(mediaType(download.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(download.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(download.content());
	}

	/** The whole file as a signed PDF/A with its manifest, in a zip. */
	@GetMapping(PATH + "/{id}/export")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id) {
		FileExport.Export export = this.export.export(staff, id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(export.fileName()).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(export.content());
	}

	/** The case page links here; it knows the case, not its file. */
	@GetMapping(PATH + "/vorgang/{caseId}")
	String fileOfCase(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID caseId) {
		DocumentFile file = this.store.fileOfCase(caseId).orElseThrow(() -> new NotFoundException("Case " + caseId));
		return "redirect:" + PATH + "/" + file.id();
	}

	@GetMapping(PATH + "/suche")
	String search(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam(name = "q", defaultValue = "") String q,
			@RequestParam(name = "seite", defaultValue = "1") int page, Model model) {
		model.addAttribute("results", this.search.search(staff, (q.length() > 200) ? q.substring(0, 200) : q, page));
		return "documents/search";
	}

	private String filePage(StaffPrincipal staff, UUID id, UploadForm form, Model model) {
		model.addAttribute("view", this.store.file(staff, id));
		model.addAttribute("form", form);
		model.addAttribute("types", types());
		model.addAttribute("maxMegabytes", this.store.maxBytes() / (1024 * 1024));
		return "documents/file";
	}

	private String documentPage(StaffPrincipal staff, UUID id, VersionForm form, Model model) {
		model.addAttribute("view", this.store.document(staff, id));
		model.addAttribute("form", form);
		model.addAttribute("maxMegabytes", this.store.maxBytes() / (1024 * 1024));
		return "documents/document";
	}

	private String newFilePage(StaffPrincipal staff, NewFileForm form, Model model) {
		Map<String, String> units = new LinkedHashMap<>();
		for (OrgUnit unit : this.store.orgUnitsOf(staff)) {
			units.put(unit.id().toString(), unit.name());
		}
		Map<String, String> subjects = new LinkedHashMap<>();
		UUID municipalityId = staff.municipalityId();
		if (municipalityId != null) {
			this.plan.of(municipalityId)
				.forEach((subject) -> subjects.put(subject.id().toString(), subject.code() + " " + subject.title()));
		}
		model.addAttribute("form", form);
		model.addAttribute("units", units);
		model.addAttribute("subjects", subjects);
		return "documents/new-file";
	}

	private Map<String, String> types() {
		Map<String, String> types = new LinkedHashMap<>();
		for (String type : DocumentTypes.ALL) {
			types.put(type, this.messages.getMessage("documents.type." + type, null,
					org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		}
		return types;
	}

	private static @Nullable LocalDate date(String text, InvalidInputException.Collector problems) {
		if (text.isBlank()) {
			problems.add("documentDate", "documents.error.date");
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDate.parse(text.strip(), java.time.format.DateTimeFormatter.ofPattern("d.M.uuuu")
					.withResolverStyle(java.time.format.ResolverStyle.STRICT));
			}
			catch (DateTimeParseException again) {
				problems.add("documentDate", "documents.error.date");
				return null;
			}
		}
	}

	private static String contentType(MultipartFile file) {
		return ContentTypes.detect(bytes(file), file.getOriginalFilename());
	}

	private static MediaType mediaType(String type) {
		try {
			return MediaType.parseMediaType(type);
		}
		catch (IllegalArgumentException ex) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

	/**
	 * A new general file.
	 *
	 * @param orgUnitId the org unit that keeps it
	 * @param subjectId its subject in the file plan (optional)
	 * @param title what it is about
	 */
	record NewFileForm(String orgUnitId, String subjectId, String title) {

		NewFileForm {
			orgUnitId = orEmpty(orgUnitId);
			subjectId = orEmpty(subjectId);
			title = orEmpty(title);
		}

	}

	/**
	 * A document to file.
	 *
	 * @param type its type key
	 * @param title its title (the file name if empty)
	 * @param correspondent sender or recipient (optional)
	 * @param documentDate the date it bears
	 * @param content the file
	 */
	record UploadForm(String type, String title, String correspondent, String documentDate,
			@Nullable MultipartFile content) {

		UploadForm {
			type = orEmpty(type);
			title = orEmpty(title);
			correspondent = orEmpty(correspondent);
			documentDate = orEmpty(documentDate);
		}

	}

	/**
	 * A new version.
	 *
	 * @param content the file
	 */
	record VersionForm(@Nullable MultipartFile content) {
	}

}
