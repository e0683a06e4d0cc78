package de.amtsweg.platform.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import de.amtsweg.platform.AuditEntry;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.AuditVerification;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The audit log for admins: the latest entries of their municipality (all for a portal
 * admin), found by record type and id, and the check of the hash chain.
 */
@Controller
class AuditLogController {

	static final String PATH = "/intern/admin/protokoll";

	/** Entries shown at most. */
	static final int SHOWN = 100;

	/**
	 * Entries searched when only the type or only the id is given; type and id together
	 * find every entry of the record.
	 */
	static final int SEARCHED = 5_000;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

	private final AuditLog auditLog;

	private final Municipalities municipalities;

	private final MessageSource messages;

	private final Clock clock;

	AuditLogController(AuditLog auditLog, Municipalities municipalities, MessageSource messages, Clock clock) {
		this.auditLog = auditLog;
		this.municipalities = municipalities;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String entries(Authentication authentication,
			@RequestParam(name = "typ", required = false, defaultValue = "") String recordType,
			@RequestParam(name = "id", required = false, defaultValue = "") String recordId, Model model) {
		AdminViewer viewer = AdminViewer.of(authentication);
		@Nullable UUID scope = viewer.portalAdmin() ? null : viewer.municipalityId();
		String type = recordType.trim();
		String id = recordId.trim();
		this.auditLog.record("audit-log.viewed", "audit-log", "-", scope,
				(type.isEmpty() && id.isEmpty()) ? "" : "type=" + type + " id=" + id);
		List<AuditEntry> found = find(scope, type, id);
		Map<UUID, String> names = this.municipalities.all()
			.stream()
			.collect(Collectors.toMap(Municipality::id, Municipality::name));
		model.addAttribute("rows",
				found.stream()
					.map((entry) -> new Row(entry, WHEN.format(entry.occurredAt().atZone(this.clock.getZone())),
							(entry.municipalityId() != null) ? names.getOrDefault(entry.municipalityId(), "") : ""))
					.toList());
		model.addAttribute("recordType", type);
		model.addAttribute("recordId", id);
		model.addAttribute("filtered", !type.isEmpty() || !id.isEmpty());
		model.addAttribute("portalAdmin", viewer.portalAdmin());
		model.addAttribute("shown", SHOWN);
		model.addAttribute("searched", SEARCHED);
		return "platform/admin/audit-log";
	}

	@PostMapping(PATH + "/pruefen")
	String verify(Authentication authentication, Locale locale, RedirectAttributes redirect) {
		AdminViewer viewer = AdminViewer.of(authentication);
		AuditVerification verification = this.auditLog.verify();
		this.auditLog.record("audit-log.verified", "audit-log", "-",
				viewer.portalAdmin() ? null : viewer.municipalityId(),
				verification.intact() ? "intact" : "broken at " + verification.firstBrokenId());
		// Flash attributes live in the session, which is stored serialised: plain values
		// only.
		redirect.addFlashAttribute("verificationIntact", verification.intact());
		redirect.addFlashAttribute("verificationMessage",
				AuditVerificationText.describe(verification, this.messages, locale));
		return "redirect:" + PATH;
	}

	private List<AuditEntry> find(@Nullable UUID scope, String type, String id) {
		Predicate<AuditEntry> inScope = (entry) -> scope == null || scope.equals(entry.municipalityId());
		if (!type.isEmpty() && !id.isEmpty()) {
			List<AuditEntry> ofRecord = this.auditLog.forRecord(type, id)
				.stream()
				.filter(inScope)
				.collect(Collectors.toCollection(ArrayList::new));
			Collections.reverse(ofRecord);
			return ofRecord.stream().limit(SHOWN).toList();
		}
		int window = (type.isEmpty() && id.isEmpty()) ? SHOWN : SEARCHED;
		return this.auditLog.latest(window, scope)
			.stream()
			.filter((entry) -> type.isEmpty() || type.equals(entry.recordType()))
			.filter((entry) -> id.isEmpty() || id.equals(entry.recordId()))
			.limit(SHOWN)
			.toList();
	}

	/**
	 * One line of the table.
	 *
	 * @param entry the entry
	 * @param when when it happened, in the municipality's time zone
	 * @param municipality the municipality's name, empty if none
	 */
	record Row(AuditEntry entry, String when, String municipality) {
	}

}
