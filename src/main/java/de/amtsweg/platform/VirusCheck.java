package de.amtsweg.platform;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The virus check of every upload path (forms' files, postbox attachments, the e-file,
 * the mail room, the specialist-system document API): the file is scanned by the
 * configured {@link VirusScanner}; an infected file, or one that cannot be scanned, is
 * refused with the same German message everywhere, and the refusal is audited so that the
 * entry survives the rollback of the refused request.
 */
@Service
public class VirusCheck {

	public static final String INFECTED = "upload.error.infected";

	public static final String UNAVAILABLE = "upload.error.scanUnavailable";

	private final VirusScanner scanner;

	private final AuditLog auditLog;

	VirusCheck(VirusScanner scanner, AuditLog auditLog) {
		this.scanner = scanner;
		this.auditLog = auditLog;
	}

	/**
	 * @param field the form field to name in the message
	 * @param fileName the file's name, the message's argument
	 * @param uploadPath where it was uploaded (audit detail), e.g. {@code mailroom}
	 * @throws InvalidInputException {@link #INFECTED} or {@link #UNAVAILABLE} with the
	 * file's name as argument
	 */
	public void requireClean(String field, String fileName, byte[] content, String uploadPath,
			@Nullable UUID municipalityId) {
		String problem = problem(content, uploadPath + ": " + fileName, municipalityId);
		if (problem != null) {
			throw InvalidInputException.of(field, problem, fileName);
		}
	}

	/**
	 * The same check for callers that report problems themselves (forms).
	 * @return null when clean, else {@link #INFECTED} or {@link #UNAVAILABLE}
	 */
	public @Nullable String problem(byte[] content, String what, @Nullable UUID municipalityId) {
		VirusScanner.Verdict verdict;
		try {
			verdict = this.scanner.scan(content);
		}
		catch (VirusScanner.ScannerUnavailableException ex) {
			this.auditLog.recordRefusal("upload.scan-unavailable", "upload", Sha256.hex(content), municipalityId, what);
			return UNAVAILABLE;
		}
		if (!verdict.clean()) {
			this.auditLog.recordRefusal("upload.infected", "upload", Sha256.hex(content), municipalityId,
					what + " " + verdict.signature());
			return INFECTED;
		}
		return null;
	}

}
