package de.amtsweg.platform.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Chains new audit entries every second. Cluster-safe without {@code JobLock}: the seal
 * itself runs under a database-wide advisory lock and returns at once when another node
 * holds it, and it writes no lock row each second.
 */
@Component
class AuditSealer {

	private final AuditChain chain;

	AuditSealer(AuditChain chain) {
		this.chain = chain;
	}

	@Scheduled(fixedDelayString = "${amtsweg.audit.seal-interval:PT1S}",
			initialDelayString = "${amtsweg.audit.seal-interval:PT1S}")
	void seal() {
		this.chain.seal();
	}

}
