package de.amtsweg.mailroom.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.OrgUnits;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The municipality's routing rules, kept by its admins. */
@Service
public class MailRules {

	private final MailRepository repository;

	private final OrgUnits orgUnits;

	private final AuditLog auditLog;

	private final Clock clock;

	MailRules(MailRepository repository, OrgUnits orgUnits, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.orgUnits = orgUnits;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	public List<MailRule> rules(StaffPrincipal admin) {
		return this.repository.rules(municipality(admin));
	}

	/**
	 * Adds a rule.
	 * @throws InvalidInputException for a rank out of 1 to 9999, neither keywords nor
	 * sender, overlong values or an org unit of another municipality
	 */
	@Transactional
	public UUID add(StaffPrincipal admin, String position, String keywords, String senderPattern, String orgUnitId) {
		UUID municipalityId = municipality(admin);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		int rank = 0;
		try {
			rank = Integer.parseInt(position.strip());
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		if (rank < 1 || rank > 9999) {
			problems.add("position", "mailroom.rules.error.position");
		}
		String words = String.join(", ",
				new MailRule(new UUID(0, 0), municipalityId, 1, keywords, "", municipalityId).keywordList());
		if (words.isEmpty() && senderPattern.isBlank()) {
			problems.add("keywords", "mailroom.rules.error.empty");
		}
		if (keywords.length() > 500) {
			problems.add("keywords", "mailroom.rules.error.keywordsTooLong");
		}
		if (senderPattern.strip().length() > 200) {
			problems.add("senderPattern", "mailroom.rules.error.senderTooLong");
		}
		UUID unit = MailRoom.parse(orgUnitId);
		if (unit == null || this.orgUnits.byId(unit)
			.filter((candidate) -> candidate.municipalityId().equals(municipalityId))
			.isEmpty()) {
			problems.add("orgUnitId", "mailroom.rules.error.orgUnit");
		}
		problems.throwIfAny();
		UUID id = this.repository.addRule(municipalityId, rank, words, senderPattern.strip(),
				java.util.Objects.requireNonNull(unit), this.clock.instant());
		this.auditLog.record("mail-rule.created", "mail-rule", id.toString(), municipalityId,
				rank + ": " + words + " / " + senderPattern.strip() + " -> " + unit);
		return id;
	}

	@Transactional
	public void delete(StaffPrincipal admin, UUID ruleId) {
		UUID municipalityId = municipality(admin);
		if (this.repository.deleteRule(municipalityId, ruleId) != 1) {
			throw new NotFoundException("Rule " + ruleId);
		}
		this.auditLog.record("mail-rule.deleted", "mail-rule", ruleId.toString(), municipalityId, "");
	}

	private static UUID municipality(StaffPrincipal admin) {
		UUID municipalityId = admin.municipalityId();
		if (municipalityId == null) {
			throw new NotFoundException("No municipality");
		}
		return municipalityId;
	}

}
