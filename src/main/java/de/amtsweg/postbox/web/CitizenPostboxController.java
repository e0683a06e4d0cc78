package de.amtsweg.postbox.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import de.amtsweg.accounts.CitizenAccounts;
import de.amtsweg.accounts.CitizenPrincipal;
import de.amtsweg.accounts.OrganisationMembership;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.postbox.internal.Conversations;
import de.amtsweg.postbox.internal.Conversations.Download;
import de.amtsweg.postbox.internal.GuestTokens;
import de.amtsweg.postbox.internal.Party;
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
 * The applicant's side of the postbox: the citizen's list and threads under
 * {@code /konto/postfach}, a new message to the town hall, and a guest's thread opened by
 * the link from their mail (the link's token is checked on every request; a wrong or
 * expired one answers 404).
 */
@Controller
class CitizenPostboxController {

	private static final String GUEST_GRANT = "postbox.guest.";

	private final Conversations conversations;

	private final OrgUnits orgUnits;

	private final CitizenAccounts accounts;

	CitizenPostboxController(Conversations conversations, OrgUnits orgUnits, CitizenAccounts accounts) {
		this.conversations = conversations;
		this.orgUnits = orgUnits;
		this.accounts = accounts;
	}

	@GetMapping("/konto/postfach")
	String list(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
		model.addAttribute("items", this.conversations.threadsOf(party(citizen)));
		model.addAttribute("today", this.conversations.today());
		return "postbox/list";
	}

	@GetMapping("/konto/postfach/neu")
	String newMessage(@AuthenticationPrincipal CitizenPrincipal citizen, Municipality municipality, Model model) {
		return newMessagePage(citizen, municipality, new NewMessageForm("", "", "", "", null), model);
	}

	@PostMapping("/konto/postfach/neu")
	String send(@AuthenticationPrincipal CitizenPrincipal citizen, Municipality municipality,
			@ModelAttribute("form") NewMessageForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		UUID threadId;
		try {
			threadId = this.conversations.startAsCitizen(party(citizen), municipality.id(), uuid(form.orgUnitId()),
					uuid(form.organisationId()), form.subject(), form.text(), Uploads.of(form.attachments()));
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return newMessagePage(citizen, municipality, form, model);
		}
		redirect.addFlashAttribute("notice", "postbox.notice.sent");
		return "redirect:/konto/postfach/" + threadId;
	}

	@GetMapping("/konto/postfach/{id}")
	String thread(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id, Model model) {
		return threadPage(party(citizen), id, "/konto/postfach/" + id, new ReplyForm("", "", null), model);
	}

	@PostMapping("/konto/postfach/{id}")
	String reply(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id,
			@ModelAttribute("form") ReplyForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return reply(party(citizen), id, "/konto/postfach/" + id, form, result, model, response, redirect);
	}

	@GetMapping("/konto/postfach/{id}/anhaenge/{attachmentId}")
	ResponseEntity<byte[]> attachment(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id,
			@PathVariable UUID attachmentId) {
		return download(this.conversations.download(party(citizen), id, attachmentId));
	}

	/** The mailed link: checks the token and remembers it in the session. */
	@GetMapping("/postfach/gast")
	String guestLink(@RequestParam(name = "zugang", required = false) @Nullable String token, HttpSession session) {
		UUID threadId = this.conversations.guestThread(token).orElseThrow(() -> new NotFoundException("Guest link"));
		session.setAttribute(GUEST_GRANT + threadId, GuestTokens.hash(token));
		return "redirect:/postfach/gast/" + threadId;
	}

	@GetMapping("/postfach/gast/{id}")
	String guestThread(@PathVariable UUID id, HttpSession session, Model model) {
		return threadPage(guest(id, session), id, "/postfach/gast/" + id, new ReplyForm("", "", null), model);
	}

	@PostMapping("/postfach/gast/{id}")
	String guestReply(@PathVariable UUID id, HttpSession session, @ModelAttribute("form") ReplyForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return reply(guest(id, session), id, "/postfach/gast/" + id, form, result, model, response, redirect);
	}

	@GetMapping("/postfach/gast/{id}/anhaenge/{attachmentId}")
	ResponseEntity<byte[]> guestAttachment(@PathVariable UUID id, @PathVariable UUID attachmentId,
			HttpSession session) {
		return download(this.conversations.download(guest(id, session), id, attachmentId));
	}

	private String reply(Party party, UUID id, String path, ReplyForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.conversations.reply(party, id, form.text(), Uploads.of(form.attachments()), null);
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return threadPage(party, id, path, form, model);
		}
		redirect.addFlashAttribute("notice", "postbox.notice.sent");
		return "redirect:" + path;
	}

	private String threadPage(Party party, UUID id, String path, ReplyForm form, Model model) {
		model.addAttribute("page", this.conversations.open(party, id));
		model.addAttribute("path", path);
		model.addAttribute("side", (party instanceof Party.Guest) ? "guest" : "citizen");
		model.addAttribute("form", form);
		return "postbox/thread";
	}

	private String newMessagePage(CitizenPrincipal citizen, Municipality municipality, NewMessageForm form,
			Model model) {
		Map<String, String> units = new LinkedHashMap<>();
		for (OrgUnit unit : this.orgUnits.of(municipality.id())) {
			units.put(unit.id().toString(), unit.name());
		}
		Map<String, String> organisations = new LinkedHashMap<>();
		for (OrganisationMembership membership : this.accounts.organisationsOf(citizen.accountId())) {
			organisations.put(membership.organisationId().toString(), membership.organisationName());
		}
		model.addAttribute("form", form);
		model.addAttribute("units", units);
		model.addAttribute("organisations", organisations);
		model.addAttribute("municipality", municipality);
		return "postbox/new-message";
	}

	private Party.Guest guest(UUID threadId, HttpSession session) {
		Object hash = session.getAttribute(GUEST_GRANT + threadId);
		if (!(hash instanceof String tokenHash) || !this.conversations.guestLinkValid(tokenHash, threadId)) {
			throw new NotFoundException("Thread " + threadId);
		}
		return new Party.Guest(threadId);
	}

	static ResponseEntity<byte[]> download(Download download) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.attachment().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(download.attachment().fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(download.content());
	}

	private static Party.Citizen party(CitizenPrincipal citizen) {
		return new Party.Citizen(citizen.accountId(), citizen.displayName());
	}

	static @Nullable UUID uuid(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * A new message to the town hall.
	 *
	 * @param orgUnitId the org unit written to
	 * @param organisationId the organisation written for, empty for oneself
	 * @param subject subject line
	 * @param text the message
	 * @param attachments files chosen
	 */
	record NewMessageForm(String orgUnitId, String organisationId, String subject, String text,
			@Nullable List<MultipartFile> attachments) {

		NewMessageForm {
			orgUnitId = Uploads.orEmpty(orgUnitId);
			organisationId = Uploads.orEmpty(organisationId);
			subject = Uploads.orEmpty(subject);
			text = Uploads.orEmpty(text);
		}

	}

	/**
	 * A reply in a thread.
	 *
	 * @param text the message
	 * @param replyBy the reply-by date (staff only)
	 * @param attachments files chosen
	 */
	record ReplyForm(String text, String replyBy, @Nullable List<MultipartFile> attachments) {

		ReplyForm {
			text = Uploads.orEmpty(text);
			replyBy = Uploads.orEmpty(replyBy);
		}

	}

}
