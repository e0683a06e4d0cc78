/**
 * The e-file (E-Akte): files per case and general files per org unit, organised by the
 * municipality's file plan (Aktenplan); documents with versions whose bytes live in the
 * platform's content-addressed blob store, full-text search over their extracted text, an
 * integrity sweep over every stored blob, and retention with review, deletion or transfer
 * to an archive. Listens to {@link de.amtsweg.cases.CaseOpened},
 * {@link de.amtsweg.cases.CaseStatusChanged} and {@link de.amtsweg.cases.NoticeCreated}.
 */
@NullMarked
@ApplicationModule(displayName = "Documents")
package de.amtsweg.documents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
