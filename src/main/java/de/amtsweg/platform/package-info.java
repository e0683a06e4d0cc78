/**
 * Shared kernel: municipalities (tenants) and their org units, the audit log, time, i18n,
 * the page layout and error handling, and the embedded PostgreSQL used when no database
 * is configured.
 */
@NullMarked
@ApplicationModule(displayName = "Platform")
package de.amtsweg.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
