package de.amtsweg.platform;

/**
 * A signed-in principal as the audit log names it: a stable, non-personal identifier such
 * as {@code citizen:0b4e…} or {@code staff:7c1a…}.
 */
public interface AuditActor {

	String auditName();

}
