package de.amtsweg.forms.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.forms.internal.Answers;
import de.amtsweg.forms.internal.FormDefinitions;
import de.amtsweg.forms.internal.FormEngine;
import de.amtsweg.forms.internal.FormVersion;
import de.amtsweg.forms.internal.definition.DefinitionProblem;
import de.amtsweg.forms.internal.definition.FormDefinition;
import de.amtsweg.forms.internal.definition.InvalidDefinitionException;
import de.amtsweg.forms.internal.fim.FimImporter;
import de.amtsweg.forms.internal.sharing.FormSharing;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OrgUnits;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The forms of a municipality for its admins: list, create and edit the JSON definition
 * with schema validation and a live preview, publish (after which a version never
 * changes), start a new version, import from FIM XDatenfelder, export and import shared
 * forms.
 */
@Controller
class FormAdminController {

	static final String BASE = "/intern/admin/formulare";

	private static final String NEW_FORM = """
			{
			  "schemaVersion": 1,
			  "key": "neues-formular",
			  "title": {"de": "Neues Formular", "en": "New form"},
			  "pages": [
			    {"id": "angaben", "title": "Ihre Angaben", "fields": [
			      {"id": "name", "type": "text", "label": {"de": "Vollständiger Name", "en": "Full name"}, "prefill": "fullName"}
			    ]}
			  ]
			}
			""";

	private final FormDefinitions definitions;

	private final FimImporter fim;

	private final FormSharing sharing;

	private final FieldViews views;

	private final OrgUnits orgUnits;

	FormAdminController(FormDefinitions definitions, FimImporter fim, FormSharing sharing, FieldViews views,
			OrgUnits orgUnits) {
		this.definitions = definitions;
		this.fim = fim;
		this.sharing = sharing;
		this.views = views;
		this.orgUnits = orgUnits;
	}

	@GetMapping(BASE)
	String list(Municipality municipality, Model model) {
		model.addAttribute("forms", this.definitions.summaries(municipality.id()));
		return "forms/admin/list";
	}

	@GetMapping(BASE + "/neu")
	String create(Model model) {
		return editor(null, NEW_FORM, List.of(), null, model);
	}

	@PostMapping(BASE + "/neu")
	String saveNew(@RequestParam(name = "definition", defaultValue = "") String json,
			@RequestParam(name = "aktion", defaultValue = "speichern") String action, Municipality municipality,
			HttpServletResponse response, Locale locale, Model model) {
		return save(null, json, action, municipality, response, locale, model);
	}

	@GetMapping(BASE + "/{key}")
	String edit(@PathVariable String key, Municipality municipality, Locale locale, Model model) {
		List<FormVersion> versions = this.definitions.versions(municipality.id(), key);
		FormVersion newest = versions.get(0);
		model.addAttribute("versions", versions);
		return editor(key, newest.json(), List.of(), null, model);
	}

	@PostMapping(BASE + "/{key}")
	String saveExisting(@PathVariable String key, @RequestParam(name = "definition", defaultValue = "") String json,
			@RequestParam(name = "aktion", defaultValue = "speichern") String action, Municipality municipality,
			HttpServletResponse response, Locale locale, Model model) {
		model.addAttribute("versions", this.definitions.versions(municipality.id(), key));
		return save(key, json, action, municipality, response, locale, model);
	}

	@PostMapping(BASE + "/{key}/veroeffentlichen")
	String publish(@PathVariable String key, Municipality municipality) {
		FormVersion version = this.definitions.publish(municipality.id(), key);
		return "redirect:" + BASE + "/" + key + "?veroeffentlicht=" + version.version();
	}

	@PostMapping(BASE + "/{key}/neue-version")
	String newVersion(@PathVariable String key, Municipality municipality) {
		this.definitions.newDraft(municipality.id(), key);
		return "redirect:" + BASE + "/" + key;
	}

	@GetMapping(BASE + "/{key}/export")
	ResponseEntity<byte[]> export(@PathVariable String key, Municipality municipality) {
		byte[] file = this.sharing.export(municipality.id(), key).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(key + ".amtsweg-form.json").build().toString())
			.body(file);
	}

	@GetMapping(BASE + "/fim")
	String fimForm() {
		return "forms/admin/fim";
	}

	@PostMapping(BASE + "/fim")
	String fimImport(@RequestParam(name = "datei", required = false) @Nullable MultipartFile file,
			Municipality municipality, HttpServletResponse response, Locale locale, Model model) throws IOException {
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", "forms.admin.fim.none");
			return "forms/admin/fim";
		}
		try {
			FimImporter.Result result = this.fim.importXml(file.getBytes(), locale);
			model.addAttribute("result", result);
			if (result.definitionJson() != null) {
				FormVersion saved = this.definitions.save(municipality.id(), result.definitionJson(), "fim", locale);
				model.addAttribute("saved", saved);
			}
			return "forms/admin/fim-result";
		}
		catch (FimImporter.FimImportException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errorText", ex.getMessage());
			return "forms/admin/fim";
		}
	}

	@GetMapping(BASE + "/import")
	String importForm() {
		return "forms/admin/import";
	}

	@PostMapping(BASE + "/import")
	String importPreview(@RequestParam(name = "datei", required = false) @Nullable MultipartFile upload,
			@RequestParam(name = "inhalt", defaultValue = "") String pasted, Municipality municipality,
			HttpServletResponse response, Locale locale, Model model) throws IOException {
		String file = (upload != null && !upload.isEmpty()) ? new String(upload.getBytes(), StandardCharsets.UTF_8)
				: pasted;
		try {
			FormSharing.Preview preview = this.sharing.preview(municipality.id(), file, locale);
			model.addAttribute("preview", preview);
			model.addAttribute("file", file);
			model.addAttribute("orgUnits", this.orgUnits.of(municipality.id()));
			model.addAttribute("parameters", preview.definition().parameters());
			return "forms/admin/import-preview";
		}
		catch (FormSharing.SharingException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errorText", ex.getMessage());
			return "forms/admin/import";
		}
	}

	@PostMapping(BASE + "/import/uebernehmen")
	String importConfirm(@RequestParam("inhalt") String file,
			@RequestParam(name = "responsibleUnit", defaultValue = "") String responsibleUnit,
			@RequestParam Map<String, String> posted, Municipality municipality, HttpServletResponse response,
			Locale locale, Model model) {
		Map<String, String> parameters = new LinkedHashMap<>();
		posted.forEach((name, value) -> {
			if (name.startsWith("parameter.")) {
				parameters.put(name.substring("parameter.".length()), value);
			}
		});
		try {
			FormVersion saved = this.sharing.importInto(municipality.id(), file,
					new FormSharing.LocalDetails(responsibleUnit, parameters, posted.get("intro"),
							posted.get("contact"), posted.get("afterSubmit")),
					locale);
			return "redirect:" + BASE + "/" + saved.key() + "?importiert";
		}
		catch (FormSharing.SharingException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errorText", ex.getMessage());
			return "forms/admin/import";
		}
		catch (InvalidDefinitionException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errorText",
					String.join("; ", ex.problems().stream().map(DefinitionProblem::toString).toList()));
			return "forms/admin/import";
		}
	}

	private String save(@Nullable String key, String json, String action, Municipality municipality,
			HttpServletResponse response, Locale locale, Model model) {
		try {
			if (action.equals("vorschau")) {
				FormDefinition definition = this.definitions.check(municipality.id(), json, locale);
				return editor(key, json, List.of(), preview(definition, locale), model);
			}
			FormVersion saved = (key == null) ? this.definitions.save(municipality.id(), json, "editor", locale)
					: this.definitions.saveEdited(municipality.id(), key, json, locale);
			return "redirect:" + BASE + "/" + saved.key() + "?gespeichert";
		}
		catch (InvalidDefinitionException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return editor(key, json, ex.problems(), null, model);
		}
	}

	private String editor(@Nullable String key, String json, List<DefinitionProblem> problems,
			@Nullable List<PreviewPage> preview, Model model) {
		model.addAttribute("key", key);
		model.addAttribute("definition", json);
		model.addAttribute("problems", problems);
		model.addAttribute("preview", preview);
		model.addAttribute("action", (key == null) ? BASE + "/neu" : BASE + "/" + key);
		if (!model.containsAttribute("versions")) {
			model.addAttribute("versions", List.of());
		}
		return "forms/admin/editor";
	}

	/** Every page as citizens would see it, empty, rendered on the server. */
	private List<PreviewPage> preview(FormDefinition definition, Locale locale) {
		FormEngine engine = new FormEngine(definition, java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")));
		List<PreviewPage> pages = new ArrayList<>();
		for (FormDefinition.Page page : definition.pages()) {
			Answers answers = new Answers();
			for (FormDefinition.Field field : page.fields()) {
				if (field.isGroup()) {
					List<Map<String, Object>> items = new ArrayList<>();
					items.add(new LinkedHashMap<>());
					answers.put(field.id(), items);
				}
			}
			pages
				.add(new PreviewPage(page.title().in(locale), (page.showIf() != null) ? page.showIf() : null, this.views
					.page(engine, page, answers, List.of(), locale, (id) -> new FieldView.FileView(id, id, ""))));
		}
		return pages;
	}

	/**
	 * A page of the preview.
	 *
	 * @param title its title
	 * @param condition when it is shown, if not always
	 * @param fields its fields
	 */
	record PreviewPage(String title, @Nullable String condition, List<FieldView> fields) {
	}

}
