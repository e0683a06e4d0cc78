package de.amtsweg.mailroom.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.mailroom.internal.MailIntake;
import de.amtsweg.mailroom.internal.MailItem;
import de.amtsweg.mailroom.internal.MailRoom;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.OrgUnit;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mail room for staff: the front desk uploads batches and routes what the worker
 * could not; clerks see their org units' inbox, open an item and file it into a case or
 * the unit's general file. Items a member may not see answer 404.
 */
@Controller
class MailroomController {

	static final String PATH = "/intern/posteingang";

	private final MailIntake intake;

	private final MailRoom mailRoom;

	MailroomController(MailIntake intake, MailRoom mailRoom) {
		this.intake = intake;
		this.mailRoom = mailRoom;
	}

	@GetMapping(PATH)
	String upload(@AuthenticationPrincipal StaffPrincipal staff,
			@RequestParam(name = "stapel", required = false) @Nullable UUID batch, Model model) {
		if (batch != null) {
			model.addAttribute("batch", this.intake.batch(staff, batch));
		}
		return uploadPage(staff, new UploadForm(UUID.randomUUID().toString(), null), model);
	}

	@PostMapping(PATH)
	String upload(@AuthenticationPrincipal StaffPrincipal staff, @ModelAttribute("form") UploadForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		MailIntake.Batch batch;
		try {
			List<MailIntake.Upload> uploads = new ArrayList<>();
			for (MultipartFile file : Objects.requireNonNullElse(form.files(), List.<MultipartFile>of())) {
				uploads.add(new MailIntake.Upload(Objects.requireNonNullElse(file.getOriginalFilename(), "schreiben"),
						bytes(file)));
			}
			batch = this.intake.upload(staff, form.batchKey(), uploads);
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return uploadPage(staff, form, model);
		}
		redirect.addFlashAttribute("uploaded", batch.added());
		return "redirect:" + PATH + "?stapel=" + batch.id();
	}

	@GetMapping(PATH + "/eingang")
	String inbox(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
		model.addAttribute("items", this.mailRoom.inbox(staff));
		model.addAttribute("units", unitNames(staff));
		return "mailroom/inbox";
	}

	@GetMapping(PATH + "/{id}")
	String item(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id, Model model) {
		return itemPage(staff, id, new RouteForm("", ""), model);
	}

	@PostMapping(PATH + "/{id}/vorgang")
	String toCase(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id,
			@ModelAttribute("form") RouteForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.mailRoom.assignToCase(staff, id, form.reference());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return itemPage(staff, id, form, model);
		}
		redirect.addFlashAttribute("notice", "mailroom.notice.filed");
		return "redirect:" + PATH + "/" + id;
	}

	@PostMapping(PATH + "/{id}/stelle")
	String toUnit(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id,
			@ModelAttribute("form") RouteForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.mailRoom.assignToUnit(staff, id, form.orgUnitId());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return itemPage(staff, id, form, model);
		}
		redirect.addFlashAttribute("notice", "mailroom.notice.assigned");
		return "redirect:" + PATH + "/" + id;
	}

	@PostMapping(PATH + "/{id}/ablegen")
	String file(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		RouteForm form = new RouteForm("", "");
		try {
			this.mailRoom.fileInGeneralFile(staff, id);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", "mailroom.error.notInInbox");
			return itemPage(staff, id, form, model);
		}
		redirect.addFlashAttribute("notice", "mailroom.notice.filedGeneral");
		return "redirect:" + PATH + "/" + id;
	}

	@GetMapping(PATH + "/{id}/datei")
	ResponseEntity<byte[]> original(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id) {
		MailItem item = this.mailRoom.item(staff, id);
		byte[] content = this.mailRoom.original(staff, id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(item.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(item.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(content);
	}

	private String uploadPage(StaffPrincipal staff, UploadForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("items", this.mailRoom.recent(staff));
		model.addAttribute("units", unitNames(staff));
		model.addAttribute("maxFiles", this.intake.maxFiles());
		model.addAttribute("maxMegabytes", this.intake.maxMegabytes());
		return "mailroom/upload";
	}

	private String itemPage(StaffPrincipal staff, UUID id, RouteForm form, Model model) {
		MailItem item = this.mailRoom.item(staff, id);
		model.addAttribute("item", item);
		model.addAttribute("form", form);
		model.addAttribute("units", unitNames(staff));
		model.addAttribute("frontDesk", MailRoom.frontDesk(staff));
		model.addAttribute("mine", item.orgUnitId() != null && this.mailRoom.unitsOf(staff).contains(item.orgUnitId()));
		return "mailroom/item";
	}

	private Map<String, String> unitNames(StaffPrincipal staff) {
		Map<String, String> units = new LinkedHashMap<>();
		UUID municipalityId = staff.municipalityId();
		if (municipalityId != null) {
			for (OrgUnit unit : this.mailRoom.orgUnits(municipalityId)) {
				units.put(unit.id().toString(), unit.name());
			}
		}
		return units;
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param batchKey the page's idempotency key
	 * @param files the scanned letters
	 */
	record UploadForm(String batchKey, @Nullable List<MultipartFile> files) {
	}

	/**
	 * @param reference a case's reference number
	 * @param orgUnitId an org unit
	 */
	record RouteForm(String reference, String orgUnitId) {
	}

}
