package de.amtsweg.platform;

import org.jspecify.annotations.Nullable;

/**
 * Result of checking the audit chain.
 *
 * @param entriesChecked how many entries were read
 * @param intact whether every entry fits its content and the entry before
 * @param firstBrokenId the first entry that does not fit, if any
 * @param problem what is wrong with it: {@code content-changed} (the entry itself was
 * altered) or {@code chain-broken} (the entry before it was removed or altered)
 */
public record AuditVerification(long entriesChecked, boolean intact, @Nullable Long firstBrokenId,
		@Nullable String problem) {
}
