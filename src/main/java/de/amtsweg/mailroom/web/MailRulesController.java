package de.amtsweg.mailroom.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.mailroom.internal.MailRoom;
import de.amtsweg.mailroom.internal.MailRules;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.OrgUnit;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins keep the routing rules of the mail room. */
@Controller
class MailRulesController {

	static final String PATH = "/intern/admin/posteingang-regeln";

	private final MailRules rules;

	private final MailRoom mailRoom;

	MailRulesController(MailRules rules, MailRoom mailRoom) {
		this.rules = rules;
		this.mailRoom = mailRoom;
	}

	@GetMapping(PATH)
	String rules(@AuthenticationPrincipal StaffPrincipal admin, Model model) {
		return page(admin, new RuleForm("", "", "", ""), model);
	}

	@PostMapping(PATH)
	String add(@AuthenticationPrincipal StaffPrincipal admin, @ModelAttribute("form") RuleForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.rules.add(admin, form.position(), form.keywords(), form.senderPattern(), form.orgUnitId());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(admin, form, model);
		}
		redirect.addFlashAttribute("notice", "mailroom.rules.notice.added");
		return "redirect:" + PATH;
	}

	@PostMapping(PATH + "/{id}/loeschen")
	String delete(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable UUID id, RedirectAttributes redirect) {
		this.rules.delete(admin, id);
		redirect.addFlashAttribute("notice", "mailroom.rules.notice.deleted");
		return "redirect:" + PATH;
	}

	private String page(StaffPrincipal admin, RuleForm form, Model model) {
		UUID municipalityId = admin.municipalityId();
		if (municipalityId == null) {
			throw new NotFoundException("No municipality");
		}
		Map<String, String> units = new LinkedHashMap<>();
		for (OrgUnit unit : this.mailRoom.orgUnits(municipalityId)) {
			units.put(unit.id().toString(), unit.name());
		}
		model.addAttribute("form", form);
		model.addAttribute("rules", this.rules.rules(admin));
		model.addAttribute("units", units);
		return "mailroom/rules";
	}

	/**
	 * @param position rank, lower first
	 * @param keywords keywords, comma separated
	 * @param senderPattern part of the sender
	 * @param orgUnitId target org unit
	 */
	record RuleForm(String position, String keywords, String senderPattern, String orgUnitId) {
	}

}
