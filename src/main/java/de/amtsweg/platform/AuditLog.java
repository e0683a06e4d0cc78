package de.amtsweg.platform;

import java.util.List;
import java.util.UUID;

import de.amtsweg.platform.internal.AuditChain;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained record of who read or changed which record. Every read
 * and change of personal data and of cases goes through here, in the transaction of the
 * change.
 */
@Service
public class AuditLog {

	public static final String SYSTEM = "system";

	public static final String ANONYMOUS = "anonymous";

	private final AuditChain chain;

	public AuditLog(AuditChain chain) {
		this.chain = chain;
	}

	/** Records an action of the signed-in principal (or {@code anonymous}). */
	@Transactional
	public AuditEntry record(String action, String recordType, String recordId, @Nullable UUID municipalityId,
			String details) {
		return this.chain.append(currentActor(), action, recordType, recordId, municipalityId, details);
	}

	/** Records an action of a named actor, e.g. {@code system} for scheduled jobs. */
	@Transactional
	public AuditEntry recordAs(String actor, String action, String recordType, String recordId,
			@Nullable UUID municipalityId, String details) {
		return this.chain.append(actor, action, recordType, recordId, municipalityId, details);
	}

	/**
	 * Records a refusal (a record of another unit asked for, an infected upload) in a
	 * transaction of its own: the refusal then throws, and the entry must outlive the
	 * rollback of the transaction that threw.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public AuditEntry recordRefusal(String action, String recordType, String recordId, @Nullable UUID municipalityId,
			String details) {
		return this.chain.append(currentActor(), action, recordType, recordId, municipalityId, details);
	}

	public List<AuditEntry> forRecord(String recordType, String recordId) {
		return this.chain.forRecord(recordType, recordId);
	}

	public List<AuditEntry> latest(int limit, @Nullable UUID municipalityId) {
		return this.chain.latest(limit, municipalityId);
	}

	/**
	 * Seals the entries that are not chained yet, then recomputes every hash from the
	 * first entry on and reports the first entry that does not fit.
	 */
	public AuditVerification verify() {
		this.chain.seal();
		return this.chain.verify();
	}

	public static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return ANONYMOUS;
		}
		if (authentication.getPrincipal() instanceof AuditActor actor) {
			return actor.auditName();
		}
		if (SYSTEM.equals(authentication.getPrincipal())) {
			return SYSTEM;
		}
		return "principal:" + authentication.getName();
	}

}
