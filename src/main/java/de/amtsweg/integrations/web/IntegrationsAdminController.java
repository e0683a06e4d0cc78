package de.amtsweg.integrations.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.integrations.internal.SpecialistSystem;
import de.amtsweg.integrations.internal.SpecialistSystems;
import de.amtsweg.integrations.internal.WebhookDelivery;
import de.amtsweg.integrations.internal.WebhookDispatcher;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.MunicipalityMember;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.OrgUnits;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin pages of the specialist systems of the admin's municipality: register a
 * system for org units, create and revoke API keys (a new key is shown once), set the
 * webhook URL and rotate its signing secret (shown once), and the pending and failed
 * webhook deliveries with replay.
 */
@Controller
class IntegrationsAdminController {

	static final String PATH = "/intern/admin/schnittstellen";

	static final String DELIVERIES = PATH + "/zustellungen";

	private final SpecialistSystems systems;

	private final WebhookDispatcher dispatcher;

	private final OrgUnits orgUnits;

	IntegrationsAdminController(SpecialistSystems systems, WebhookDispatcher dispatcher, OrgUnits orgUnits) {
		this.systems = systems;
		this.dispatcher = dispatcher;
		this.orgUnits = orgUnits;
	}

	@GetMapping(PATH)
	String list(Authentication authentication, Model model) {
		UUID municipalityId = municipalityOf(authentication);
		model.addAttribute("systems", this.systems.of(municipalityId));
		model.addAttribute("orgUnitNames", orgUnitNames(municipalityId));
		return "integrations/admin/systems";
	}

	@GetMapping(PATH + "/neu")
	String newSystem(Authentication authentication, Model model) {
		return form(new SystemForm("", List.of()), municipalityOf(authentication), model);
	}

	@PostMapping(PATH + "/neu")
	String register(Authentication authentication, @ModelAttribute("form") SystemForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		UUID municipalityId = municipalityOf(authentication);
		UUID id;
		try {
			id = this.systems.register(municipalityId, form.name(), form.orgUnitIds());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(form, municipalityId, model);
		}
		redirect.addFlashAttribute("notice", "integrations.admin.system.registered");
		redirect.addFlashAttribute("noticeName", form.name().strip());
		return "redirect:" + PATH + "/" + id;
	}

	@GetMapping(PATH + "/{id}")
	String system(Authentication authentication, @PathVariable UUID id, Model model) {
		UUID municipalityId = municipalityOf(authentication);
		SpecialistSystem system = this.systems.get(municipalityId, id);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new WebhookForm((system.webhookUrl() != null) ? system.webhookUrl() : ""));
		}
		return systemPage(system, model);
	}

	private String systemPage(SpecialistSystem system, Model model) {
		model.addAttribute("system", system);
		model.addAttribute("units", this.systems.orgUnitsOf(system));
		model.addAttribute("keys", this.systems.keys(system.municipalityId(), system.id()));
		model.addAttribute("clientSecrets", this.systems.clientSecrets(system.municipalityId(), system.id()));
		return "integrations/admin/system";
	}

	@PostMapping(PATH + "/{id}/schluessel")
	String createKey(Authentication authentication, @PathVariable UUID id, RedirectAttributes redirect) {
		String key = this.systems.createKey(municipalityOf(authentication), id);
		redirect.addFlashAttribute("newKey", key);
		return "redirect:" + PATH + "/" + id;
	}

	@PostMapping(PATH + "/{id}/schluessel/{keyId}/widerrufen")
	String revokeKey(Authentication authentication, @PathVariable UUID id, @PathVariable UUID keyId,
			RedirectAttributes redirect) {
		this.systems.revokeKey(municipalityOf(authentication), id, keyId);
		redirect.addFlashAttribute("notice", "integrations.admin.key.revoked");
		return "redirect:" + PATH + "/" + id;
	}

	@PostMapping(PATH + "/{id}/client-geheimnis")
	String createClientSecret(Authentication authentication, @PathVariable UUID id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("newClientSecret",
				this.systems.createClientSecret(municipalityOf(authentication), id));
		return "redirect:" + PATH + "/" + id;
	}

	@PostMapping(PATH + "/{id}/client-geheimnis/{secretId}/widerrufen")
	String revokeClientSecret(Authentication authentication, @PathVariable UUID id, @PathVariable UUID secretId,
			RedirectAttributes redirect) {
		this.systems.revokeClientSecret(municipalityOf(authentication), id, secretId);
		redirect.addFlashAttribute("notice", "integrations.admin.clientSecret.revoked");
		return "redirect:" + PATH + "/" + id;
	}

	@PostMapping(PATH + "/{id}/webhook")
	String setWebhook(Authentication authentication, @PathVariable UUID id, @ModelAttribute("form") WebhookForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		UUID municipalityId = municipalityOf(authentication);
		Optional<String> secret;
		try {
			secret = this.systems.setWebhook(municipalityId, id, form.webhookUrl());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return systemPage(this.systems.get(municipalityId, id), model);
		}
		secret.ifPresent((value) -> redirect.addFlashAttribute("newSecret", value));
		redirect.addFlashAttribute("notice", "integrations.admin.webhook.saved");
		return "redirect:" + PATH + "/" + id;
	}

	@PostMapping(PATH + "/{id}/geheimnis")
	String rotateSecret(Authentication authentication, @PathVariable UUID id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("newSecret", this.systems.rotateSecret(municipalityOf(authentication), id));
		return "redirect:" + PATH + "/" + id;
	}

	@GetMapping(DELIVERIES)
	String deliveries(Authentication authentication, Model model) {
		UUID municipalityId = municipalityOf(authentication);
		model.addAttribute("pending", this.dispatcher.open(municipalityId, WebhookDelivery.PENDING));
		model.addAttribute("dead", this.dispatcher.open(municipalityId, WebhookDelivery.DEAD));
		return "integrations/admin/deliveries";
	}

	@PostMapping(DELIVERIES + "/{deliveryId}/erneut")
	String replay(Authentication authentication, @PathVariable UUID deliveryId, RedirectAttributes redirect) {
		this.dispatcher.replay(municipalityOf(authentication), deliveryId);
		redirect.addFlashAttribute("notice", "integrations.admin.deliveries.replayed.one");
		return "redirect:" + DELIVERIES;
	}

	@PostMapping(DELIVERIES + "/erneut")
	String replayAll(Authentication authentication, RedirectAttributes redirect) {
		int count = this.dispatcher.replayAll(municipalityOf(authentication));
		redirect.addFlashAttribute("notice", "integrations.admin.deliveries.replayed.all");
		redirect.addFlashAttribute("noticeName", count);
		return "redirect:" + DELIVERIES;
	}

	private String form(SystemForm form, UUID municipalityId, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("orgUnits", this.orgUnits.of(municipalityId));
		return "integrations/admin/system-form";
	}

	private java.util.Map<UUID, String> orgUnitNames(UUID municipalityId) {
		java.util.Map<UUID, String> names = new java.util.HashMap<>();
		this.orgUnits.of(municipalityId).forEach((unit) -> names.put(unit.id(), unit.name()));
		return names;
	}

	/**
	 * The admin's municipality. Specialist systems belong to one municipality; a portal
	 * operator without one has no systems to administer here.
	 */
	private static UUID municipalityOf(Authentication authentication) {
		boolean admin = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch("ROLE_ADMIN"::equals);
		if (admin && authentication.getPrincipal() instanceof MunicipalityMember member
				&& member.municipalityId() != null) {
			return member.municipalityId();
		}
		throw new NotFoundException("No municipality to administer");
	}

	/**
	 * A new system as typed.
	 *
	 * @param name what to call it
	 * @param orgUnitIds the org units whose cases it works
	 */
	record SystemForm(String name, List<UUID> orgUnitIds) {

		SystemForm(@Nullable String name, @Nullable List<UUID> orgUnitIds) {
			this.name = (name != null) ? name : "";
			this.orgUnitIds = (orgUnitIds != null) ? new ArrayList<>(orgUnitIds) : List.of();
		}

	}

	/**
	 * @param webhookUrl where webhooks go; empty for none
	 */
	record WebhookForm(String webhookUrl) {

		WebhookForm(@Nullable String webhookUrl) {
			this.webhookUrl = (webhookUrl != null) ? webhookUrl : "";
		}

	}

}
