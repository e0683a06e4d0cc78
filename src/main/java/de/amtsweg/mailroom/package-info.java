/**
 * The digital mail room (Posteingang): front-desk staff upload scanned letters and faxes
 * in batches; a worker extracts their text (the PDF's text layer, else OCR with
 * Tesseract), recognises sender, subject and reference numbers, and files each item into
 * the case it names, puts it into an org unit's inbox by the municipality's rules, or
 * leaves it for routing by hand. An item stays in the intake queue until it is routed,
 * whatever fails in between. Publishes {@link de.amtsweg.mailroom.IncomingMailRouted}.
 */
@NullMarked
@ApplicationModule(displayName = "Mail room")
package de.amtsweg.mailroom;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
