package de.amtsweg.catalog.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.catalog.CatalogScope;
import de.amtsweg.catalog.CatalogTransfer;
import de.amtsweg.catalog.ImportProblem;
import de.amtsweg.catalog.ImportReport;
import de.amtsweg.platform.Municipality;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Import and export of the catalogue: the municipality's (its services and
 * responsibilities) or, for the portal's operators, the district's shared services.
 */
@Controller
@RequestMapping("/intern/admin/katalog")
class TransferAdminController {

	private final CatalogTransfer transfer;

	private final AdminPages pages;

	private final MessageSource messages;

	TransferAdminController(CatalogTransfer transfer, AdminPages pages, MessageSource messages) {
		this.transfer = transfer;
		this.pages = pages;
		this.messages = messages;
	}

	@GetMapping("/austausch")
	String page(Municipality municipality, Model model) {
		this.pages.requireAdmin(municipality);
		return render(model, municipality);
	}

	@PostMapping("/import")
	String importFile(Municipality municipality,
			@RequestParam(name = "datei", required = false) @Nullable MultipartFile file,
			@RequestParam(name = "bereich", defaultValue = "gemeinde") String area,
			@RequestParam(name = "orgUnit", required = false) @Nullable String orgUnit, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		CatalogScope scope = scope(municipality, area);
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("fileError", "catalog.import.file.missing");
			return render(model, municipality);
		}
		ImportReport report;
		try {
			report = this.transfer.importCatalog(scope, String.valueOf(file.getOriginalFilename()), file.getBytes(),
					(orgUnit != null) ? AdminForms.uuid(orgUnit) : null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (report.stored()) {
			redirect.addFlashAttribute("report", report);
			return "redirect:/intern/admin/katalog/austausch";
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("fileName", file.getOriginalFilename());
		model.addAttribute("problems",
				report.problems()
					.stream()
					.map((problem) -> new ProblemLine(problem.row(), problem.column(), message(problem, locale)))
					.toList());
		return render(model, municipality);
	}

	@GetMapping("/export.csv")
	ResponseEntity<byte[]> exportCsv(Municipality municipality,
			@RequestParam(name = "bereich", defaultValue = "gemeinde") String area) {
		CatalogScope scope = scope(municipality, area);
		return download(this.transfer.exportCsv(scope), "text/csv;charset=UTF-8", fileName(municipality, scope, "csv"));
	}

	@GetMapping("/export.json")
	ResponseEntity<byte[]> exportJson(Municipality municipality,
			@RequestParam(name = "bereich", defaultValue = "gemeinde") String area) {
		CatalogScope scope = scope(municipality, area);
		return download(this.transfer.exportJson(scope), "application/json;charset=UTF-8",
				fileName(municipality, scope, "json"));
	}

	private String render(Model model, Municipality municipality) {
		model.addAttribute("municipality", municipality);
		model.addAttribute("orgUnits", this.pages.orgUnitOptions(municipality.id()));
		model.addAttribute("mayAdministerDistrict",
				this.pages.mayAdministerDistrict() && municipality.districtId() != null);
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", List.of());
		}
		return "catalog/admin/transfer";
	}

	private CatalogScope scope(Municipality municipality, String area) {
		this.pages.requireAdmin(municipality);
		if ("kreis".equals(area)) {
			UUID district = municipality.districtId();
			if (district == null || !this.pages.mayAdministerDistrict()) {
				throw new AccessDeniedException("Shared services are maintained by the portal's operators");
			}
			return CatalogScope.district(district);
		}
		return CatalogScope.municipality(municipality.id());
	}

	private String message(ImportProblem problem, Locale locale) {
		return this.messages.getMessage(problem.messageKey(), problem.arguments().toArray(), problem.messageKey(),
				locale);
	}

	private static String fileName(Municipality municipality, CatalogScope scope, String extension) {
		return "leistungskatalog-" + (scope.district() ? "kreis" : municipality.slug()) + "." + extension;
	}

	private static ResponseEntity<byte[]> download(String content, String type, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.body(content.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * One line of an import report.
	 *
	 * @param row the row (or service number)
	 * @param column the column or JSON path
	 * @param message what is wrong, in the page's language
	 */
	record ProblemLine(int row, String column, String message) {
	}

}
