package de.amtsweg.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A file (Akte): of a case, or a general file of an org unit.
 *
 * @param id the file
 * @param municipalityId its municipality
 * @param orgUnitId the org unit that keeps it
 * @param subjectId its subject in the file plan, if filed under one
 * @param caseId the case it belongs to, null for a general file
 * @param title what it is about
 * @param createdAt when it was opened
 * @param caseRetainUntil the end of the case's retention period, once the case is closed
 * @param state ACTIVE, REVIEW or ARCHIVE
 * @param reviewSince the day its retention ended and it was listed for review
 */
public record DocumentFile(UUID id, UUID municipalityId, UUID orgUnitId, @Nullable UUID subjectId,
		@Nullable UUID caseId, String title, Instant createdAt, @Nullable LocalDate caseRetainUntil, String state,
		@Nullable LocalDate reviewSince) {
}
