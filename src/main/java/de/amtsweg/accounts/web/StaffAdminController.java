package de.amtsweg.accounts.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.StaffAccounts;
import de.amtsweg.accounts.StaffMember;
import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.accounts.StaffRole;
import de.amtsweg.accounts.StaffRoleGrant;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The staff pages of the administration: list, invite, rename, roles, deactivate. A
 * municipality's admin works on their own municipality; a portal admin picks one
 * ({@code ?gemeinde=<slug>}) or the portal's operators ({@code /betrieb}).
 */
@Controller
class StaffAdminController {

	static final String PATH = "/intern/admin/personal";

	static final String OPERATORS = PATH + "/betrieb";

	private final StaffAccounts staff;

	private final Municipalities municipalities;

	private final OrgUnits orgUnits;

	private static final DateTimeFormatter SIGN_IN_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

	private final MessageSource messages;

	private final Clock clock;

	StaffAdminController(StaffAccounts staff, Municipalities municipalities, OrgUnits orgUnits, MessageSource messages,
			Clock clock) {
		this.staff = staff;
		this.municipalities = municipalities;
		this.orgUnits = orgUnits;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String list(@AuthenticationPrincipal StaffPrincipal admin,
			@RequestParam(name = "gemeinde", required = false) @Nullable String slug, Model model) {
		boolean portalAdmin = this.staff.isPortalAdmin(admin);
		model.addAttribute("portalAdmin", portalAdmin);
		model.addAttribute("municipalities", portalAdmin ? this.municipalities.all() : List.of());
		Municipality municipality = chosen(admin, portalAdmin, slug);
		if (municipality == null) {
			model.addAttribute("municipality", null);
			model.addAttribute("operators", false);
			return "accounts/staff/list";
		}
		return list(admin, municipality.id(), municipality, model);
	}

	@GetMapping(OPERATORS)
	String operators(@AuthenticationPrincipal StaffPrincipal admin, Model model) {
		model.addAttribute("portalAdmin", true);
		model.addAttribute("municipalities", this.municipalities.all());
		return list(admin, null, null, model);
	}

	@GetMapping(PATH + "/neu")
	String newMember(@AuthenticationPrincipal StaffPrincipal admin,
			@RequestParam(name = "gemeinde", required = false) @Nullable String slug, Model model) {
		Municipality municipality = required(chosen(admin, this.staff.isPortalAdmin(admin), slug));
		return createForm(new NewMemberForm("", "", ""), municipality, model);
	}

	@PostMapping(PATH + "/neu")
	String create(@AuthenticationPrincipal StaffPrincipal admin,
			@RequestParam(name = "gemeinde", required = false) @Nullable String slug,
			@ModelAttribute("form") NewMemberForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Municipality municipality = required(chosen(admin, this.staff.isPortalAdmin(admin), slug));
		return inviteInto(admin, municipality, form, result, model, response, redirect);
	}

	@GetMapping(OPERATORS + "/neu")
	String newOperator(@AuthenticationPrincipal StaffPrincipal admin, Model model) {
		if (!this.staff.isPortalAdmin(admin)) {
			throw new NotFoundException("Operators");
		}
		return createForm(new NewMemberForm("", "", ""), null, model);
	}

	@PostMapping(OPERATORS + "/neu")
	String createOperator(@AuthenticationPrincipal StaffPrincipal admin, @ModelAttribute("form") NewMemberForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!this.staff.isPortalAdmin(admin)) {
			throw new NotFoundException("Operators");
		}
		return inviteInto(admin, null, form, result, model, response, redirect);
	}

	@GetMapping(PATH + "/{id}")
	String member(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable UUID id, Model model) {
		StaffMember member = this.staff.get(admin, id);
		model.addAttribute("member", member);
		model.addAttribute("self", member.id().equals(admin.staffId()));
		model.addAttribute("municipality", municipality(member));
		model.addAttribute("roleLines", roleLines(member));
		model.addAttribute("listPath", listPath(municipality(member)));
		model.addAttribute("lastSignIn", (member.lastSignIn() != null)
				? SIGN_IN_TIME.format(member.lastSignIn().atZone(this.clock.getZone())) : null);
		return "accounts/staff/member";
	}

	@GetMapping(PATH + "/{id}/name")
	String nameForm(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable UUID id, Model model) {
		StaffMember member = this.staff.get(admin, id);
		model.addAttribute("form", new NameForm(member.givenName(), member.familyName()));
		model.addAttribute("member", member);
		return "accounts/staff/name";
	}

	@PostMapping(PATH + "/{id}/name")
	String rename(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable UUID id,
			@ModelAttribute("form") NameForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.staff.rename(admin, id, form.givenName(), form.familyName());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("member", this.staff.get(admin, id));
			return "accounts/staff/name";
		}
		redirect.addFlashAttribute("notice", "admin.staff.renamed");
		return "redirect:" + PATH + "/" + id;
	}

	@GetMapping(PATH + "/{id}/rollen")
	String rolesForm(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable UUID id, Model model) {
		StaffMember member = this.staff.get(admin, id);
		return rolesPage(RolesForm.of(member), member, model);
	}

	@PostMapping(PATH + "/{id}/rollen")
	String changeRoles(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable UUID id,
			@ModelAttribute("form") RolesForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.staff.changeRoles(admin, id, form.grants());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return rolesPage(form, this.staff.get(admin, id), model);
		}
		redirect.addFlashAttribute("notice", "admin.staff.rolesChanged");
		return "redirect:" + PATH + "/" + id;
	}

	@PostMapping(PATH + "/{id}/deaktivieren")
	String deactivate(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable UUID id,
			RedirectAttributes redirect) {
		try {
			this.staff.deactivate(admin, id);
			redirect.addFlashAttribute("notice", "admin.staff.deactivated");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.problems().get(0).messageKey());
		}
		return "redirect:" + PATH + "/" + id;
	}

	@PostMapping(PATH + "/{id}/reaktivieren")
	String reactivate(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable UUID id,
			RedirectAttributes redirect) {
		this.staff.reactivate(admin, id);
		redirect.addFlashAttribute("notice", "admin.staff.reactivated");
		return "redirect:" + PATH + "/" + id;
	}

	@PostMapping(PATH + "/{id}/einladung")
	String sendNewInvitation(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable UUID id,
			RedirectAttributes redirect) {
		try {
			this.staff.sendNewInvitation(admin, id);
			redirect.addFlashAttribute("notice", "admin.staff.invitationSent");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.problems().get(0).messageKey());
		}
		return "redirect:" + PATH + "/" + id;
	}

	private String list(StaffPrincipal admin, @Nullable UUID municipalityId, @Nullable Municipality municipality,
			Model model) {
		List<StaffMember> members = this.staff.list(admin, municipalityId);
		Map<UUID, List<String>> roleLines = new LinkedHashMap<>();
		members.forEach((member) -> roleLines.put(member.id(), roleLines(member)));
		model.addAttribute("municipality", municipality);
		model.addAttribute("operators", municipalityId == null);
		model.addAttribute("members", members);
		model.addAttribute("roleLines", roleLines);
		return "accounts/staff/list";
	}

	private String inviteInto(StaffPrincipal admin, @Nullable Municipality municipality, NewMemberForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		UUID id;
		try {
			id = this.staff.invite(admin, (municipality != null) ? municipality.id() : null, form.givenName(),
					form.familyName(), form.email());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return createForm(form, municipality, model);
		}
		redirect.addFlashAttribute("notice", "admin.staff.invited");
		redirect.addFlashAttribute("noticeName", form.email().trim());
		return "redirect:" + PATH + "/" + id + "/rollen";
	}

	private static String createForm(NewMemberForm form, @Nullable Municipality municipality, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("municipality", municipality);
		model.addAttribute("listPath", listPath(municipality));
		return "accounts/staff/new";
	}

	private String rolesPage(RolesForm form, StaffMember member, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("member", member);
		model.addAttribute("municipality", municipality(member));
		model.addAttribute("orgUnits",
				(member.municipalityId() != null) ? this.orgUnits.of(member.municipalityId()) : List.of());
		model.addAttribute("orgUnitRoles", StaffAccounts.ORG_UNIT_ROLES);
		return "accounts/staff/roles";
	}

	/**
	 * The municipality a page works on: the admin's own, the one a portal admin chose, or
	 * none yet (null) for a portal admin who has not chosen.
	 */
	private @Nullable Municipality chosen(StaffPrincipal admin, boolean portalAdmin, @Nullable String slug) {
		if (!portalAdmin) {
			if (admin.municipalityId() == null) {
				throw new NotFoundException("No municipality");
			}
			return this.municipalities.get(admin.municipalityId());
		}
		if (slug == null || slug.isBlank()) {
			return null;
		}
		return this.municipalities.bySlug(slug.trim()).orElseThrow(() -> new NotFoundException("Municipality " + slug));
	}

	private static Municipality required(@Nullable Municipality municipality) {
		if (municipality == null) {
			throw new NotFoundException("No municipality chosen");
		}
		return municipality;
	}

	private @Nullable Municipality municipality(StaffMember member) {
		return (member.municipalityId() != null) ? this.municipalities.get(member.municipalityId()) : null;
	}

	/** The member's roles in words, e.g. "Sachbearbeitung – Bürgerbüro". */
	private List<String> roleLines(StaffMember member) {
		Locale locale = LocaleContextHolder.getLocale();
		List<String> lines = new ArrayList<>();
		for (StaffRoleGrant grant : member.roles()) {
			String role = this.messages.getMessage("admin.staff.role." + grant.role().name(), null, locale);
			if (grant.orgUnitId() == null) {
				lines.add(role);
			}
			else {
				String unit = this.orgUnits.byId(grant.orgUnitId()).map(OrgUnit::name).orElse("");
				lines.add(this.messages.getMessage("admin.staff.role.inUnit", new Object[] { role, unit }, locale));
			}
		}
		return lines;
	}

	static String listPath(@Nullable Municipality municipality) {
		if (municipality == null) {
			return OPERATORS;
		}
		return UriComponentsBuilder.fromPath(PATH).queryParam("gemeinde", municipality.slug()).build().toUriString();
	}

	/**
	 * A new member.
	 *
	 * @param givenName given name
	 * @param familyName family name
	 * @param email e-mail address to sign in with; the invitation goes there
	 */
	record NewMemberForm(String givenName, String familyName, String email) {

		NewMemberForm {
			givenName = (givenName != null) ? givenName : "";
			familyName = (familyName != null) ? familyName : "";
			email = (email != null) ? email : "";
		}

	}

	/**
	 * A member's name.
	 *
	 * @param givenName given name
	 * @param familyName family name
	 */
	record NameForm(String givenName, String familyName) {

		NameForm {
			givenName = (givenName != null) ? givenName : "";
			familyName = (familyName != null) ? familyName : "";
		}

	}

	/**
	 * The ticked boxes of the role matrix: {@code ADMIN} or {@code PORTAL_ADMIN} for the
	 * whole, {@code <org unit id>:<role>} per org unit.
	 *
	 * @param roles the values of the ticked boxes
	 */
	record RolesForm(List<String> roles) {

		RolesForm {
			roles = (roles != null) ? List.copyOf(roles) : List.of();
		}

		static RolesForm of(StaffMember member) {
			return new RolesForm(member.roles().stream().map(RolesForm::value).toList());
		}

		static String value(StaffRoleGrant grant) {
			return (grant.orgUnitId() != null) ? grant.orgUnitId() + ":" + grant.role().name() : grant.role().name();
		}

		public boolean ticked(StaffRole role, @Nullable UUID orgUnitId) {
			return this.roles.contains(value(new StaffRoleGrant(role, orgUnitId)));
		}

		/** The grants the boxes stand for; a value the page never offered is refused. */
		List<StaffRoleGrant> grants() {
			List<StaffRoleGrant> grants = new ArrayList<>();
			for (String value : this.roles) {
				try {
					int colon = value.indexOf(':');
					grants.add((colon < 0) ? StaffRoleGrant.whole(StaffRole.valueOf(value)) : new StaffRoleGrant(
							StaffRole.valueOf(value.substring(colon + 1)), UUID.fromString(value.substring(0, colon))));
				}
				catch (IllegalArgumentException ex) {
					throw InvalidInputException.of("roles", "admin.staff.roles.invalid");
				}
			}
			return grants;
		}

	}

}
