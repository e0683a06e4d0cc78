package de.amtsweg.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.accounts.internal.StaffAbsenceRepository;
import de.amtsweg.accounts.internal.StaffAccountRepository;
import de.amtsweg.accounts.internal.StaffAccountRepository.StaffRow;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Absence and deputies (Vertretung): a staff member marked absent names a colleague of
 * the same municipality who deputises; other modules ask whom a member stands in for
 * (e.g. the case inbox shows the absent member's cases to the deputy). A member marks
 * themselves, or an admin of their municipality does.
 */
@Service
public class StaffAbsences {

	private static final String RECORD_TYPE = "staff-account";

	private final StaffAbsenceRepository absences;

	private final StaffAccountRepository staff;

	private final StaffAccounts accounts;

	private final AuditLog auditLog;

	private final Clock clock;

	StaffAbsences(StaffAbsenceRepository absences, StaffAccountRepository staff, StaffAccounts accounts,
			AuditLog auditLog, Clock clock) {
		this.absences = absences;
		this.staff = staff;
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** The member's absence, if they are marked absent. */
	@Transactional(readOnly = true)
	public Optional<StaffAbsence> absence(UUID staffId) {
		return this.absences.of(staffId);
	}

	/** The absent colleagues for whom the member deputises. */
	@Transactional(readOnly = true)
	public List<StaffAbsence> deputyFor(UUID deputyId) {
		return this.absences.deputisedBy(deputyId);
	}

	/** Active colleagues of the member's municipality who can deputise, by name. */
	@Transactional(readOnly = true)
	public List<StaffMember> possibleDeputies(UUID staffId) {
		StaffRow member = this.staff.findById(staffId).orElseThrow(() -> new NotFoundException("Staff " + staffId));
		return this.staff.findByMunicipality(member.municipalityId())
			.stream()
			.filter((row) -> row.active() && !row.id().equals(staffId) && row.municipalityId() != null)
			.map((row) -> new StaffMember(row.id(), row.municipalityId(), row.email(), row.givenName(),
					row.familyName(), row.active(), row.passwordSet(), row.lastLoginAt(), List.of()))
			.toList();
	}

	/**
	 * Marks the member absent with the deputy (or changes the deputy).
	 * @throws InvalidInputException field {@code deputy} when the deputy is missing, the
	 * member themselves or not an active colleague of the same municipality
	 */
	@Transactional
	public void markAbsent(StaffPrincipal actor, UUID staffId, @org.jspecify.annotations.Nullable UUID deputyId) {
		StaffRow member = permitted(actor, staffId);
		if (deputyId == null) {
			throw InvalidInputException.of("deputy", "accounts.absence.deputy.missing");
		}
		StaffRow deputy = this.staff.findById(deputyId).orElse(null);
		if (deputy == null || deputy.id().equals(staffId) || !deputy.active()
				|| !Objects.equals(deputy.municipalityId(), member.municipalityId())) {
			throw InvalidInputException.of("deputy", "accounts.absence.deputy.invalid");
		}
		this.absences.set(staffId, deputyId, actor.staffId(), this.clock.instant());
		this.auditLog.record("staff-account.absent", RECORD_TYPE, staffId.toString(), member.municipalityId(),
				"deputy " + deputyId);
	}

	/** Ends the member's absence; their cases show in their own inbox only again. */
	@Transactional
	public void markPresent(StaffPrincipal actor, UUID staffId) {
		StaffRow member = permitted(actor, staffId);
		if (this.absences.clear(staffId)) {
			this.auditLog.record("staff-account.present", RECORD_TYPE, staffId.toString(), member.municipalityId(), "");
		}
	}

	private StaffRow permitted(StaffPrincipal actor, UUID staffId) {
		StaffRow member = this.staff.findById(staffId)
			.filter((row) -> row.municipalityId() != null)
			.orElseThrow(() -> new NotFoundException("Staff " + staffId));
		boolean self = actor.staffId().equals(staffId);
		if (!self && !this.accounts.mayAdminister(actor, member.municipalityId())) {
			throw new NotFoundException("Staff " + staffId);
		}
		return member;
	}

}
