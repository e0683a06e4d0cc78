package de.amtsweg.cases.internal;

import java.util.Optional;
import java.util.UUID;

import de.amtsweg.cases.Cases;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link Cases} facade for other modules.
 */
@Service
@Transactional(readOnly = true)
class CaseDirectory implements Cases {

	private final CaseRepository cases;

	CaseDirectory(CaseRepository cases) {
		this.cases = cases;
	}

	@Override
	public Optional<CaseSummary> byReference(UUID municipalityId, String reference) {
		return this.cases.findByReference(municipalityId, reference).map(CaseDirectory::summary);
	}

	@Override
	public Optional<CaseSummary> byId(UUID caseId) {
		return this.cases.findById(caseId).map(CaseDirectory::summary);
	}

	@Override
	public Optional<java.time.LocalDate> retainUntil(UUID caseId) {
		return this.cases.retainUntil(caseId);
	}

	private static CaseSummary summary(CaseFile c) {
		return new CaseSummary(c.id(), c.municipalityId(), c.reference(), c.orgUnitId(), c.titleDe(), c.titleEn(),
				c.applicantAccountId(), c.applicantName(), c.status());
	}

}
