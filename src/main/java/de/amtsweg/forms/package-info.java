/**
 * Online applications: declarative, versioned form definitions per municipality (JSON,
 * validated against {@code docs/forms/form-definition.schema.json}), filling in page by
 * page with drafts, uploads and a check-your-answers page, exactly-once submissions with
 * a reference number and a receipt PDF, FIM XDatenfelder import and form sharing between
 * municipalities. Publishes {@link de.amtsweg.forms.FormSubmitted} for the case module.
 */
@NullMarked
@ApplicationModule(displayName = "Forms")
package de.amtsweg.forms;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
