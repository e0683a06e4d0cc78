package de.amtsweg.documents.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.documents.internal.FilePlan;
import de.amtsweg.documents.internal.IntegritySweep;
import de.amtsweg.documents.internal.Retention;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The e-file's administration: the integrity sweep's reports (and a run by hand), the
 * files whose retention ended (delete, mark for an archive, export), and the file plan.
 * An admin of a municipality sees its files; the portal admin sees all.
 */
@Controller
class DocumentsAdminController {

	private final IntegritySweep sweep;

	private final Retention retention;

	private final FilePlan plan;

	DocumentsAdminController(IntegritySweep sweep, Retention retention, FilePlan plan) {
		this.sweep = sweep;
		this.retention = retention;
		this.plan = plan;
	}

	@GetMapping("/intern/admin/integritaet")
	String integrity(Model model) {
		model.addAttribute("sweeps", this.sweep.latest(20));
		return "documents/integrity";
	}

	@PostMapping("/intern/admin/integritaet")
	String runSweep(RedirectAttributes redirect) {
		IntegritySweep.Sweep result = this.sweep.run();
		redirect.addFlashAttribute("notice", result.mismatches().isEmpty() ? "documents.integrity.notice.ok"
				: "documents.integrity.notice.mismatches");
		redirect.addFlashAttribute("noticeName", result.mismatches().size());
		return "redirect:/intern/admin/integritaet";
	}

	@GetMapping("/intern/admin/aufbewahrung")
	String retention(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
		model.addAttribute("files", this.retention.pending(staff.municipalityId()));
		return "documents/retention";
	}

	@PostMapping("/intern/admin/aufbewahrung/{id}/loeschen")
	String delete(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id, RedirectAttributes redirect) {
		this.retention.delete(staff.municipalityId(), id);
		redirect.addFlashAttribute("notice", "documents.retention.notice.deleted");
		return "redirect:/intern/admin/aufbewahrung";
	}

	@PostMapping("/intern/admin/aufbewahrung/{id}/archivieren")
	String archive(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id, RedirectAttributes redirect) {
		this.retention.markForArchive(staff.municipalityId(), id);
		redirect.addFlashAttribute("notice", "documents.retention.notice.archived");
		return "redirect:/intern/admin/aufbewahrung";
	}

	@GetMapping("/intern/admin/aufbewahrung/{id}/export")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("akte-" + id + ".zip").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(this.retention.export(staff.municipalityId(), id));
	}

	@GetMapping("/intern/admin/aktenplan")
	String filePlan(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
		return filePlanPage(staff, new SubjectForm("", ""), model);
	}

	@PostMapping("/intern/admin/aktenplan")
	String addSubject(@AuthenticationPrincipal StaffPrincipal staff, @ModelAttribute("form") SubjectForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		UUID municipalityId = staff.municipalityId();
		if (municipalityId == null) {
			throw new NotFoundException("File plan without a municipality");
		}
		try {
			this.plan.add(municipalityId, form.code(), form.title());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return filePlanPage(staff, form, model);
		}
		redirect.addFlashAttribute("notice", "documents.plan.notice.added");
		return "redirect:/intern/admin/aktenplan";
	}

	private String filePlanPage(StaffPrincipal staff, SubjectForm form, Model model) {
		UUID municipalityId = staff.municipalityId();
		model.addAttribute("subjects", (municipalityId != null) ? this.plan.of(municipalityId) : java.util.List.of());
		model.addAttribute("mayAdd", municipalityId != null);
		model.addAttribute("form", form);
		return "documents/file-plan";
	}

	private static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

	/**
	 * A new subject of the file plan.
	 *
	 * @param code its code, e.g. {@code 1.2}
	 * @param title its title
	 */
	record SubjectForm(String code, String title) {

		SubjectForm {
			code = orEmpty(code);
			title = orEmpty(title);
		}

	}

}
