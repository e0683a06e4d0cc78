package de.amtsweg.postbox.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.postbox.internal.Conversations;
import de.amtsweg.postbox.internal.Party;
import de.amtsweg.postbox.web.CitizenPostboxController.ReplyForm;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The town hall's side of the postbox: threads of the member's org units (unread first),
 * replies with attachments and a reply-by date, and a new general thread to a person by
 * e-mail. Threads of other org units answer 404.
 */
@Controller
class StaffPostboxController {

	private final Conversations conversations;

	StaffPostboxController(Conversations conversations) {
		this.conversations = conversations;
	}

	@GetMapping("/intern/postfach")
	String list(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
		model.addAttribute("items", this.conversations.threadsOf(staff));
		model.addAttribute("mayWrite", !this.conversations.unitsOf(staff).isEmpty());
		return "postbox/staff-list";
	}

	@GetMapping("/intern/postfach/neu")
	String newThread(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
		List<OrgUnit> units = this.conversations.unitsOf(staff);
		String unit = (units.size() == 1) ? units.get(0).id().toString() : "";
		return newThreadPage(staff, new NewThreadForm(unit, "", "", "", "", null), model);
	}

	@PostMapping("/intern/postfach/neu")
	String start(@AuthenticationPrincipal StaffPrincipal staff, @ModelAttribute("form") NewThreadForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		UUID threadId;
		try {
			LocalDate replyBy = Uploads.date("replyBy", form.replyBy());
			threadId = this.conversations.startAsStaff(staff, CitizenPostboxController.uuid(form.orgUnitId()),
					form.email(), form.subject(), form.text(), replyBy, Uploads.of(form.attachments()));
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return newThreadPage(staff, form, model);
		}
		redirect.addFlashAttribute("notice", "postbox.notice.sent");
		return "redirect:/intern/postfach/" + threadId;
	}

	@GetMapping("/intern/postfach/{id}")
	String thread(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id, Model model) {
		return threadPage(staff, id, new ReplyForm("", "", null), model);
	}

	@PostMapping("/intern/postfach/{id}")
	String reply(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id,
			@ModelAttribute("form") ReplyForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			LocalDate replyBy = Uploads.date("replyBy", form.replyBy());
			this.conversations.reply(new Party.Staff(staff), id, form.text(), Uploads.of(form.attachments()), replyBy);
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return threadPage(staff, id, form, model);
		}
		redirect.addFlashAttribute("notice", "postbox.notice.sent");
		return "redirect:/intern/postfach/" + id;
	}

	@GetMapping("/intern/postfach/{id}/anhaenge/{attachmentId}")
	ResponseEntity<byte[]> attachment(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id,
			@PathVariable UUID attachmentId) {
		return CitizenPostboxController.download(this.conversations.download(new Party.Staff(staff), id, attachmentId));
	}

	private String threadPage(StaffPrincipal staff, UUID id, ReplyForm form, Model model) {
		model.addAttribute("page", this.conversations.open(new Party.Staff(staff), id));
		model.addAttribute("path", "/intern/postfach/" + id);
		model.addAttribute("side", "staff");
		model.addAttribute("form", form);
		return "postbox/thread";
	}

	private String newThreadPage(StaffPrincipal staff, NewThreadForm form, Model model) {
		Map<String, String> units = new LinkedHashMap<>();
		for (OrgUnit unit : this.conversations.unitsOf(staff)) {
			units.put(unit.id().toString(), unit.name());
		}
		model.addAttribute("form", form);
		model.addAttribute("units", units);
		return "postbox/staff-new-thread";
	}

	/**
	 * A new general thread to a person.
	 *
	 * @param orgUnitId the org unit that writes
	 * @param email the person's e-mail address
	 * @param subject subject line
	 * @param text the message
	 * @param replyBy the day by which an answer is asked for, if any
	 * @param attachments files chosen
	 */
	record NewThreadForm(String orgUnitId, String email, String subject, String text, String replyBy,
			@Nullable List<MultipartFile> attachments) {

		NewThreadForm {
			orgUnitId = Uploads.orEmpty(orgUnitId);
			email = Uploads.orEmpty(email);
			subject = Uploads.orEmpty(subject);
			text = Uploads.orEmpty(text);
			replyBy = Uploads.orEmpty(replyBy);
		}

	}

}
