/**
 * The back office: every submitted form becomes a case (Vorgang) of its case type in the
 * responsible org unit, runs along its processing route on the embedded BPMN engine
 * (Flowable), is worked on in the clerks' inbox and ends with a decision, a notice
 * (Bescheid) and its closing. Applicants follow the status in their account or by
 * reference number and access code. Publishes {@link de.amtsweg.cases.CaseOpened} and
 * {@link de.amtsweg.cases.CaseStatusChanged}.
 */
@NullMarked
@ApplicationModule(displayName = "Cases")
package de.amtsweg.cases;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
